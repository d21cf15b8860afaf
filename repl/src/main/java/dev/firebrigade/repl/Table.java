package dev.firebrigade.repl;

import dev.firebrigade.model.Action;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a list as aligned text columns: chosen columns for actions, users and incidents, the components of any
 * other record, the keys of JSON objects and maps, else one {@code value} column. Cells are cut to one short line.
 */
final class Table {
    static final int MAX_CELL = 60;

    /** One column: its header and how to get a cell from a row. */
    record Column(String header, Function<Object, Object> cell) {
    }

    private Table() {
    }

    /** The table, ending with a line that counts the rows; "(no rows)" for an empty list. */
    static String render(List<?> rows) {
        return render(rows, columnsFor(rows));
    }

    static String render(List<?> rows, List<Column> columns) {
        if (rows.isEmpty()) {
            return "(no rows)\n";
        }
        var cells = new ArrayList<String[]>();
        cells.add(columns.stream().map(Column::header).toArray(String[]::new));
        for (Object row : rows) {
            cells.add(columns.stream().map(column -> cellText(column.cell().apply(row))).toArray(String[]::new));
        }
        int[] widths = new int[columns.size()];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        var out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            appendLine(out, cells.get(r), widths);
            if (r == 0) {
                String[] rule = new String[widths.length];
                for (int i = 0; i < widths.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                appendLine(out, rule, widths);
            }
        }
        out.append('(').append(rows.size()).append(rows.size() == 1 ? " row" : " rows").append(")\n");
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] line, int[] widths) {
        var text = new StringBuilder();
        for (int i = 0; i < line.length; i++) {
            text.append(line[i]);
            if (i < line.length - 1) {
                text.append(" ".repeat(widths[i] - line[i].length() + 2));
            }
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }

    static List<Column> columnsFor(List<?> rows) {
        Object first = rows.stream().filter(row -> row != null).findFirst().orElse(null);
        if (first instanceof Action) {
            return List.of(
                    new Column("id", row -> ((Action) row).id()),
                    new Column("status", row -> ((Action) row).status()),
                    new Column("assignee", row -> ((Action) row).assignee() == null ? "" : ((Action) row).assignee().name()),
                    new Column("incident", row -> ((Action) row).incidentId()),
                    new Column("description", row -> ((Action) row).description()));
        }
        if (first instanceof User) {
            return List.of(
                    new Column("id", row -> ((User) row).id()),
                    new Column("name", row -> ((User) row).name()),
                    new Column("email", row -> ((User) row).email()),
                    new Column("role", row -> ((User) row).role()),
                    new Column("active", row -> ((User) row).isActive()));
        }
        if (first instanceof Incident) {
            return List.of(
                    new Column("reference", row -> ((Incident) row).reference()),
                    new Column("id", row -> ((Incident) row).id()),
                    new Column("status", row -> ((Incident) row).incidentStatus() == null ? null
                            : ((Incident) row).incidentStatus().name()),
                    new Column("severity", row -> ((Incident) row).severity()),
                    new Column("mode", row -> ((Incident) row).mode()),
                    new Column("name", row -> ((Incident) row).name()));
        }
        if (first instanceof Record record) {
            var columns = new ArrayList<Column>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                columns.add(new Column(component.getName(), row -> component(row, component)));
            }
            return columns;
        }
        if (first instanceof JsonObject || first instanceof Map) {
            var keys = new LinkedHashSet<String>();
            for (Object row : rows) {
                keys.addAll(asMap(row).keySet());
            }
            return keys.stream().map(key -> new Column(key, row -> asMap(row).get(key))).toList();
        }
        return List.of(new Column("value", row -> row));
    }

    private static Object component(Object row, RecordComponent component) {
        if (row == null || !component.getDeclaringRecord().isInstance(row)) {
            return null;
        }
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return "?";
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object row) {
        if (row instanceof JsonObject json) {
            return json.getMap();
        }
        if (row instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        return Map.of();
    }

    /** A cell as one line of at most {@value #MAX_CELL} characters. */
    static String cellText(Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof Enum<?> constant) {
            // incident.io's spelling (outstanding, not_doing), as the models' wireName() give it.
            text = constant.name().toLowerCase(Locale.ROOT);
        } else if (value instanceof JsonObject json) {
            text = json.containsKey("name") ? String.valueOf(json.getValue("name")) : json.encode();
        } else if (value instanceof Map<?, ?> map) {
            text = map.containsKey("name") ? String.valueOf(map.get("name")) : new JsonObject(asMap(map)).encode();
        } else if (value instanceof JsonArray array) {
            text = array.encode();
        } else {
            text = String.valueOf(value);
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > MAX_CELL ? flat.substring(0, MAX_CELL - 1) + "…" : flat;
    }
}

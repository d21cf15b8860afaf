package dev.firebrigade.bulk;

import dev.firebrigade.error.InvalidInputException;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a bulk file, and what kind of rows they make: a CSV's header line, or the field names of a JSON
 * Lines file's first row. A {@code title} means follow-ups; without one the rows are actions, as every file was before
 * follow-ups, except when follow-up columns without a title make it ambiguous (the caller says which then).
 */
final class Header {
    private static final String ACTIONS_LINE = "incident,description,assignee (key optional)";
    private static final String FOLLOW_UPS_LINE = "incident,title,description,assignee,priority,category,labels"
            + " (only incident and title required; key optional)";

    /** What the messages call it: {@code csv header} or {@code first row}. */
    private final String what;
    private final String file;
    private final List<String> names;
    /** Where each known column is, by position among {@code names}. */
    private final Map<Column, Integer> positions = new EnumMap<>(Column.class);

    private Header(String what, String file, List<String> names) {
        this.what = what;
        this.file = file;
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            Column column = Column.named(names.get(i));
            if (column != null) {
                positions.putIfAbsent(column, i);
            }
        }
    }

    static Header csv(String file, List<String> names) {
        return new Header("csv header", file, names);
    }

    static Header firstRow(String file, List<String> names) {
        return new Header("first row", file, names);
    }

    /** The position of {@code column}, -1 when absent. */
    int position(Column column) {
        return positions.getOrDefault(column, -1);
    }

    /** The kind its columns show; fails naming the column when follow-up columns come without a title. */
    BulkKind guess() {
        if (positions.containsKey(Column.TITLE)) {
            return BulkKind.FOLLOW_UPS;
        }
        Column followUpOnly = firstFollowUpOnly();
        if (followUpOnly != null) {
            throw refused("has a " + followUpOnly.label() + " column, which only follow-ups have, but no title column,"
                    + " which every follow-up needs", "add a title column for follow-ups, or remove "
                    + followUpOnly.label() + " for actions, or say which (--kind actions|follow-ups)");
        }
        // A header that names no kind (no description either) is read as actions: their check says what it lacks.
        return BulkKind.ACTIONS;
    }

    /**
     * Checks that its columns suit a bulk of {@code kind}: none that only the other kind has, and, with
     * {@code requireColumns} (a CSV header), the incident column and the one every row of the kind needs.
     */
    void check(BulkKind kind, boolean requireColumns) {
        if (kind == BulkKind.ACTIONS) {
            Column followUpOnly = firstFollowUpOnly();
            if (followUpOnly != null) {
                throw refused("has a " + followUpOnly.label() + " column: its rows are follow-ups, but this bulk"
                        + " creates actions", "run it as follow-ups (--kind follow-ups, or followUps().bulk(...)), or"
                        + " remove the " + followUpOnly.label() + " column");
            }
        } else if (!positions.containsKey(Column.TITLE) && positions.containsKey(Column.DESCRIPTION)
                && firstFollowUpOnly() == null) {
            throw refused("has a description column but no title column: its rows are actions, but this bulk creates"
                    + " follow-ups", "run it as actions (--kind actions, or actions().bulk(...)), or add a title"
                    + " column, which every follow-up needs");
        }
        if (!requireColumns) {
            return;
        }
        for (String required : List.of("incident", kind.requiredColumn())) {
            if (!positions.containsKey(Column.named(required))) {
                throw refused("lacks the " + required + " column", "start the file with the header line "
                        + (kind == BulkKind.ACTIONS ? ACTIONS_LINE + "; for follow-ups, " + FOLLOW_UPS_LINE
                        : FOLLOW_UPS_LINE));
            }
        }
    }

    private Column firstFollowUpOnly() {
        return positions.keySet().stream().filter(Column.FOLLOW_UP_ONLY::contains).findFirst().orElse(null);
    }

    private InvalidInputException refused(String problem, String fix) {
        return new InvalidInputException(what, problem + " in " + file + " (found: " + String.join(",", names) + ")",
                fix);
    }
}

package dev.firebrigade.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Streams a JSON Lines file: one object per line, with the bulk kind's fields ({@link Column}), e.g.
 * {@code {"incident": "INC-7", "description": "…", "assignee": "lisa@incident.io", "key": "…"}} or
 * {@code {"incident": "INC-7", "title": "…", "labels": ["database"]}}. The first row's fields are checked like a CSV
 * header. Blank lines are skipped; a line that is not such an object fails as its own row, and the rest continue.
 */
final class JsonLinesRowReader implements RowReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final BufferedReader reader;
    private final FileRows rows;
    private long row;
    private long line;

    private JsonLinesRowReader(BufferedReader reader, FileRows rows) {
        this.reader = reader;
        this.rows = rows;
    }

    /** Opens {@code path} once its first row's fields are checked for a bulk of the creator's kind. */
    static JsonLinesRowReader open(Path path, Creator<?, ?> creator) throws IOException {
        Header first = header(path);
        if (first != null) {
            first.check(creator.kind(), false);
        }
        return new JsonLinesRowReader(Files.newBufferedReader(path, StandardCharsets.UTF_8), new FileRows(creator));
    }

    /** The fields of the first row with a value, or null when it is not a JSON object (it then fails as a row). */
    static Header header(Path path) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null && text.replace("\uFEFF", "").isBlank()) {
                // Blank lines before the first row are skipped, as when reading.
            }
            JsonNode node = text == null ? null : object(text.replace("\uFEFF", ""));
            if (node == null) {
                return null;
            }
            var names = new ArrayList<String>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!node.get(name).isNull()) {
                    names.add(name);
                }
            }
            return Header.firstRow(path.toString(), names);
        }
    }

    @Override
    public List<SourceRow> read(int max) throws IOException {
        var chunk = new ArrayList<SourceRow>(Math.min(max, 1024));
        String text;
        while (chunk.size() < max && (text = reader.readLine()) != null) {
            line++;
            if (line == 1) {
                text = text.replace("\uFEFF", "");
            }
            if (text.isBlank()) {
                continue;
            }
            row++;
            chunk.add(parse(text));
        }
        return chunk;
    }

    private SourceRow parse(String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return rows.unreadable(row, line, "row", "is not JSON (" + e.getOriginalMessage() + ")",
                    "write one JSON object per line");
        }
        if (node == null || !node.isObject()) {
            return rows.unreadable(row, line, "row", "is not a JSON object", "write one JSON object per line");
        }
        String[] cells = FileRows.cells();
        List<String> labels = null;
        for (Column column : Column.values()) {
            JsonNode value = value(node, column);
            if (value == null) {
                continue;
            }
            if (column == Column.LABELS) {
                labels = labels(value);
                if (labels == null) {
                    return rows.unreadable(row, line, "labels", "is not an array of strings",
                            "write e.g. \"labels\": [\"database\", \"post-mortem\"]");
                }
            } else if (value.isTextual()) {
                cells[column.ordinal()] = value.asText();
            } else {
                return rows.unreadable(row, line, column.label(), "is not a string",
                        "quote the value of " + column.label());
            }
        }
        return rows.row(row, line, cells, labels);
    }

    /** The column's value under the first of its names that has one, or null. */
    private static JsonNode value(JsonNode node, Column column) {
        for (String name : column.names()) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    /** The labels of an array of strings, or null when it is not one. */
    private static List<String> labels(JsonNode value) {
        if (!value.isArray()) {
            return null;
        }
        var labels = new ArrayList<String>(value.size());
        for (JsonNode label : value) {
            if (!label.isTextual()) {
                return null;
            }
            labels.add(label.asText());
        }
        return labels;
    }

    private static JsonNode object(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** How many non-blank lines the file has, for the progress bar's total. */
    static long count(Path path) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            long n = 0;
            String text;
            while ((text = reader.readLine()) != null) {
                if (!text.isBlank()) {
                    n++;
                }
            }
            return n;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

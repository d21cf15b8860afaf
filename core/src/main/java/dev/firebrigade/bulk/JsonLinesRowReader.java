package dev.firebrigade.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.firebrigade.Actions;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a JSON Lines file: one object per line, {@code {"incident": "INC-7", "description": "…", "assignee":
 * "lisa@incident.io", "key": "…"}} (also {@code incident_id}, {@code assignee_id}). Blank lines are skipped; a line
 * that is not such an object fails as its own row, and the rest continue.
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

    static JsonLinesRowReader open(Path path, Actions actions) throws IOException {
        return new JsonLinesRowReader(Files.newBufferedReader(path, StandardCharsets.UTF_8),
                new FileRows(actions, "incident", "description"));
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
            return rows.unreadable(row, line, "is not JSON (" + e.getOriginalMessage() + ")",
                    "write one JSON object per line");
        }
        if (node == null || !node.isObject()) {
            return rows.unreadable(row, line, "is not a JSON object", "write one JSON object per line");
        }
        for (String field : List.of("incident", "incident_id", "description", "assignee", "assignee_id", "key")) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                return rows.unreadable(row, line, "has a " + field + " that is not a string",
                        "quote the value of " + field);
            }
        }
        return rows.row(row, line, text(node, "key", null), text(node, "incident", "incident_id"),
                text(node, "description", null), text(node, "assignee", "assignee_id"));
    }

    private static String text(JsonNode node, String name, String alias) {
        JsonNode value = node.get(name);
        if ((value == null || value.isNull()) && alias != null) {
            value = node.get(alias);
        }
        return value == null || value.isNull() ? null : value.asText();
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

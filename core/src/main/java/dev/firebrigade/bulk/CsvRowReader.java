package dev.firebrigade.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.firebrigade.Actions;
import dev.firebrigade.error.InvalidInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Streams a CSV file with jackson-dataformat-csv's parser, token by token, one record at a time: header {@code incident,description,assignee}
 * in any order, an optional {@code key} column, other columns ignored. Never holds more than one chunk of rows.
 */
final class CsvRowReader implements RowReader {
    /** Without a schema the parser hands each record over as an array of strings. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final Path path;
    private final BufferedReader reader;
    private final JsonParser records;
    private final FileRows rows;
    private final int incident;
    private final int description;
    private final int assignee;
    private final int key;
    private long row;

    private CsvRowReader(Path path, BufferedReader reader, JsonParser records, FileRows rows,
                         int incident, int description, int assignee, int key) {
        this.path = path;
        this.reader = reader;
        this.records = records;
        this.rows = rows;
        this.incident = incident;
        this.description = description;
        this.assignee = assignee;
        this.key = key;
    }

    /** Opens {@code path} and checks its header; fails with an {@link InvalidInputException} naming what is wrong. */
    static CsvRowReader open(Path path, Actions actions) throws IOException {
        BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        try {
            JsonParser records = MAPPER.getFactory().createParser(reader);
            List<String> header = record(records);
            if (header == null) {
                throw new InvalidInputException("csv", "is empty: " + path,
                        "start the file with the header line incident,description,assignee");
            }
            int incident = -1;
            int description = -1;
            int assignee = -1;
            int key = -1;
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "incident", "incident_id" -> incident = i;
                    case "description" -> description = i;
                    case "assignee", "assignee_id", "assignee_email" -> assignee = i;
                    case "key" -> key = i;
                    default -> {
                        // Other columns (notes, owners, …) are the operator's own; ignore them.
                    }
                }
            }
            if (incident < 0 || description < 0) {
                throw new InvalidInputException("csv header", "lacks the " + (incident < 0 ? "incident" : "description")
                        + " column in " + path + " (found: " + String.join(",", header) + ")",
                        "start the file with the header line incident,description,assignee (key optional)");
            }
            return new CsvRowReader(path, reader, records, new FileRows(actions, "incident", "description"),
                    incident, description, assignee, key);
        } catch (JsonProcessingException e) {
            reader.close();
            throw new InvalidInputException("csv", "cannot be read: " + path + ": " + e.getOriginalMessage(),
                    "fix the file");
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public List<SourceRow> read(int max) throws IOException {
        var chunk = new ArrayList<SourceRow>(Math.min(max, 1024));
        try {
            JsonToken token;
            while (chunk.size() < max && (token = records.nextToken()) != null) {
                if (token != JsonToken.START_ARRAY) {
                    throw new InvalidInputException("csv", "has an unexpected " + token + " after row " + row + " of "
                            + path, "fix the file");
                }
                long line = 0;
                String keyValue = null;
                String incidentValue = null;
                String descriptionValue = null;
                String assigneeValue = null;
                int column = 0;
                while (records.nextToken() == JsonToken.VALUE_STRING) {
                    if (column == 0) {
                        // The record's first value: the line where it starts, whatever quoted line breaks it holds.
                        line = records.currentTokenLocation().getLineNr();
                    }
                    if (column == incident) {
                        incidentValue = records.getText();
                    } else if (column == description) {
                        descriptionValue = records.getText();
                    } else if (column == assignee) {
                        assigneeValue = records.getText();
                    } else if (column == key) {
                        keyValue = records.getText();
                    }
                    column++;
                }
                row++;
                chunk.add(rows.row(row, line, keyValue, incidentValue, descriptionValue, assigneeValue));
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("csv", "cannot be read after row " + row + " of " + path + ": "
                    + e.getOriginalMessage(), "fix the file (an unclosed quote?) and run again with the same journal");
        }
        return chunk;
    }

    /** The next record's fields, or null at the end; for the header. */
    private static List<String> record(JsonParser records) throws IOException {
        if (records.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        var fields = new ArrayList<String>();
        while (records.nextToken() == JsonToken.VALUE_STRING) {
            fields.add(records.getText());
        }
        return fields;
    }

    /**
     * How many records follow the header, for the progress bar's total: a second pass over the bytes, not the
     * parser, counting the line ends outside quotes of the lines that are not empty (as the reader skips those).
     */
    static long count(Path path) throws IOException {
        long records = 0;
        boolean quoted = false;
        boolean content = false;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '"') {
                        quoted = !quoted;
                        content = true;
                    } else if (b == '\n' && !quoted) {
                        if (content) {
                            records++;
                        }
                        content = false;
                    } else if (b != '\r') {
                        content = true;
                    }
                }
            }
        }
        if (content) {
            records++;
        }
        return Math.max(0, records - 1);
    }

    @Override
    public void close() throws IOException {
        try {
            records.close();
        } finally {
            reader.close();
        }
    }
}

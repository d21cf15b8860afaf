package dev.firebrigade.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.firebrigade.error.InvalidInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Streams a CSV file with jackson-dataformat-csv's parser, token by token, one record at a time: a header naming the
 * bulk kind's columns in any order ({@link Column}), other columns ignored. Never holds more than one chunk of rows.
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
    /** The column at each position of a record, null for the ones ignored. */
    private final Column[] columns;
    private long row;

    private CsvRowReader(Path path, BufferedReader reader, JsonParser records, FileRows rows, Column[] columns) {
        this.path = path;
        this.reader = reader;
        this.records = records;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * Opens {@code path} and checks its header for a bulk of {@code kind}; fails with an {@link InvalidInputException}
     * naming what is wrong.
     */
    static CsvRowReader open(Path path, Creator<?, ?> creator) throws IOException {
        BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        try {
            JsonParser records = MAPPER.getFactory().createParser(reader);
            List<String> names = header(records, path);
            Header.csv(path.toString(), names).check(creator.kind(), true);
            var columns = new Column[names.size()];
            var seen = EnumSet.noneOf(Column.class);
            for (int i = 0; i < names.size(); i++) {
                Column column = Column.named(names.get(i));
                // A column named twice: the first one counts, as in the header check.
                columns[i] = column != null && seen.add(column) ? column : null;
            }
            return new CsvRowReader(path, reader, records, new FileRows(creator), columns);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The header of the CSV at {@code path}, for guessing its kind. Blocking. */
    static Header header(Path path) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             JsonParser records = MAPPER.getFactory().createParser(reader)) {
            return Header.csv(path.toString(), header(records, path));
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
                String[] cells = FileRows.cells();
                int position = 0;
                while (records.nextToken() == JsonToken.VALUE_STRING) {
                    if (position == 0) {
                        // The record's first value: the line where it starts, whatever quoted line breaks it holds.
                        line = records.currentTokenLocation().getLineNr();
                    }
                    if (position < columns.length && columns[position] != null) {
                        cells[columns[position].ordinal()] = records.getText();
                    }
                    position++;
                }
                row++;
                chunk.add(rows.csvRow(row, line, cells));
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("csv", "cannot be read after row " + row + " of " + path + ": "
                    + e.getOriginalMessage(), "fix the file (an unclosed quote?) and run again with the same journal");
        }
        return chunk;
    }

    /** The header's names; fails when the file is empty or unreadable. */
    private static List<String> header(JsonParser records, Path path) throws IOException {
        try {
            List<String> header = record(records);
            if (header == null) {
                throw new InvalidInputException("csv", "is empty: " + path,
                        "start the file with a header line, e.g. incident,description,assignee");
            }
            return header;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("csv", "cannot be read: " + path + ": " + e.getOriginalMessage(),
                    "fix the file");
        }
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

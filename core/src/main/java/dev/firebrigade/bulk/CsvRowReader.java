package dev.firebrigade.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.firebrigade.Actions;
import dev.firebrigade.error.InvalidInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Streams a CSV file with jackson-dataformat-csv, one record at a time: header {@code incident,description,assignee}
 * in any order, an optional {@code key} column, other columns ignored. Never holds more than one chunk of rows.
 */
final class CsvRowReader implements RowReader {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final Path path;
    private final BufferedReader reader;
    private final MappingIterator<String[]> records;
    private final FileRows rows;
    private final int incident;
    private final int description;
    private final int assignee;
    private final int key;
    private long row;
    private long nextLine;

    private CsvRowReader(Path path, BufferedReader reader, MappingIterator<String[]> records, FileRows rows,
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
            MappingIterator<String[]> records = MAPPER.readerFor(String[].class).readValues(reader);
            if (!records.hasNextValue()) {
                throw new InvalidInputException("csv", "is empty: " + path,
                        "start the file with the header line incident,description,assignee");
            }
            String[] header = records.nextValue();
            int incident = -1;
            int description = -1;
            int assignee = -1;
            int key = -1;
            for (int i = 0; i < header.length; i++) {
                String name = header[i] == null ? "" : header[i].replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
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
            var opened = new CsvRowReader(path, reader, records, new FileRows(actions, "incident", "description"),
                    incident, description, assignee, key);
            opened.nextLine = records.getCurrentLocation().getLineNr();
            return opened;
        } catch (RuntimeJsonMappingException e) {
            reader.close();
            throw unreadable(path, e);
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
            while (chunk.size() < max && records.hasNextValue()) {
                long line = nextLine;
                String[] record = records.nextValue();
                row++;
                // Having read a record, the parser has passed its line break and any empty lines after it: it sits
                // where the next record starts, whatever quoted line breaks this one held.
                nextLine = records.getCurrentLocation().getLineNr();
                chunk.add(rows.row(row, line, field(record, key), field(record, incident), field(record, description),
                        field(record, assignee)));
            }
        } catch (RuntimeJsonMappingException e) {
            throw unreadable(path, e);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("csv", "cannot be read after row " + row + " of " + path + ": "
                    + e.getOriginalMessage(), "fix the file (an unclosed quote?) and run again with the same journal");
        }
        return chunk;
    }

    /** How many records follow the header: a second, cheap pass for the progress bar's total. */
    static long count(Path path) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             MappingIterator<String[]> records = MAPPER.readerFor(String[].class).readValues(reader)) {
            long n = -1;
            while (records.hasNextValue()) {
                records.nextValue();
                n++;
            }
            return Math.max(n, 0);
        }
    }

    private static String field(String[] record, int index) {
        return index < 0 || index >= record.length ? null : record[index];
    }

    private static InvalidInputException unreadable(Path path, RuntimeJsonMappingException e) {
        return new InvalidInputException("csv", "cannot be read: " + path + ": " + e.getMessage(), "fix the file");
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

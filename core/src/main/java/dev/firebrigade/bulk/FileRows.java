package dev.firebrigade.bulk;

import dev.firebrigade.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the cells of a CSV or JSON Lines row into a {@link SourceRow} of the bulk's kind, checking what can be checked
 * without a request: a row that fails names its column.
 */
final class FileRows {
    /** Between the labels of a CSV cell: {@code database;post-mortem}. */
    static final char LABEL_SEPARATOR = ';';

    private final Creator<?, ?> creator;

    FileRows(Creator<?, ?> creator) {
        this.creator = creator;
    }

    /** A new row of cells, indexed by {@link Column#ordinal()}. */
    static String[] cells() {
        return new String[Column.values().length];
    }

    /**
     * A row of {@code cells} (as read, null when absent) and {@code labels}. The incident, assignee, priority,
     * category, status and key are stripped; the title and description are kept as given.
     */
    SourceRow row(long row, long line, String[] cells, List<String> labels) {
        var fields = new RowFields(stripped(cells[Column.INCIDENT.ordinal()]), cells[Column.TITLE.ordinal()],
                cells[Column.DESCRIPTION.ordinal()], stripped(cells[Column.ASSIGNEE.ordinal()]),
                stripped(cells[Column.PRIORITY.ordinal()]), stripped(cells[Column.CATEGORY.ordinal()]), labels,
                stripped(cells[Column.STATUS.ordinal()]));
        InvalidInputException problem = creator.problem(fields);
        return SourceRow.of(row, line, stripped(cells[Column.KEY.ordinal()]), fields, creator.contentHash(fields),
                problem == null ? creator.row(fields) : null, problem);
    }

    /** A CSV row: its labels cell split at {@value #LABEL_SEPARATOR}. */
    SourceRow csvRow(long row, long line, String[] cells) {
        return row(row, line, cells, labels(cells[Column.LABELS.ordinal()]));
    }

    /** A row that could not even be read into cells (a JSON line that is not an object, …). */
    SourceRow unreadable(long row, long line, String field, String what, String fix) {
        var fields = new RowFields(null, null, null, null, null, null, null, null);
        return SourceRow.of(row, line, null, fields, creator.contentHash(fields), null,
                new InvalidInputException(field, what, fix));
    }

    /** A labels cell split at the separator and stripped; an empty label stays, for the row's check to refuse. */
    static List<String> labels(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        var labels = new ArrayList<String>();
        int start = 0;
        for (int i = 0; i <= cell.length(); i++) {
            if (i == cell.length() || cell.charAt(i) == LABEL_SEPARATOR) {
                labels.add(cell.substring(start, i).strip());
                start = i + 1;
            }
        }
        return labels;
    }

    private static String stripped(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        return s.isEmpty() ? null : s;
    }
}

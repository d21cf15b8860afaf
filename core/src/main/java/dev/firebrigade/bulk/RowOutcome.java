package dev.firebrigade.bulk;

import dev.firebrigade.error.IncidentIoException;

/**
 * The outcome of one row of a bulk.
 *
 * @param row   1-based position among the source's rows (the first data row of a CSV is row 1)
 * @param line  the file line where the row starts (the CSV header is line 1), 0 when the source is not a file
 * @param key   the row's stable key in the journal
 * @param id    the created action's or follow-up's ID, for {@link RowStatus#CREATED}; null otherwise (a skipped
 *              row's ID is in the journal)
 * @param error why it failed or is unknown; null otherwise
 */
public record RowOutcome(long row, long line, String key, RowStatus status, String id, IncidentIoException error) {

    /** {@code row 7 (line 8)}, or {@code row 7} when there is no file. */
    public String where() {
        return line > 0 ? "row " + row + " (line " + line + ")" : "row " + row;
    }

    /** One short line: where, what, and the created ID or the error. */
    @Override
    public String toString() {
        return where() + ": " + status.label() + (id != null ? " " + id : "")
                + (error != null ? ": " + error.getMessage() : "");
    }
}

package dev.firebrigade.bulk;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.internal.create.Fingerprint;

/**
 * One row of a bulk source, as read: its position, its stable key, what it says (as given: references and emails
 * unresolved), the draft to create, or the problem that makes it unusable.
 *
 * @param row         1-based position among the source's rows (the first data row of a CSV is row 1)
 * @param line        the file line where the row starts, 0 when the source is not a file
 * @param key         {@code key:<value>} from a key column, else {@code row:<row>:<content hash>}
 * @param explicitKey whether the key came from a key column (and so may repeat by mistake)
 * @param fingerprint 64 bits of the key, for the sets that must hold a million keys
 * @param draft       null when {@code problem} is set
 */
record SourceRow(long row, long line, String key, boolean explicitKey, long fingerprint, RowFields fields,
                 RowDraft draft, InvalidInputException problem) {

    /** @param contentHash the hash of what the row says, its key without a key column */
    static SourceRow of(long row, long line, String explicitKey, RowFields fields, String contentHash, RowDraft draft,
                        InvalidInputException problem) {
        String key = explicitKey != null ? "key:" + explicitKey : "row:" + row + ":" + contentHash;
        return new SourceRow(row, line, key, explicitKey != null, Fingerprint.of(key), fields, draft, problem);
    }
}

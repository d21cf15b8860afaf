package dev.firebrigade.bulk;

import java.time.Instant;

/**
 * A row that was sent without a known outcome: from this run (an unanswered create) or from the journal of an
 * earlier one (a create in flight when it was stopped or crashed). It is settled before being sent again.
 *
 * @param fields what the row says: all of it for a row of this run, what its {@code sending} line recorded (the
 *               fields a created item is recognised by) for one from the journal
 * @param sentAt when the create was first sent, by this machine's clock
 * @param source the row to send again when it turns out absent; null when it came from the journal (the row is
 *               then sent again when the source reaches it)
 */
record Pending(String key, long row, long line, RowFields fields, Instant sentAt, SourceRow source) {
}

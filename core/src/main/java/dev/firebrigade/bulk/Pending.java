package dev.firebrigade.bulk;

import java.time.Instant;

/**
 * A row that was sent without a known outcome: from this run (an unanswered create) or from the journal of an
 * earlier one (a create in flight when it was stopped or crashed). It is reconciled before being sent again.
 *
 * @param source the row to send again when it turns out absent; null when it came from the journal (the row is
 *               then sent again when the source reaches it)
 * @param sentAt when the create was first sent, by this machine's clock
 */
record Pending(String key, long row, long line, String incident, String description, String assignee,
               Instant sentAt, SourceRow source) {
}

package dev.firebrigade.bulk;

import java.time.Duration;

/**
 * Where a bulk stands, handed to {@link Bulk#onProgress} every {@link Bulk#progressEvery} and once at the end.
 *
 * @param done          rows with an outcome so far (created, valid, failed, unknown or skipped)
 * @param valid         dry run: rows that would be created
 * @param total         rows in the source, or -1 while unknown (a stream, or a file still being counted)
 * @param rowsPerSecond outcomes per second: the slower of the last 2 s and the last 10 s, so a burst that has ended
 *                      no longer counts
 * @param eta           the time left at that rate, or null when the total or the rate is unknown
 */
public record BulkProgress(long done, long total, long created, long valid, long failed, long unknown, long skipped,
                           double rowsPerSecond, Duration elapsed, Duration eta) {

    /** Rows that did not succeed: failed plus unknown. */
    public long problems() {
        return failed + unknown;
    }

    /** {@code 1,204/2,000 rows · 20.1/s · 0 failed · 0 unknown · ETA 40s}. */
    @Override
    public String toString() {
        return String.format("%,d%s rows · %.1f/s · %,d failed · %,d unknown%s%s", done,
                total >= 0 ? String.format("/%,d", total) : "", rowsPerSecond, failed, unknown,
                skipped > 0 ? String.format(" · %,d skipped", skipped) : "",
                etaText().isEmpty() ? "" : " · " + etaText());
    }

    /** {@code ETA 41.2 s}, or empty when unknown or done: what every display shows. */
    public String etaText() {
        return eta == null || eta.isZero() ? "" : "ETA " + BulkReport.human(eta);
    }
}

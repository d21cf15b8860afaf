package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;

import java.time.Duration;
import java.time.Instant;

/**
 * How a watch polls: every {@code interval}; each poll asks for items updated since the previous poll began, less
 * {@code overlap}; changes from {@code since} on (null: when the watch starts) are reported; every
 * {@code sweepEvery}-th poll lists everything in scope to learn of deletions (0: never); {@code memory} items are
 * remembered beyond the overlap window, to name the fields of later changes.
 */
record WatchSettings(Duration interval, Duration overlap, Instant since, int sweepEvery, int memory) {
    static final WatchSettings DEFAULTS = new WatchSettings(Duration.ofSeconds(5), Duration.ofMinutes(3), null, 0, 10_000);
    /** Below this a watch would spend a good part of incident.io's 20 requests per second on nothing. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    /** Bad settings, named by the step that set them; checked when the watch starts, before anything is sent. */
    void check() {
        if (interval == null || interval.compareTo(MIN_INTERVAL) < 0) {
            throw new InvalidInputException("interval", "is " + interval + ", below " + MIN_INTERVAL.toMillis() + " ms",
                    "pass a poll interval of at least 100 ms to every(...), e.g. every(Duration.ofSeconds(5))");
        }
        if (overlap == null || overlap.isNegative()) {
            throw new InvalidInputException("overlap", "is " + overlap,
                    "pass zero or a positive duration to overlap(...); incident.io advises a few minutes");
        }
        if (sweepEvery < 0) {
            throw new InvalidInputException("sweep_every", "is " + sweepEvery,
                    "pass 0 (never) or how many polls apart full listings come to sweepEvery(...)");
        }
        if (memory < 0) {
            throw new InvalidInputException("memory", "is " + memory,
                    "pass how many items to remember beyond the overlap window to memory(...), e.g. 10000");
        }
    }
}

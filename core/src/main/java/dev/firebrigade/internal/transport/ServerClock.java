package dev.firebrigade.internal.transport;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How far incident.io's clock is from ours, learnt from the {@code Date} header of its answers (HTTP requires one
 * from any origin server with a clock). Keeps a lower bound: the header was written before we received it and is cut
 * to the second, so {@code Date - received} can only underestimate the server's clock.
 *
 * <p>Every answer is observed, from every event loop, and nearly all repeat the last second's {@code Date}: that case
 * is one string comparison, with no lock and no allocation.
 */
final class ServerClock {
    /** The last readable {@code Date} and the offset it gave; replaced whole, so readers need no lock. */
    private record Reading(String date, Duration offset) {
    }

    private volatile Reading reading;

    /** Records the {@code Date} of an answer received at {@code receivedMillis} (our clock, epoch millis). */
    void observe(String dateHeader, long receivedMillis) {
        Reading last = reading;
        if (dateHeader == null || last != null && dateHeader.equals(last.date())) {
            return;
        }
        try {
            Instant serverTime = ZonedDateTime.parse(dateHeader, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            reading = new Reading(dateHeader, Duration.between(Instant.ofEpochMilli(receivedMillis), serverTime));
        } catch (DateTimeParseException unreadable) {
            // A malformed Date teaches nothing; keep what we knew.
        }
    }

    /** Server clock minus ours, a lower bound; null until an answer carried a readable {@code Date}. */
    Duration offset() {
        Reading last = reading;
        return last == null ? null : last.offset();
    }
}

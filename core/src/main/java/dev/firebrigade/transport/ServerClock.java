package dev.firebrigade.transport;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How far incident.io's clock is from ours, learnt from the {@code Date} header of its answers (HTTP requires one
 * from any origin server with a clock). Keeps a lower bound: the header was written before we received it and is cut
 * to the second, so {@code Date - received} can only underestimate the server's clock.
 */
final class ServerClock {
    private String lastDate;
    private Duration offset;

    /** Records the {@code Date} of an answer received at {@code received} (our clock). */
    synchronized void observe(String dateHeader, Instant received) {
        if (dateHeader == null || dateHeader.equals(lastDate) && offset != null) {
            return;
        }
        try {
            Instant serverTime = ZonedDateTime.parse(dateHeader, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            offset = Duration.between(received, serverTime);
            lastDate = dateHeader;
        } catch (DateTimeParseException unreadable) {
            // A malformed Date teaches nothing; keep what we knew.
        }
    }

    /** Server clock minus ours, a lower bound; null until an answer carried a readable {@code Date}. */
    synchronized Duration offset() {
        return offset;
    }
}

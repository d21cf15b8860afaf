package dev.firebrigade.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** incident.io's timestamp format: RFC3339 in UTC with exactly six fractional digits, e.g. 2021-08-17T13:28:57.801578Z. */
final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Now, truncated to microseconds because the wire format cannot carry more. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static Instant parse(String value) {
        return OffsetDateTime.parse(value).toInstant();
    }

    /** A bound given either as an RFC3339 timestamp or as a date ({@code 2024-12-02}); a date means its first instant in UTC. */
    static Instant parseLowerBound(String value) {
        try {
            return parse(value);
        } catch (DateTimeParseException notATimestamp) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /** Like {@link #parseLowerBound} but a date means its last instant, so {@code lte} a date includes that whole day. */
    static Instant parseUpperBound(String value) {
        try {
            return parse(value);
        } catch (DateTimeParseException notATimestamp) {
            return LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
        }
    }
}

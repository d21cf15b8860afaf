package dev.firebrigade.internal.transport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.Instant;

/**
 * Reads incident.io's timestamps ({@code 2021-08-17T13:28:57.801578Z}) straight from the parser's characters. The
 * general ISO parser behind {@link InstantDeserializer} allocated about 1.9 KB and took about 0.7 µs per value, and an
 * action carries three; this takes one {@link Instant}. Anything else (an offset other than {@code Z}, a leap second,
 * a number, a malformed value) goes to {@link InstantDeserializer#INSTANT}, so behaviour and errors are unchanged.
 */
final class FastInstantDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;
    private static final int[] NANO_SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    FastInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            Instant fast = parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            if (fast != null) {
                return fast;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with a valid date and time, or null for anything else. */
    static Instant parse(char[] text, int offset, int length) {
        if (length < 20 || length > 30 || text[offset + length - 1] != 'Z') {
            return null;
        }
        int at = offset;
        int year = digits(text, at, 4);
        int month = separated(text, at + 4, '-');
        int day = separated(text, at + 7, '-');
        int hour = separated(text, at + 10, 'T');
        int minute = separated(text, at + 13, ':');
        int second = separated(text, at + 16, ':');
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        int end = offset + length - 1;
        int fraction = at + 19;
        if (fraction < end) {
            int count = end - fraction - 1;
            if (text[fraction] != '.' || count < 1 || count > 9) {
                return null;
            }
            int value = digits(text, fraction + 1, count);
            if (value < 0) {
                return null;
            }
            nanos = value * NANO_SCALE[count - 1];
        }
        long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** Two digits after {@code separator} at {@code at}, or -1. */
    private static int separated(char[] text, int at, char separator) {
        return text[at] == separator ? digits(text, at + 1, 2) : -1;
    }

    private static int digits(char[] text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the algorithm of {@code LocalDate.toEpochDay}). */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y;
        total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
                total--;
            }
        }
        return total - 719_528; // days from 0000-01-01 to 1970-01-01
    }
}

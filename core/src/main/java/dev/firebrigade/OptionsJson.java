package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the JSON form of the options and policies (for vertx-config and friends) with the errors of the setters: a
 * misspelt name or a value of the wrong type fails with an {@link InvalidInputException} naming it, never silently.
 * Durations are ISO-8601 ({@code "PT10S"}) or a number of milliseconds.
 */
final class OptionsJson {
    private final JsonObject json;
    private final String prefix;
    /** The name being read. */
    private String current;

    private OptionsJson(JsonObject json, String prefix) {
        this.json = json;
        this.prefix = prefix;
    }

    /**
     * Calls the reader of every name in {@code json}; {@code where} is the path shown in errors ("" at the top,
     * "retryPolicy." inside). Fails on a name without a reader, listing the known ones.
     */
    static void read(JsonObject json, String where, Map<String, Consumer<OptionsJson>> readers) {
        if (json == null) {
            throw new InvalidInputException(where.isEmpty() ? "options" : where, "is null", "pass a JSON object");
        }
        var reader = new OptionsJson(json, where);
        for (String name : json.fieldNames()) {
            Consumer<OptionsJson> read = readers.get(name);
            if (read == null) {
                throw new InvalidInputException(where + name, "is not an option",
                        "use one of " + new java.util.TreeSet<>(readers.keySet()));
            }
            reader.current = name;
            read.accept(reader);
        }
    }

    String string() {
        return typed(String.class, "a string");
    }

    JsonObject object() {
        return typed(JsonObject.class, "a JSON object");
    }

    boolean bool() {
        return typed(Boolean.class, "true or false");
    }

    int integer() {
        Number number = typed(Number.class, "a whole number");
        if (number.doubleValue() != number.intValue()) {
            throw wrong("a whole number");
        }
        return number.intValue();
    }

    long longInteger() {
        Number number = typed(Number.class, "a whole number");
        if (number.doubleValue() != number.longValue()) {
            throw wrong("a whole number");
        }
        return number.longValue();
    }

    double decimal() {
        return typed(Number.class, "a number").doubleValue();
    }

    /** An ISO-8601 duration ({@code "PT1.5S"}) or a number of milliseconds. */
    Duration duration() {
        Object value = json.getValue(current);
        if (value instanceof Number millis && millis.doubleValue() == millis.longValue()) {
            return Duration.ofMillis(millis.longValue());
        }
        if (value instanceof String text) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw wrong("an ISO-8601 duration such as \"PT10S\" or a number of milliseconds");
    }

    Set<Integer> integers() {
        JsonArray array = typed(JsonArray.class, "an array of numbers");
        var values = new java.util.LinkedHashSet<Integer>();
        for (Object value : array) {
            if (!(value instanceof Number number) || number.doubleValue() != number.intValue()) {
                throw wrong("an array of whole numbers");
            }
            values.add(number.intValue());
        }
        return values;
    }

    /** The name being read, with its path, for the errors of setters called from a reader. */
    String name() {
        return prefix + current;
    }

    private <T> T typed(Class<T> type, String expected) {
        Object value = json.getValue(current);
        if (!type.isInstance(value)) {
            throw wrong(expected);
        }
        return type.cast(value);
    }

    /** The value itself is not shown: it might be a secret given in the wrong place. */
    private InvalidInputException wrong(String expected) {
        return new InvalidInputException(name(), "must be " + expected, "correct it in the configuration");
    }

    /** The JSON form of a duration: ISO-8601, as {@link Duration#toString()} writes it. */
    static String write(Duration duration) {
        return duration.toString();
    }
}

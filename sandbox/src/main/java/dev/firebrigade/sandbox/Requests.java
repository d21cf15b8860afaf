package dev.firebrigade.sandbox;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reading what a client sent: JSON bodies, query parameters (including {@code name[op]=} filters) and page cursors. */
final class Requests {
    private static final Pattern BRACKETS = Pattern.compile("([a-z_]+)\\[([^\\]]*)\\](?:\\[\\])?");

    private Requests() {}

    /** The body as a JSON object; a 400 {@code invalid_request_error} if it is empty, malformed or not an object. */
    static JsonObject jsonObject(RoutingContext ctx) {
        var text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw ApiException.invalidRequest("invalid_json", "The request body must be a JSON object, but it was empty");
        }
        Object value;
        try {
            value = Json.decodeValue(text);
        } catch (DecodeException e) {
            throw ApiException.invalidRequest("invalid_json", "The request body is not valid JSON");
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw ApiException.invalidRequest("invalid_json", "The request body must be a JSON object");
    }

    /** The body as a JSON object, or null if it is not one (for contract checks, which leave the 400 to the handler). */
    static JsonObject jsonObjectOrNull(RoutingContext ctx) {
        try {
            return jsonObject(ctx);
        } catch (ApiException notAnObject) {
            return null;
        }
    }

    /** A string field that must be present and not blank (422 {@code is_required}); a non-string is 422 {@code invalid_value}. */
    static String requiredString(JsonObject body, String field, String missingMessage, List<JsonObject> errors) {
        var value = body.getValue(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            errors.add(ErrorBodies.error("is_required", missingMessage, field));
            return null;
        }
        if (!(value instanceof String s)) {
            errors.add(ErrorBodies.error("invalid_value", "The " + field + " must be a string", field));
            return null;
        }
        return s;
    }

    /** An optional string field: absent or JSON null give empty; a non-string is 422 {@code invalid_value}. */
    static Optional<String> optionalString(JsonObject body, String field, List<JsonObject> errors) {
        var value = body.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            errors.add(ErrorBodies.error("invalid_value", "The " + field + " must be a string", field));
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** A query parameter; empty values count as absent, since the spec marks every parameter {@code allowEmptyValue}. */
    static Optional<String> query(RoutingContext ctx, String name) {
        var value = ctx.queryParams().get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    static Optional<String> queryEnum(RoutingContext ctx, String name, Set<String> allowed) {
        var value = query(ctx, name);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw ApiException.invalidValue(name, "The " + name + " must be one of " + String.join(", ", sorted(allowed))
                    + ", but was '" + value.get() + "'");
        }
        return value;
    }

    static boolean queryBoolean(RoutingContext ctx, String name, boolean defaultValue) {
        var value = query(ctx, name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidValue(name, "The " + name + " must be true or false, but was '" + value.get() + "'");
        };
    }

    /** {@code page_size} between 1 and {@code max}; out of range or not a number is 422 {@code invalid_value}. */
    static int pageSize(RoutingContext ctx, int defaultSize, int max) {
        var value = query(ctx, "page_size");
        if (value.isEmpty()) {
            return defaultSize;
        }
        try {
            var size = Long.parseLong(value.get());
            if (size >= 1 && size <= max) {
                return (int) size;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalidValue("page_size", "The page_size must be a number from 1 to " + max + ", but was '" + value.get() + "'");
    }

    /**
     * The deepObject-style filters of a parameter, e.g. {@code severity[one_of]=A&severity[one_of]=B} gives
     * {@code {one_of: [A, B]}}; operators outside {@code operators} are 422 {@code invalid_value}.
     */
    static Map<String, List<String>> filter(RoutingContext ctx, String name, Set<String> operators) {
        var result = new LinkedHashMap<String, List<String>>();
        for (var entry : ctx.queryParams()) {
            var matcher = BRACKETS.matcher(entry.getKey());
            if (!matcher.matches() || !matcher.group(1).equals(name)) {
                continue;
            }
            var operator = matcher.group(2);
            if (!operators.contains(operator)) {
                throw ApiException.invalidValue(name, "The " + name + " filter accepts the operators "
                        + String.join(", ", sorted(operators)) + ", but got '" + operator + "'");
            }
            if (!entry.getValue().isEmpty()) {
                result.computeIfAbsent(operator, op -> new ArrayList<>()).add(entry.getValue());
            }
        }
        return result;
    }

    /**
     * Refuses bracketed filters the sandbox does not simulate (e.g. {@code custom_field[X][one_of]}) with a 400, rather
     * than ignoring them and returning unfiltered results that a test would mistake for the real API's answer.
     */
    static void rejectUnsupportedFilters(RoutingContext ctx, Set<String> supported) {
        for (var name : ctx.queryParams().names()) {
            int bracket = name.indexOf('[');
            if (bracket > 0 && !supported.contains(name.substring(0, bracket))) {
                throw ApiException.invalidRequest("unsupported_filter", "The sandbox does not simulate the '"
                        + name.substring(0, bracket) + "' filter; supported filters: " + String.join(", ", sorted(supported)));
            }
        }
    }

    /** An inclusive time window from {@code name[gte]}, {@code name[lte]} and {@code name[date_range]=2024-12-02~2024-12-08}. */
    record TimeWindow(Instant from, Instant to) {
        static final TimeWindow ALL = new TimeWindow(null, null);

        boolean contains(Instant instant) {
            return (from == null || !instant.isBefore(from)) && (to == null || !instant.isAfter(to));
        }
    }

    static TimeWindow timeWindow(RoutingContext ctx, String name) {
        var filter = filter(ctx, name, Set.of("gte", "lte", "date_range"));
        Instant from = null;
        Instant to = null;
        try {
            for (var value : filter.getOrDefault("gte", List.of())) {
                from = later(from, Timestamps.parseLowerBound(value));
            }
            for (var value : filter.getOrDefault("lte", List.of())) {
                to = earlier(to, Timestamps.parseUpperBound(value));
            }
            for (var value : filter.getOrDefault("date_range", List.of())) {
                var bounds = value.split("~", -1);
                if (bounds.length != 2) {
                    throw ApiException.invalidValue(name, "The " + name + "[date_range] must look like 2024-12-02~2024-12-08, but was '" + value + "'");
                }
                from = later(from, Timestamps.parseLowerBound(bounds[0]));
                to = earlier(to, Timestamps.parseUpperBound(bounds[1]));
            }
        } catch (DateTimeParseException e) {
            throw ApiException.invalidValue(name, "The " + name + " filter needs dates (2024-12-02) or RFC3339 timestamps, but got '"
                    + e.getParsedString() + "'");
        }
        return from == null && to == null ? TimeWindow.ALL : new TimeWindow(from, to);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}

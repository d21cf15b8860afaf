package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Filters in incident.io's bracket syntax, {@code status_category[one_of]=live&status_category[one_of]=triage}:
 * each field and operator once, its values repeated. Immutable; setting a field and operator again replaces it.
 */
final class BracketFilters {
    static final BracketFilters NONE = new BracketFilters(Map.of());
    private static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_]*(\\[[A-Za-z0-9_-]+])*");
    private static final Pattern OPERATOR = Pattern.compile("[a-z][a-z_]*");

    /** Keyed by {@code field[operator]}, in the order first set. */
    private final Map<String, List<String>> filters;

    private BracketFilters(Map<String, List<String>> filters) {
        this.filters = filters;
    }

    /** These filters with {@code field[operator]} set to {@code values}. */
    BracketFilters with(String field, String operator, List<String> values, String step) {
        if (field == null || !FIELD.matcher(field).matches()) {
            throw new InvalidInputException("filter", "field " + field + " is not a filter name",
                    "pass a field such as status_category, or custom_field[<field ID>], to " + step);
        }
        if (operator == null || !OPERATOR.matcher(operator).matches()) {
            throw new InvalidInputException(field, "operator " + operator + " is not an operator",
                    "pass one_of, not_in, gte, lte, date_range or is_blank to " + step);
        }
        if (values == null || values.isEmpty()) {
            throw new InvalidInputException(field, "has no values", "pass at least one value to " + step);
        }
        for (String value : values) {
            Checks.present(value, field, "pass non-blank values to " + step);
        }
        var more = new LinkedHashMap<>(filters);
        String key = field + "[" + operator + "]";
        more.remove(key);
        more.put(key, List.copyOf(values));
        return new BracketFilters(java.util.Collections.unmodifiableMap(more));
    }

    /** Whether any filter on {@code field} is set. */
    boolean has(String field) {
        return filters.keySet().stream().anyMatch(k -> k.startsWith(field + "["));
    }

    /** {@code request} with every filter appended as query parameters. */
    ApiRequest applyTo(ApiRequest request) {
        ApiRequest out = request;
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            for (String value : filter.getValue()) {
                out = out.withQuery(filter.getKey(), value);
            }
        }
        return out;
    }

    /** How incident.io reads a point in time: RFC 3339 in UTC, to the microsecond it stores. */
    static String time(Instant instant, String field, String step) {
        if (instant == null) {
            throw new InvalidInputException(field, "is missing", "pass an Instant or a LocalDate to " + step);
        }
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** A calendar day, {@code 2024-12-02}. */
    static String day(LocalDate date, String field, String step) {
        if (date == null) {
            throw new InvalidInputException(field, "is missing", "pass a LocalDate to " + step);
        }
        return date.toString();
    }

    /** {@link #dateRange(LocalDate, LocalDate, String, String)} of two ISO days as typed, {@code "2021-08-01"}. */
    static String dateRange(String from, String to, String field, String step) {
        return dateRange(parseDay(from, field, step), parseDay(to, field, step), field, step);
    }

    private static LocalDate parseDay(String text, String field, String step) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "\"" + text + "\" is not a day",
                    "pass ISO days such as \"2021-08-01\" (or LocalDates) to " + step);
        }
    }

    /** incident.io's {@code date_range} value, {@code 2024-12-02~2024-12-08}, both days included. */
    static String dateRange(LocalDate from, LocalDate to, String field, String step) {
        String first = day(from, field, step);
        String last = day(to, field, step);
        if (to.isBefore(from)) {
            throw new InvalidInputException(field, "range ends (" + last + ") before it starts (" + first + ")",
                    "pass the earlier day first to " + step);
        }
        return first + "~" + last;
    }

    @Override
    public String toString() {
        return filters.toString();
    }
}

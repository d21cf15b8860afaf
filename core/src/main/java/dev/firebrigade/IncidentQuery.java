package dev.firebrigade;

import dev.firebrigade.internal.paging.Pager;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.model.IncidentStatusCategory;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A list of incidents being asked for ({@code GET /v2/incidents}), immutable. Filters travel in incident.io's
 * bracket syntax ({@code status_category[one_of]=live}); several filters must all match unless {@link #matchAny()}.
 * Setting the same filter again replaces it.
 */
public final class IncidentQuery extends PagedQuery<Incident> {
    /** incident.io's documented largest page of incidents. */
    public static final int MAX_PAGE_SIZE = 250;

    private final BracketFilters filters;
    private final Integer pageSize;
    private final String sortBy;
    private final String filterMode;
    /** The first bad argument given to a step, reported when the query is read, as every DSL error is. */
    private final InvalidInputException invalid;

    IncidentQuery(Pager<Incident> pager, BracketFilters filters, Integer pageSize, String sortBy, String filterMode,
                  InvalidInputException invalid) {
        super(pager);
        this.filters = filters;
        this.pageSize = pageSize;
        this.sortBy = sortBy;
        this.filterMode = filterMode;
        this.invalid = invalid;
    }

    private IncidentQuery filter(String field, String operator, Supplier<List<String>> values, String step) {
        try {
            return new IncidentQuery(pager(), filters.with(field, operator, values.get(), step), pageSize, sortBy,
                    filterMode, invalid);
        } catch (InvalidInputException e) {
            return new IncidentQuery(pager(), filters, pageSize, sortBy, filterMode, invalid != null ? invalid : e);
        }
    }

    /** Only incidents whose status is in one of these categories: {@code status_category[one_of]}. */
    public IncidentQuery statusCategory(IncidentStatusCategory... categories) {
        return filter("status_category", "one_of", () -> categories(categories, "statusCategory(...)"),
                "statusCategory(...)");
    }

    /** Leaves out incidents whose status is in these categories: {@code status_category[not_in]}. */
    public IncidentQuery excludingStatusCategory(IncidentStatusCategory... categories) {
        return filter("status_category", "not_in", () -> categories(categories, "excludingStatusCategory(...)"),
                "excludingStatusCategory(...)");
    }

    /** Only incidents with one of these statuses (status IDs): {@code status[one_of]}. */
    public IncidentQuery status(String... statusIds) {
        return filter("status", "one_of", () -> values(statusIds), "status(...)");
    }

    /**
     * Only incidents in these modes: {@code mode[one_of]}. Without it incident.io lists standard and retrospective
     * incidents, never tests or tutorials.
     */
    public IncidentQuery mode(IncidentMode... modes) {
        return filter("mode", "one_of", () -> {
            if (modes == null || modes.length == 0) {
                throw new InvalidInputException("mode", "has no values", "pass at least one IncidentMode to mode(...)");
            }
            for (IncidentMode mode : modes) {
                // Incidents have no stream mode (only actions of stream incidents are listed by mode).
                if (mode == null || mode == IncidentMode.UNKNOWN || mode == IncidentMode.STREAM) {
                    throw new InvalidInputException("mode", "is " + mode + ", not an incident mode",
                            "pass STANDARD, RETROSPECTIVE, TEST or TUTORIAL to mode(...)");
                }
            }
            return Arrays.stream(modes).map(IncidentMode::wireName).toList();
        }, "mode(...)");
    }

    /** Only incidents with one of these severities (severity IDs): {@code severity[one_of]}. */
    public IncidentQuery severity(String... severityIds) {
        return filter("severity", "one_of", () -> values(severityIds), "severity(...)");
    }

    /** Only incidents at least as severe as this severity (its ID): {@code severity[gte]}. */
    public IncidentQuery severityAtLeast(String severityId) {
        return filter("severity", "gte", () -> values(severityId), "severityAtLeast(...)");
    }

    /** Only incidents at most as severe as this severity (its ID): {@code severity[lte]}. */
    public IncidentQuery severityAtMost(String severityId) {
        return filter("severity", "lte", () -> values(severityId), "severityAtMost(...)");
    }

    /** Only incidents of these types (incident type IDs): {@code incident_type[one_of]}. */
    public IncidentQuery incidentType(String... incidentTypeIds) {
        return filter("incident_type", "one_of", () -> values(incidentTypeIds), "incidentType(...)");
    }

    /** Only incidents created at or after {@code instant}: {@code created_at[gte]}. */
    public IncidentQuery createdSince(Instant instant) {
        return filter("created_at", "gte", () -> List.of(BracketFilters.time(instant, "created_at", "createdSince(...)")),
                "createdSince(...)");
    }

    /** Only incidents created on or after {@code day}: {@code created_at[gte]=2024-05-01}. */
    public IncidentQuery createdSince(LocalDate day) {
        return filter("created_at", "gte", () -> List.of(BracketFilters.day(day, "created_at", "createdSince(...)")),
                "createdSince(...)");
    }

    /** Only incidents created at or before {@code instant}: {@code created_at[lte]}. */
    public IncidentQuery createdUntil(Instant instant) {
        return filter("created_at", "lte", () -> List.of(BracketFilters.time(instant, "created_at", "createdUntil(...)")),
                "createdUntil(...)");
    }

    /** Only incidents created on or before {@code day}: {@code created_at[lte]}. */
    public IncidentQuery createdUntil(LocalDate day) {
        return filter("created_at", "lte", () -> List.of(BracketFilters.day(day, "created_at", "createdUntil(...)")),
                "createdUntil(...)");
    }

    /** {@link #createdBetween(LocalDate, LocalDate)} with ISO days: {@code createdBetween("2021-08-01", "2021-08-31")}. */
    public IncidentQuery createdBetween(String first, String last) {
        return filter("created_at", "date_range",
                () -> List.of(BracketFilters.dateRange(first, last, "created_at", "createdBetween(...)")), "createdBetween(...)");
    }

    /** Only incidents created from {@code first} to {@code last}, both included: {@code created_at[date_range]}. */
    public IncidentQuery createdBetween(LocalDate first, LocalDate last) {
        return filter("created_at", "date_range",
                () -> List.of(BracketFilters.dateRange(first, last, "created_at", "createdBetween(...)")), "createdBetween(...)");
    }

    /** Only incidents updated at or after {@code instant}: {@code updated_at[gte]}. */
    public IncidentQuery updatedSince(Instant instant) {
        return filter("updated_at", "gte", () -> List.of(BracketFilters.time(instant, "updated_at", "updatedSince(...)")),
                "updatedSince(...)");
    }

    /** Only incidents updated on or after {@code day}: {@code updated_at[gte]}. */
    public IncidentQuery updatedSince(LocalDate day) {
        return filter("updated_at", "gte", () -> List.of(BracketFilters.day(day, "updated_at", "updatedSince(...)")),
                "updatedSince(...)");
    }

    /** Only incidents updated on or before {@code day}: {@code updated_at[lte]}. */
    public IncidentQuery updatedUntil(LocalDate day) {
        return filter("updated_at", "lte", () -> List.of(BracketFilters.day(day, "updated_at", "updatedUntil(...)")),
                "updatedUntil(...)");
    }

    /** Only incidents updated at or before {@code instant}: {@code updated_at[lte]}. */
    public IncidentQuery updatedUntil(Instant instant) {
        return filter("updated_at", "lte", () -> List.of(BracketFilters.time(instant, "updated_at", "updatedUntil(...)")),
                "updatedUntil(...)");
    }

    /** {@link #updatedBetween(LocalDate, LocalDate)} with ISO days: {@code updatedBetween("2021-08-01", "2021-08-31")}. */
    public IncidentQuery updatedBetween(String first, String last) {
        return filter("updated_at", "date_range",
                () -> List.of(BracketFilters.dateRange(first, last, "updated_at", "updatedBetween(...)")), "updatedBetween(...)");
    }

    /** Only incidents updated from {@code first} to {@code last}, both included: {@code updated_at[date_range]}. */
    public IncidentQuery updatedBetween(LocalDate first, LocalDate last) {
        return filter("updated_at", "date_range",
                () -> List.of(BracketFilters.dateRange(first, last, "updated_at", "updatedBetween(...)")), "updatedBetween(...)");
    }

    /**
     * Any filter the spec documents, in its bracket syntax: {@code where("custom_field[01FCNDV6…]", "one_of", optionId)}
     * sends {@code custom_field[01FCNDV6…][one_of]=optionId}; {@code where("incident_role[<role ID>]", "is_blank", "true")}.
     */
    public IncidentQuery where(String field, String operator, String... values) {
        return filter(field, operator, () -> values(values), "where(...)");
    }

    /** Oldest first ({@code sort_by=created_at_oldest_first}); incident.io lists newest first by default. */
    public IncidentQuery oldestFirst() {
        return new IncidentQuery(pager(), filters, pageSize, "created_at_oldest_first", filterMode, invalid);
    }

    /** Newest first, incident.io's default ({@code sort_by=created_at_newest_first}). */
    public IncidentQuery newestFirst() {
        return new IncidentQuery(pager(), filters, pageSize, "created_at_newest_first", filterMode, invalid);
    }

    /** Incidents matching any of the filters rather than all of them ({@code filter_mode=any}). */
    public IncidentQuery matchAny() {
        return new IncidentQuery(pager(), filters, pageSize, sortBy, "any", invalid);
    }

    /** How many incidents per page, 1 to {@value #MAX_PAGE_SIZE}. */
    public IncidentQuery pageSize(int pageSize) {
        return new IncidentQuery(pager(), filters, pageSize, sortBy, filterMode, invalid);
    }

    private static List<String> categories(IncidentStatusCategory[] categories, String step) {
        if (categories == null || categories.length == 0) {
            throw new InvalidInputException("status_category", "has no values",
                    "pass at least one IncidentStatusCategory to " + step);
        }
        for (IncidentStatusCategory category : categories) {
            if (category == null || category == IncidentStatusCategory.UNKNOWN) {
                throw new InvalidInputException("status_category", "is " + category,
                        "pass TRIAGE, LIVE, LEARNING, CLOSED, PAUSED, DECLINED, CANCELED or MERGED to " + step);
            }
        }
        return Arrays.stream(categories).map(IncidentStatusCategory::wireName).toList();
    }

    private static List<String> values(String... values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    @Override
    Future<ApiRequest> firstRequest(int pageSizeIfUnset) {
        if (invalid != null) {
            throw invalid;
        }
        ApiRequest request = ApiRequest.of(HttpMethod.GET, "/v2/incidents")
                .withQuery("page_size", pageSizeParam(pageSize, MAX_PAGE_SIZE, pageSizeIfUnset))
                .withQuery("sort_by", sortBy)
                .withQuery("filter_mode", filterMode);
        return Future.succeededFuture(filters.applyTo(request));
    }

    @Override
    public String toString() {
        return "IncidentQuery[filters=" + filters + (sortBy == null ? "" : ", sortBy=" + sortBy)
                + (filterMode == null ? "" : ", filterMode=" + filterMode)
                + ", pageSize=" + (pageSize == null ? "default" : pageSize) + "]";
    }
}

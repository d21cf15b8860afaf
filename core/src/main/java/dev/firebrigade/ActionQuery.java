package dev.firebrigade;

import dev.firebrigade.internal.paging.Pager;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.ApiRequest;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * A list of actions being asked for, immutable. On the v3 API the list is paginated and can be filtered by creation
 * and update time; the v2 API answers everything in one page and knows no time filters (asking for one fails before
 * sending, rather than silently returning unfiltered actions). {@link #fetch()} returns every match on both.
 */
public final class ActionQuery extends PagedQuery<Action> {
    /** incident.io's largest page of v3 actions. */
    public static final int MAX_PAGE_SIZE = 250;

    private final References references;
    private final ActionsApi api;
    private final String incident;
    private final IncidentMode mode;
    private final Integer pageSize;
    private final BracketFilters filters;
    /** The first bad argument given to a step, reported when the query is read. */
    private final InvalidInputException invalid;

    ActionQuery(Pager<Action> pager, References references, ActionsApi api, String incident, IncidentMode mode,
                Integer pageSize, BracketFilters filters, InvalidInputException invalid) {
        super(pager);
        this.references = references;
        this.api = api;
        this.incident = incident;
        this.mode = mode;
        this.pageSize = pageSize;
        this.filters = filters;
        this.invalid = invalid;
    }

    /** Only the actions of this incident: its ID, or its reference {@code INC-123} / {@code 123}. */
    public ActionQuery forIncident(String incident) {
        return new ActionQuery(pager(), references, api, incident == null ? "" : incident, mode, pageSize, filters, invalid);
    }

    /** Only actions of incidents in this mode; without it incident.io returns standard and retrospective ones. */
    public ActionQuery mode(IncidentMode mode) {
        return new ActionQuery(pager(), references, api, incident, mode, pageSize, filters, invalid);
    }

    /** How many actions per page on v3, 1 to {@value #MAX_PAGE_SIZE}; v2 ignores it (its list is one page). */
    public ActionQuery pageSize(int pageSize) {
        return new ActionQuery(pager(), references, api, incident, mode, pageSize, filters, invalid);
    }

    /** v3 only: actions created at or after {@code instant} ({@code created_at[gte]}). */
    public ActionQuery createdSince(Instant instant) {
        return filter("created_at", "gte", () -> BracketFilters.time(instant, "created_at", "createdSince(...)"),
                "createdSince(...)");
    }

    /** v3 only: actions created at or before {@code instant} ({@code created_at[lte]}). */
    public ActionQuery createdUntil(Instant instant) {
        return filter("created_at", "lte", () -> BracketFilters.time(instant, "created_at", "createdUntil(...)"),
                "createdUntil(...)");
    }

    /** v3 only: actions created on or after {@code day} ({@code created_at[gte]=2024-12-02}). */
    public ActionQuery createdSince(LocalDate day) {
        return filter("created_at", "gte", () -> BracketFilters.day(day, "created_at", "createdSince(...)"),
                "createdSince(...)");
    }

    /** v3 only: actions created on or before {@code day} ({@code created_at[lte]}). */
    public ActionQuery createdUntil(LocalDate day) {
        return filter("created_at", "lte", () -> BracketFilters.day(day, "created_at", "createdUntil(...)"),
                "createdUntil(...)");
    }

    /** v3 only: actions created from {@code first} to {@code last}, both days included ({@code created_at[date_range]}). */
    public ActionQuery createdBetween(LocalDate first, LocalDate last) {
        return filter("created_at", "date_range",
                () -> BracketFilters.dateRange(first, last, "created_at", "createdBetween(...)"), "createdBetween(...)");
    }

    /**
     * v3 only: actions updated at or after {@code instant} ({@code updated_at[gte]}). incident.io stamps times before
     * committing and may not move {@code updated_at} for embedded changes: overlap sync windows by a few minutes.
     */
    public ActionQuery updatedSince(Instant instant) {
        return filter("updated_at", "gte", () -> BracketFilters.time(instant, "updated_at", "updatedSince(...)"),
                "updatedSince(...)");
    }

    /** v3 only: actions updated at or before {@code instant} ({@code updated_at[lte]}). */
    public ActionQuery updatedUntil(Instant instant) {
        return filter("updated_at", "lte", () -> BracketFilters.time(instant, "updated_at", "updatedUntil(...)"),
                "updatedUntil(...)");
    }

    /** v3 only: actions updated on or after {@code day} ({@code updated_at[gte]}). */
    public ActionQuery updatedSince(LocalDate day) {
        return filter("updated_at", "gte", () -> BracketFilters.day(day, "updated_at", "updatedSince(...)"),
                "updatedSince(...)");
    }

    /** v3 only: actions updated on or before {@code day} ({@code updated_at[lte]}). */
    public ActionQuery updatedUntil(LocalDate day) {
        return filter("updated_at", "lte", () -> BracketFilters.day(day, "updated_at", "updatedUntil(...)"),
                "updatedUntil(...)");
    }

    /** v3 only: actions updated from {@code first} to {@code last}, both days included ({@code updated_at[date_range]}). */
    public ActionQuery updatedBetween(LocalDate first, LocalDate last) {
        return filter("updated_at", "date_range",
                () -> BracketFilters.dateRange(first, last, "updated_at", "updatedBetween(...)"), "updatedBetween(...)");
    }

    private ActionQuery filter(String field, String operator, Supplier<String> value, String step) {
        try {
            return new ActionQuery(pager(), references, api, incident, mode, pageSize,
                    filters.with(field, operator, List.of(value.get()), step), invalid);
        } catch (InvalidInputException e) {
            return new ActionQuery(pager(), references, api, incident, mode, pageSize, filters,
                    invalid != null ? invalid : e);
        }
    }

    /** The first request, once the incident reference (if any) is resolved. */
    @Override
    Future<ApiRequest> firstRequest(int pageSizeIfUnset) {
        if (invalid != null) {
            throw invalid;
        }
        if (incident != null) {
            Checks.present(incident, "incident_id", "pass an incident ID or reference (INC-123) to forIncident(...)");
        }
        if (mode == IncidentMode.UNKNOWN) {
            throw new InvalidInputException("incident_mode", "is UNKNOWN",
                    "pass STANDARD, RETROSPECTIVE, TEST, TUTORIAL or STREAM to mode(...)");
        }
        if (api == ActionsApi.V2 && (filters.has("created_at") || filters.has("updated_at"))) {
            throw new InvalidInputException(filters.has("created_at") ? "created_at" : "updated_at",
                    "filters need the v3 actions API",
                    "call setActionsApi(ActionsApi.V3) on IncidentIoOptions, or filter the fetched actions yourself");
        }
        String size = pageSizeParam(pageSize, MAX_PAGE_SIZE, pageSizeIfUnset);
        Future<String> incidentId = incident == null ? Future.succeededFuture()
                : references.incidentId(incident, "incident_id", "forIncident(...)");
        return incidentId.map(id -> {
            ApiRequest request = ApiRequest.of(HttpMethod.GET, api.path())
                    .withQuery("incident_id", id)
                    .withQuery("incident_mode", mode == null ? null : mode.wireName());
            if (api == ActionsApi.V2) {
                return request;
            }
            return filters.applyTo(request.withQuery("page_size", size));
        });
    }

    @Override
    public String toString() {
        return "ActionQuery[incident=" + incident + ", mode=" + mode + ", api=" + api
                + (pageSize == null ? "" : ", pageSize=" + pageSize) + ", filters=" + filters + "]";
    }
}

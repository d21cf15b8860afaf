package dev.firebrigade;

import dev.firebrigade.internal.paging.Pager;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.IncidentMode;
import io.vertx.core.Future;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * A list of things that belong to incidents (actions, follow-ups), immutable: filtered by incident, by the incident's
 * mode and, on the v3 APIs, by creation and update time ({@code created_at[gte]}, {@code [lte]}, {@code [date_range]}).
 *
 * @param <Q> the concrete query, which every step returns
 */
public abstract sealed class IncidentItemQuery<T, Q extends IncidentItemQuery<T, Q>> extends PagedQuery<T>
        permits ActionQuery, FollowUpQuery {
    /** incident.io's largest page of v3 actions and follow-ups. */
    public static final int MAX_PAGE_SIZE = 250;

    final References references;
    final String incident;
    final IncidentMode mode;
    final Integer pageSize;
    final BracketFilters filters;
    /** The first bad argument given to a step, reported when the query is read. */
    final InvalidInputException invalid;

    IncidentItemQuery(Pager<T> pager, References references, String incident, IncidentMode mode, Integer pageSize,
                      BracketFilters filters, InvalidInputException invalid) {
        super(pager);
        this.references = references;
        this.incident = incident;
        this.mode = mode;
        this.pageSize = pageSize;
        this.filters = filters;
        this.invalid = invalid;
    }

    /** This query with these settings, everything else kept. */
    abstract Q with(String incident, IncidentMode mode, Integer pageSize, BracketFilters filters,
                    InvalidInputException invalid);

    /** Only the items of this incident: its ID, or its reference {@code INC-123} / {@code 123}. */
    public Q forIncident(String incident) {
        return with(incident == null ? "" : incident, mode, pageSize, filters, invalid);
    }

    /** Only items of incidents in this mode; without it incident.io returns standard and retrospective ones. */
    public Q mode(IncidentMode mode) {
        return with(incident, mode, pageSize, filters, invalid);
    }

    /** How many items per page, 1 to {@value #MAX_PAGE_SIZE} (the v2 actions API ignores it: its list is one page). */
    public Q pageSize(int pageSize) {
        return with(incident, mode, pageSize, filters, invalid);
    }

    /** Items created at or after {@code instant} ({@code created_at[gte]}); v3 only. */
    public Q createdSince(Instant instant) {
        return filter("created_at", "gte", () -> BracketFilters.time(instant, "created_at", "createdSince(...)"),
                "createdSince(...)");
    }

    /** Items created at or before {@code instant} ({@code created_at[lte]}); v3 only. */
    public Q createdUntil(Instant instant) {
        return filter("created_at", "lte", () -> BracketFilters.time(instant, "created_at", "createdUntil(...)"),
                "createdUntil(...)");
    }

    /** Items created on or after {@code day} ({@code created_at[gte]=2024-12-02}); v3 only. */
    public Q createdSince(LocalDate day) {
        return filter("created_at", "gte", () -> BracketFilters.day(day, "created_at", "createdSince(...)"),
                "createdSince(...)");
    }

    /** Items created on or before {@code day} ({@code created_at[lte]}); v3 only. */
    public Q createdUntil(LocalDate day) {
        return filter("created_at", "lte", () -> BracketFilters.day(day, "created_at", "createdUntil(...)"),
                "createdUntil(...)");
    }

    /** {@link #createdBetween(LocalDate, LocalDate)} with ISO days: {@code createdBetween("2021-08-01", "2021-08-31")}. */
    public Q createdBetween(String first, String last) {
        return filter("created_at", "date_range",
                () -> BracketFilters.dateRange(first, last, "created_at", "createdBetween(...)"), "createdBetween(...)");
    }

    /** Items created from {@code first} to {@code last}, both days included ({@code created_at[date_range]}); v3 only. */
    public Q createdBetween(LocalDate first, LocalDate last) {
        return filter("created_at", "date_range",
                () -> BracketFilters.dateRange(first, last, "created_at", "createdBetween(...)"), "createdBetween(...)");
    }

    /**
     * Items updated at or after {@code instant} ({@code updated_at[gte]}); v3 only. incident.io stamps times before
     * committing and may not move {@code updated_at} for embedded changes: overlap sync windows by a few minutes.
     */
    public Q updatedSince(Instant instant) {
        return filter("updated_at", "gte", () -> BracketFilters.time(instant, "updated_at", "updatedSince(...)"),
                "updatedSince(...)");
    }

    /** Items updated at or before {@code instant} ({@code updated_at[lte]}); v3 only. */
    public Q updatedUntil(Instant instant) {
        return filter("updated_at", "lte", () -> BracketFilters.time(instant, "updated_at", "updatedUntil(...)"),
                "updatedUntil(...)");
    }

    /** Items updated on or after {@code day} ({@code updated_at[gte]}); v3 only. */
    public Q updatedSince(LocalDate day) {
        return filter("updated_at", "gte", () -> BracketFilters.day(day, "updated_at", "updatedSince(...)"),
                "updatedSince(...)");
    }

    /** Items updated on or before {@code day} ({@code updated_at[lte]}); v3 only. */
    public Q updatedUntil(LocalDate day) {
        return filter("updated_at", "lte", () -> BracketFilters.day(day, "updated_at", "updatedUntil(...)"),
                "updatedUntil(...)");
    }

    /** {@link #updatedBetween(LocalDate, LocalDate)} with ISO days: {@code updatedBetween("2021-08-01", "2021-08-31")}. */
    public Q updatedBetween(String first, String last) {
        return filter("updated_at", "date_range",
                () -> BracketFilters.dateRange(first, last, "updated_at", "updatedBetween(...)"), "updatedBetween(...)");
    }

    /** Items updated from {@code first} to {@code last}, both days included ({@code updated_at[date_range]}); v3 only. */
    public Q updatedBetween(LocalDate first, LocalDate last) {
        return filter("updated_at", "date_range",
                () -> BracketFilters.dateRange(first, last, "updated_at", "updatedBetween(...)"), "updatedBetween(...)");
    }

    private Q filter(String field, String operator, Supplier<String> value, String step) {
        try {
            return with(incident, mode, pageSize, filters.with(field, operator, List.of(value.get()), step), invalid);
        } catch (InvalidInputException e) {
            return with(incident, mode, pageSize, filters, invalid != null ? invalid : e);
        }
    }

    /** The checks every such list makes before sending; throws {@link InvalidInputException} naming the step. */
    final void checkSteps() {
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
    }

    /** {@code base} with the incident (resolved from a reference if need be) and the mode as query parameters. */
    final Future<ApiRequest> withIncidentAndMode(ApiRequest base) {
        Future<String> incidentId = incident == null ? Future.succeededFuture()
                : references.incidentId(incident, "incident_id", "forIncident(...)");
        return incidentId.map(id -> base.withQuery("incident_id", id)
                .withQuery("incident_mode", mode == null ? null : mode.wireName()));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[incident=" + incident + ", mode=" + mode
                + (pageSize == null ? "" : ", pageSize=" + pageSize) + ", filters=" + filters + "]";
    }
}

package dev.firebrigade.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The list endpoints of things that belong to incidents (actions, follow-ups): {@code incident_id} and
 * {@code incident_mode} filters, and on v3 cursor pages in ID order (oldest first) with {@code created_at} and
 * {@code updated_at} time windows.
 */
final class IncidentItemLists {
    private static final Set<String> INCIDENT_MODES = Set.of("standard", "retrospective", "test", "tutorial", "stream");
    private static final List<String> DEFAULT_MODES = List.of("standard", "retrospective");
    private static final Set<String> V3_FILTERS = Set.of("created_at", "updated_at");

    private static final Set<String> STATUSES = Set.of("outstanding", "completed", "deleted", "not_doing");

    private IncidentItemLists() {}

    /** A PUT's status must be a known one, and not {@code deleted} (the spec: "use the delete endpoint"). */
    static void checkSettableStatus(String status, List<JsonObject> errors) {
        if (status != null && !STATUSES.contains(status)) {
            errors.add(ErrorBodies.error("invalid_value",
                    "The status must be one of outstanding, completed, not_doing, but was '" + status + "'", "status"));
        } else if ("deleted".equals(status)) {
            errors.add(ErrorBodies.error("invalid_value",
                    "Setting the status to deleted is not allowed; use the delete endpoint instead", "status"));
        }
    }

    /** Items of the {@code incident_id} asked for, or all. */
    static Predicate<JsonObject> forIncident(RoutingContext ctx) {
        Optional<String> incidentId = Requests.query(ctx, "incident_id");
        return item -> incidentId.map(id -> id.equals(item.getString("incident_id"))).orElse(true);
    }

    /** The {@code incident_mode} asked for, or incident.io's default of standard and retrospective. */
    static List<String> incidentModes(RoutingContext ctx) {
        return Requests.queryEnum(ctx, "incident_mode", INCIDENT_MODES).map(List::of).orElse(DEFAULT_MODES);
    }

    /**
     * One v3 page of {@code field}: the items {@code where} gives for the filters asked for plus {@code also}, after
     * the {@code after} cursor, with {@code pagination_meta}.
     */
    static JsonObject v3Page(RoutingContext ctx, String field, Predicate<JsonObject> also,
            BiFunction<Predicate<JsonObject>, List<String>, List<JsonObject>> where) {
        Requests.rejectUnsupportedFilters(ctx, V3_FILTERS);
        var pageSize = Requests.pageSize(ctx, 25, 250);
        var after = Requests.query(ctx, "after");
        var created = Requests.timeWindow(ctx, "created_at");
        var updated = Requests.timeWindow(ctx, "updated_at");
        Predicate<JsonObject> filter = forIncident(ctx).and(also)
                .and(item -> created.contains(Timestamps.parse(item.getString("created_at"))))
                .and(item -> updated.contains(Timestamps.parse(item.getString("updated_at"))))
                // IDs sort in creation order, so "after this ID" is a plain string comparison, even for a deleted ID.
                .and(item -> after.map(id -> item.getString("id").compareTo(id) > 0).orElse(true));
        var matching = where.apply(filter, incidentModes(ctx));
        var page = matching.subList(0, Math.min(pageSize, matching.size()));
        var meta = new JsonObject().put("page_size", pageSize);
        if (matching.size() > page.size()) {
            meta.put("after", page.get(page.size() - 1).getString("id"));
        }
        return new JsonObject().put(field, new JsonArray(new ArrayList<Object>(page))).put("pagination_meta", meta);
    }
}

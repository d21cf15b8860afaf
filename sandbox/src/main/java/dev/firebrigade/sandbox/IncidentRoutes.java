package dev.firebrigade.sandbox;

import static io.vertx.core.http.HttpMethod.GET;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code GET /v2/incidents} and {@code GET /v2/incidents/{id}} (API-NOTES §8). Show accepts the full ID or the
 * numeric part of the reference ({@code 123}); {@code INC-123} is not documented and gets a 404. The list
 * simulates the {@code status}, {@code status_category}, {@code mode}, {@code severity}, {@code incident_type},
 * {@code created_at} and {@code updated_at} filters, {@code filter_mode}, {@code sort_by} and cursor pages, and
 * refuses (400) the role and custom-field filters rather than ignore them.
 */
final class IncidentRoutes {
    private static final Set<String> FILTERS =
            Set.of("status", "status_category", "mode", "severity", "incident_type", "created_at", "updated_at");
    private static final Set<String> MODES = Set.of("standard", "retrospective", "test", "tutorial");
    private static final List<String> DEFAULT_MODES = List.of("standard", "retrospective");
    /** The spec's own example filters by "active"; the UI names live "Active" and learning "Post-incident". */
    private static final Map<String, String> CATEGORY_ALIASES = Map.of("active", "live", "post-incident", "learning");

    private final SandboxState state;
    private final Replies replies;

    IncidentRoutes(SandboxState state, Replies replies) {
        this.state = state;
        this.replies = replies;
    }

    void register(Endpoints endpoints) {
        endpoints.add(GET, "/v2/incidents", this::list);
        endpoints.add(GET, "/v2/incidents/{id}", this::show);
    }

    private void show(RoutingContext ctx) {
        var id = ctx.pathParam("id");
        var incident = state.incident(id).orElseThrow(() ->
                ApiException.notFound("No incident found with ID or reference number '" + id + "'"));
        replies.send(ctx, 200, new JsonObject().put("incident", incident));
    }

    private void list(RoutingContext ctx) {
        Requests.rejectUnsupportedFilters(ctx, FILTERS);
        // The schema allows 500 but the description says 250; we follow the description.
        var pageSize = Requests.pageSize(ctx, 25, 250);
        var after = Requests.query(ctx, "after");
        var newestFirst = Requests.queryEnum(ctx, "sort_by", Set.of("created_at_newest_first", "created_at_oldest_first"))
                .orElse("created_at_newest_first").equals("created_at_newest_first");
        var anyFilter = Requests.queryEnum(ctx, "filter_mode", Set.of("all", "any")).orElse("all").equals("any");

        var modes = Requests.filter(ctx, "mode", Set.of("one_of")).getOrDefault("one_of", DEFAULT_MODES);
        modes.stream().filter(m -> !MODES.contains(m)).findFirst().ifPresent(m -> {
            throw ApiException.invalidValue("mode", "The mode must be one of retrospective, standard, test, tutorial, but was '" + m + "'");
        });
        var filters = filters(ctx);
        Predicate<JsonObject> matchesFilters = incident -> filters.isEmpty()
                || (anyFilter ? filters.stream().anyMatch(f -> f.test(incident)) : filters.stream().allMatch(f -> f.test(incident)));

        Comparator<JsonObject> order = Comparator.comparing((JsonObject i) -> Timestamps.parse(i.getString("created_at")))
                .thenComparing(i -> i.getString("id"));
        var matching = state.incidents().stream()
                .filter(incident -> modes.contains(incident.getString("mode")))
                .filter(matchesFilters)
                .sorted(newestFirst ? order.reversed() : order)
                .toList();
        int start = 0;
        if (after.isPresent()) {
            start = indexOf(matching, after.get()) + 1;
            if (start == 0) {
                throw ApiException.invalidValue("after", "The after cursor '" + after.get() + "' is not an incident in this list");
            }
        }
        var page = matching.subList(start, Math.min(matching.size(), start + pageSize));
        var meta = new JsonObject().put("page_size", pageSize).put("total_record_count", matching.size());
        if (start + page.size() < matching.size()) {
            meta.put("after", page.get(page.size() - 1).getString("id"));
        }
        replies.send(ctx, 200, new JsonObject()
                .put("incidents", new JsonArray(new ArrayList<Object>(page)))
                .put("pagination_meta", meta));
    }

    private List<Predicate<JsonObject>> filters(RoutingContext ctx) {
        var filters = new ArrayList<Predicate<JsonObject>>();
        addOneOfNotIn(filters, Requests.filter(ctx, "status", Set.of("one_of", "not_in")), i -> nested(i, "incident_status", "id"));
        var categories = Requests.filter(ctx, "status_category", Set.of("one_of", "not_in"));
        categories.replaceAll((op, values) -> values.stream().map(v -> CATEGORY_ALIASES.getOrDefault(v, v)).toList());
        addOneOfNotIn(filters, categories, i -> nested(i, "incident_status", "category"));
        addOneOfNotIn(filters, Requests.filter(ctx, "incident_type", Set.of("one_of", "not_in")), i -> nested(i, "incident_type", "id"));
        var severity = Requests.filter(ctx, "severity", Set.of("one_of", "not_in", "gte", "lte"));
        addOneOfNotIn(filters, severity, i -> nested(i, "severity", "id"));
        for (var value : severity.getOrDefault("gte", List.of())) {
            long rank = severityRank(value);
            filters.add(i -> i.getJsonObject("severity") != null && i.getJsonObject("severity").getLong("rank") >= rank);
        }
        for (var value : severity.getOrDefault("lte", List.of())) {
            long rank = severityRank(value);
            filters.add(i -> i.getJsonObject("severity") != null && i.getJsonObject("severity").getLong("rank") <= rank);
        }
        var created = Requests.timeWindow(ctx, "created_at");
        if (created != Requests.TimeWindow.ALL) {
            filters.add(i -> created.contains(Timestamps.parse(i.getString("created_at"))));
        }
        var updated = Requests.timeWindow(ctx, "updated_at");
        if (updated != Requests.TimeWindow.ALL) {
            filters.add(i -> updated.contains(Timestamps.parse(i.getString("updated_at"))));
        }
        return filters;
    }

    private static void addOneOfNotIn(List<Predicate<JsonObject>> filters, Map<String, List<String>> filter,
            Function<JsonObject, String> value) {
        var oneOf = filter.get("one_of");
        if (oneOf != null) {
            filters.add(i -> oneOf.contains(value.apply(i)));
        }
        var notIn = filter.get("not_in");
        if (notIn != null) {
            filters.add(i -> !notIn.contains(value.apply(i)));
        }
    }

    private long severityRank(String severityId) {
        return state.severities().stream()
                .filter(s -> s.getString("id").equals(severityId))
                .findFirst()
                .map(s -> s.getLong("rank"))
                .orElseThrow(() -> ApiException.invalidValue("severity", "No severity found with ID '" + severityId + "'"));
    }

    private static String nested(JsonObject incident, String object, String field) {
        var nested = incident.getJsonObject(object);
        return nested == null ? null : nested.getString(field);
    }

    private static int indexOf(List<JsonObject> incidents, String id) {
        for (int i = 0; i < incidents.size(); i++) {
            if (incidents.get(i).getString("id").equals(id)) {
                return i;
            }
        }
        return -1;
    }
}

package dev.firebrigade.sandbox;

import static io.vertx.core.http.HttpMethod.GET;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The organisation's catalog, read-only: {@code GET /v1/severities}, {@code /v1/incident_types},
 * {@code /v1/incident_statuses} and {@code /v2/incident_roles}, each one unpaginated list (as the spec has them).
 */
final class CatalogRoutes {
    private final SandboxState state;
    private final Replies replies;

    CatalogRoutes(SandboxState state, Replies replies) {
        this.state = state;
        this.replies = replies;
    }

    void register(Endpoints endpoints) {
        endpoints.add(GET, "/v1/severities", list("severities", state::severities));
        endpoints.add(GET, "/v1/incident_types", list("incident_types", state::incidentTypes));
        endpoints.add(GET, "/v1/incident_statuses", list("incident_statuses", state::incidentStatuses));
        endpoints.add(GET, "/v2/incident_roles", list("incident_roles", state::incidentRoles));
    }

    private io.vertx.core.Handler<RoutingContext> list(String field, Supplier<List<JsonObject>> entries) {
        return ctx -> replies.send(ctx, 200, new JsonObject().put(field, new JsonArray(new ArrayList<Object>(entries.get()))));
    }
}

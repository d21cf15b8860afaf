package dev.firebrigade.sandbox;

import static io.vertx.core.http.HttpMethod.GET;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v1/identity}: which key is calling, answered with the key's configured name. */
final class IdentityRoutes {
    private final Replies replies;

    IdentityRoutes(Replies replies) {
        this.replies = replies;
    }

    void register(Endpoints endpoints) {
        endpoints.add(GET, "/v1/identity", this::identity);
    }

    private void identity(RoutingContext ctx) {
        ApiKeyIdentity key = ctx.get(Sandbox.IDENTITY);
        replies.send(ctx, 200, new JsonObject().put("identity", new JsonObject()
                .put("name", key.name())
                // Sandbox keys can do everything the simulator offers.
                .put("roles", new JsonArray().add("viewer").add("incident_creator").add("incident_editor").add("global_access"))
                .put("team_roles", new JsonArray())
                .put("teams", new JsonArray())
                .put("dashboard_url", "https://app.incident.io/firebrigade-sandbox")));
    }
}

package dev.firebrigade.sandbox;

import static io.vertx.core.http.HttpMethod.GET;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Locale;

/**
 * {@code GET /v2/users} and {@code GET /v2/users/{id}} (API-NOTES §7). Users are listed in ID order and the
 * cursor is the last ID of a page; the email filter ignores case (our assumption: email addresses are
 * case-insensitive in practice); inactive users are hidden unless {@code include_inactive=true}.
 */
final class UserRoutes {
    private final SandboxState state;
    private final Replies replies;

    UserRoutes(SandboxState state, Replies replies) {
        this.state = state;
        this.replies = replies;
    }

    void register(Endpoints endpoints) {
        endpoints.add(GET, "/v2/users", this::list);
        endpoints.add(GET, "/v2/users/{id}", this::show);
    }

    private void list(RoutingContext ctx) {
        var email = Requests.query(ctx, "email").map(e -> e.toLowerCase(Locale.ROOT));
        var slackUserId = Requests.query(ctx, "slack_user_id");
        var includeInactive = Requests.queryBoolean(ctx, "include_inactive", false);
        var pageSize = Requests.pageSize(ctx, 25, 10_000);
        var after = Requests.query(ctx, "after");
        var matching = state.users().stream()
                .filter(user -> includeInactive || user.getBoolean("is_active", true))
                .filter(user -> email.map(e -> e.equals(user.getString("email", "").toLowerCase(Locale.ROOT))).orElse(true))
                .filter(user -> slackUserId.map(s -> s.equals(user.getString("slack_user_id"))).orElse(true))
                .filter(user -> after.map(id -> user.getString("id").compareTo(id) > 0).orElse(true))
                .toList();
        var page = matching.subList(0, Math.min(pageSize, matching.size()));
        var meta = new JsonObject().put("page_size", pageSize);
        if (matching.size() > page.size()) {
            meta.put("after", page.get(page.size() - 1).getString("id"));
        }
        replies.send(ctx, 200, new JsonObject()
                .put("users", new JsonArray(new ArrayList<Object>(page)))
                .put("pagination_meta", meta));
    }

    private void show(RoutingContext ctx) {
        var id = ctx.pathParam("id");
        var user = state.user(id).orElseThrow(() -> ApiException.notFound("No user found with ID '" + id + "'"));
        replies.send(ctx, 200, new JsonObject().put("user", user));
    }
}

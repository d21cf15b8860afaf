package dev.firebrigade.sandbox;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;

/**
 * The sandbox's own control API under {@code /_sandbox} (not incident.io's: no contract, no faults, no rate limit,
 * not recorded; the API key is still required): webhook endpoints, as incident.io's Settings > Webhooks page.
 * <ul>
 *   <li>{@code POST /_sandbox/webhook_endpoints {"url": …, "secret": "whsec_…"}} (secret optional: one is made)
 *       answers 201 {@code {"webhook_endpoint": {id, url, secret}}}</li>
 *   <li>{@code GET /_sandbox/webhook_endpoints}, {@code DELETE /_sandbox/webhook_endpoints/{id}}</li>
 * </ul>
 */
final class ControlRoutes {
    static final String PREFIX = "/_sandbox";

    private final SandboxWebhooks webhooks;
    private final Replies replies;

    ControlRoutes(SandboxWebhooks webhooks, Replies replies) {
        this.webhooks = webhooks;
        this.replies = replies;
    }

    void register(Router router, Handler<RoutingContext> authenticator) {
        router.route(PREFIX + "/*").handler(authenticator);
        router.post(PREFIX + "/webhook_endpoints").handler(ctx -> answer(ctx, this::register));
        router.get(PREFIX + "/webhook_endpoints").handler(ctx -> answer(ctx, this::list));
        router.delete(PREFIX + "/webhook_endpoints/:id").handler(ctx -> answer(ctx, this::unregister));
    }

    private void answer(RoutingContext ctx, Handler<RoutingContext> handler) {
        try {
            handler.handle(ctx);
        } catch (ApiException error) {
            replies.error(ctx, error);
        }
    }

    private void register(RoutingContext ctx) {
        var body = Requests.jsonObject(ctx);
        var errors = new ArrayList<JsonObject>();
        var url = Requests.requiredString(body, "url", "A url is required to register a webhook endpoint", errors);
        var secret = Requests.optionalString(body, "secret", errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        WebhookEndpoint endpoint;
        try {
            endpoint = secret.isPresent() ? webhooks.register(url, secret.get()) : webhooks.register(url);
        } catch (IllegalArgumentException invalid) {
            throw ApiException.validation(secret.isPresent() && invalid.getMessage().contains("secret") ? "secret" : "url",
                    "invalid_value", invalid.getMessage());
        }
        replies.send(ctx, 201, new JsonObject().put("webhook_endpoint", json(endpoint)));
    }

    private void list(RoutingContext ctx) {
        var all = new JsonArray();
        webhooks.endpoints().forEach(endpoint -> all.add(json(endpoint)));
        replies.send(ctx, 200, new JsonObject().put("webhook_endpoints", all));
    }

    private void unregister(RoutingContext ctx) {
        var id = ctx.pathParam("id");
        if (!webhooks.unregister(id)) {
            throw ApiException.notFound("No webhook endpoint found with ID '" + id + "'");
        }
        replies.noContent(ctx);
    }

    private static JsonObject json(WebhookEndpoint endpoint) {
        return new JsonObject().put("id", endpoint.id()).put("url", endpoint.url()).put("secret", endpoint.secret());
    }
}

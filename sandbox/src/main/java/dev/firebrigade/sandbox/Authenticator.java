package dev.firebrigade.sandbox;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks {@code Authorization: Bearer <key>} on every route. No header: 401 {@code missing_authorization_material}
 * (the documented example). A header that is not a bearer token or names an unknown key: 401
 * {@code invalid_authorization_material} (our choice; the real code is not documented).
 */
final class Authenticator implements Handler<RoutingContext> {
    private final Map<String, ApiKeyIdentity> keys = new LinkedHashMap<>();
    private final Replies replies;

    Authenticator(Map<String, String> apiKeys, Replies replies) {
        apiKeys.forEach((value, name) -> keys.put(value, new ApiKeyIdentity(Ulid.stableIdFor(value), name)));
        this.replies = replies;
    }

    @Override
    public void handle(RoutingContext ctx) {
        var header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            replies.error(ctx, ApiException.authentication("missing_authorization_material",
                    "No authorization material provided in request"));
            return;
        }
        var trimmed = header.trim();
        var identity = trimmed.regionMatches(true, 0, "Bearer ", 0, 7) ? keys.get(trimmed.substring(7).trim()) : null;
        if (identity == null) {
            replies.error(ctx, ApiException.authentication("invalid_authorization_material",
                    "The API key provided is not valid. Check that it is a Bearer token for an existing key."));
            return;
        }
        ctx.put(Sandbox.IDENTITY, identity);
        ctx.next();
    }

    ApiKeyIdentity first() {
        return keys.values().iterator().next();
    }
}

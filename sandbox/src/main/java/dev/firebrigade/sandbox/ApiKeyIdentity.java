package dev.firebrigade.sandbox;

import io.vertx.core.json.JsonObject;

/** Who a request is: the API key's public ID and name (never its value), as in {@code APIKeyActorV2}. */
record ApiKeyIdentity(String id, String name) {
    JsonObject toActor() {
        return new JsonObject().put("api_key", new JsonObject().put("id", id).put("name", name));
    }
}

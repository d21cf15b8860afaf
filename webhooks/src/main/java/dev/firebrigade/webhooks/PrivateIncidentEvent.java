package dev.firebrigade.webhooks;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * Something changed in a private incident ({@code private_incident.*}): incident.io sends only the ID, so that no
 * detail leaks to a system that should not see it; fetch the resource with a key allowed to view private incidents.
 */
public record PrivateIncidentEvent(String messageId, Instant timestamp, String type, Resource resource, Change change,
                                   String resourceId, JsonObject json) implements WebhookEvent {

    /** What the ID names. */
    public enum Resource { ACTION, FOLLOW_UP, INCIDENT }

    @Override
    public String toString() {
        return type + " " + messageId + ": private " + resource.name().toLowerCase(java.util.Locale.ROOT) + " "
                + resourceId;
    }
}

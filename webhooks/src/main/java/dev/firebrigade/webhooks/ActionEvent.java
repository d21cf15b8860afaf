package dev.firebrigade.webhooks;

import dev.firebrigade.model.Action;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * An action of a public incident was created or updated ({@code public_incident.action_created_v1},
 * {@code public_incident.action_updated_v1}). The payload is incident.io's {@code ActionV1}: it has no creator,
 * so {@code action().creator()} is null; {@code followUp} is its flag marking the action as a follow-up.
 */
public record ActionEvent(String messageId, Instant timestamp, String type, Change change, Action action,
                          boolean followUp, JsonObject json) implements WebhookEvent {

    @Override
    public String toString() {
        return type + " " + messageId + ": " + action;
    }
}

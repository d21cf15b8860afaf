package dev.firebrigade.webhooks;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * A follow-up of a public incident was created or updated ({@code public_incident.follow_up_created_v1|v2},
 * {@code public_incident.follow_up_updated_v1|v2}); the v1 events carry an {@code ActionV1}, the v2 ones a
 * {@code FollowUpV2}, both read into {@link WebhookFollowUp}.
 */
public record FollowUpEvent(String messageId, Instant timestamp, String type, Change change, WebhookFollowUp followUp,
                            JsonObject json) implements WebhookEvent {

    @Override
    public String toString() {
        return type + " " + messageId + ": " + followUp;
    }
}

package dev.firebrigade.webhooks;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * An event type without a typed form here (alerts, escalations, schedules, memberships, post-mortems, and types
 * incident.io adds later), or a signed body without {@code event_type} such as a Svix test message.
 *
 * @param type null when the body has no {@code event_type}
 */
public record RawEvent(String messageId, Instant timestamp, String type, JsonObject json) implements WebhookEvent {

    @Override
    public String toString() {
        String text = json.encode();
        return (type == null ? "(no event_type)" : type) + " " + messageId + ": "
                + (text.length() > 120 ? text.substring(0, 119) + "…" : text);
    }
}

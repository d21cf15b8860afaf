package dev.firebrigade.webhooks;

import dev.firebrigade.model.Incident;
import dev.firebrigade.model.IncidentStatus;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * A public incident was created, updated, or changed status ({@code public_incident.incident_created_v2},
 * {@code incident_updated_v2}, {@code incident_status_updated_v2}).
 *
 * @param previousStatus only for {@link Change#STATUS_UPDATED}, otherwise null
 * @param newStatus      only for {@link Change#STATUS_UPDATED}, otherwise null
 */
public record IncidentEvent(String messageId, Instant timestamp, String type, Change change, Incident incident,
                            IncidentStatus previousStatus, IncidentStatus newStatus, JsonObject json)
        implements WebhookEvent {

    @Override
    public String toString() {
        return type + " " + messageId + ": " + incident
                + (change == Change.STATUS_UPDATED ? " (was " + previousStatus + ")" : "");
    }
}

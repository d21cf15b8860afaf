package dev.firebrigade.sandbox;

import dev.firebrigade.sandbox.SandboxState.Change;
import io.vertx.core.json.JsonObject;

/**
 * Turns a change in the sandbox into the event incident.io would send, as the spec's {@code x-webhooks} define it:
 * its type and its body. Private incidents get {@code private_incident.*} events carrying only the resource's ID.
 */
final class WebhookEvents {
    private WebhookEvents() {
    }

    /**
     * The event for a change ({@code {"event_type": type, type: payload}}), or null when incident.io sends none: it has
     * no {@code private_incident.incident_status_updated_v2}, the private {@code incident_updated_v2} says enough.
     */
    static JsonObject of(Change change, JsonObject object, boolean privateIncident) {
        if (privateIncident && change == Change.INCIDENT_STATUS_UPDATED) {
            return null;
        }
        var type = (privateIncident ? "private_incident." : "public_incident.") + switch (change) {
            case ACTION_CREATED -> "action_created_v1";
            case ACTION_UPDATED, ACTION_DELETED -> "action_updated_v1";
            case FOLLOW_UP_CREATED -> "follow_up_created_v1";
            case FOLLOW_UP_UPDATED, FOLLOW_UP_DELETED -> "follow_up_updated_v1";
            case INCIDENT_CREATED -> "incident_created_v2";
            case INCIDENT_UPDATED -> "incident_updated_v2";
            case INCIDENT_STATUS_UPDATED -> "incident_status_updated_v2";
        };
        var payload = privateIncident ? new JsonObject().put("id", object.getString("id")) : switch (change) {
            case ACTION_CREATED, ACTION_UPDATED, ACTION_DELETED -> actionV1(object);
            case FOLLOW_UP_CREATED, FOLLOW_UP_UPDATED, FOLLOW_UP_DELETED -> followUpAsActionV1(object);
            case INCIDENT_CREATED, INCIDENT_UPDATED, INCIDENT_STATUS_UPDATED -> object;
        };
        return new JsonObject().put("event_type", type).put(type, payload);
    }

    /** incident.io's webhooks carry {@code ActionV1}: no creator, and a follow-up flag (never set on an action). */
    private static JsonObject actionV1(JsonObject action) {
        var payload = action.copy().put("follow_up", false);
        payload.remove("creator");
        return payload;
    }

    /**
     * The v1 follow-up events carry a follow-up as an {@code ActionV1} flagged {@code follow_up}: its title becomes the
     * description (what incident.io listed as a follow-up's text before follow-ups had titles); the fields an action
     * lacks (creator, team, priority, category, labels) are left out.
     */
    private static JsonObject followUpAsActionV1(JsonObject followUp) {
        var payload = new JsonObject()
                .put("id", followUp.getString("id"))
                .put("incident_id", followUp.getString("incident_id"))
                .put("description", followUp.getString("title"))
                .put("status", followUp.getString("status"))
                .put("follow_up", true)
                .put("created_at", followUp.getString("created_at"))
                .put("updated_at", followUp.getString("updated_at"));
        for (var optional : new String[] {"assignee", "completed_at", "external_issue_reference"}) {
            if (followUp.getValue(optional) != null) {
                payload.put(optional, followUp.getValue(optional));
            }
        }
        return payload;
    }
}

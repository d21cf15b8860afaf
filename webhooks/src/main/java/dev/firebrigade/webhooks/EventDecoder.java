package dev.firebrigade.webhooks;

import dev.firebrigade.model.Action;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.IncidentStatus;
import dev.firebrigade.internal.transport.Json;
import dev.firebrigade.webhooks.PrivateIncidentEvent.Resource;
import dev.firebrigade.webhooks.WebhookEvent.Change;
import dev.firebrigade.webhooks.WebhookRejectedException.Reason;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * Turns a verified body into a typed event, by {@code event_type}, following the spec's {@code x-webhooks}: the
 * payload sits under a key named like the event type. Unknown types, and known types whose payload is missing or
 * shaped differently, stay raw rather than failing: incident.io adds event types and fields without notice.
 */
final class EventDecoder {
    private EventDecoder() {
    }

    static WebhookEvent decode(String messageId, Instant timestamp, byte[] body) {
        JsonObject json;
        try {
            json = new JsonObject(Buffer.buffer(body));
        } catch (DecodeException | ClassCastException notAnObject) {
            throw new WebhookRejectedException(Reason.NOT_AN_EVENT, messageId);
        }
        String type = json.getValue("event_type") instanceof String text ? text : null;
        Object payload = type == null ? null : json.getValue(type);
        if (!(payload instanceof JsonObject object)) {
            return new RawEvent(messageId, timestamp, type, json);
        }
        try {
            return typed(messageId, timestamp, type, object, json);
        } catch (IllegalArgumentException unexpectedShape) {
            // Genuine but not in the shape we know: refusing it would only make Svix retry it for a day.
            return new RawEvent(messageId, timestamp, type, json);
        }
    }

    private static WebhookEvent typed(String messageId, Instant timestamp, String type, JsonObject object,
                                      JsonObject json) {
        return switch (type) {
            case "public_incident.action_created_v1" -> action(messageId, timestamp, type, Change.CREATED, object, json);
            case "public_incident.action_updated_v1" -> action(messageId, timestamp, type, Change.UPDATED, object, json);
            case "public_incident.follow_up_created_v1", "public_incident.follow_up_created_v2" ->
                    new FollowUpEvent(messageId, timestamp, type, Change.CREATED, read(object, WebhookFollowUp.class), json);
            case "public_incident.follow_up_updated_v1", "public_incident.follow_up_updated_v2" ->
                    new FollowUpEvent(messageId, timestamp, type, Change.UPDATED, read(object, WebhookFollowUp.class), json);
            case "public_incident.incident_created_v2" -> incident(messageId, timestamp, type, Change.CREATED, object, json);
            case "public_incident.incident_updated_v2" -> incident(messageId, timestamp, type, Change.UPDATED, object, json);
            case "public_incident.incident_status_updated_v2" -> new IncidentEvent(messageId, timestamp, type,
                    Change.STATUS_UPDATED, read(object.getJsonObject("incident"), Incident.class),
                    read(object.getJsonObject("previous_status"), IncidentStatus.class),
                    read(object.getJsonObject("new_status"), IncidentStatus.class), json);
            case "private_incident.action_created_v1" -> hidden(messageId, timestamp, type, Resource.ACTION, Change.CREATED, object, json);
            case "private_incident.action_updated_v1" -> hidden(messageId, timestamp, type, Resource.ACTION, Change.UPDATED, object, json);
            case "private_incident.follow_up_created_v1", "private_incident.follow_up_created_v2" ->
                    hidden(messageId, timestamp, type, Resource.FOLLOW_UP, Change.CREATED, object, json);
            case "private_incident.follow_up_updated_v1", "private_incident.follow_up_updated_v2" ->
                    hidden(messageId, timestamp, type, Resource.FOLLOW_UP, Change.UPDATED, object, json);
            case "private_incident.incident_created_v2" -> hidden(messageId, timestamp, type, Resource.INCIDENT, Change.CREATED, object, json);
            case "private_incident.incident_updated_v2" -> hidden(messageId, timestamp, type, Resource.INCIDENT, Change.UPDATED, object, json);
            default -> new RawEvent(messageId, timestamp, type, json);
        };
    }

    private static ActionEvent action(String messageId, Instant timestamp, String type, Change change,
                                      JsonObject payload, JsonObject json) {
        return new ActionEvent(messageId, timestamp, type, change, read(payload, Action.class),
                payload.getBoolean("follow_up", false), json);
    }

    private static IncidentEvent incident(String messageId, Instant timestamp, String type, Change change,
                                          JsonObject payload, JsonObject json) {
        return new IncidentEvent(messageId, timestamp, type, change, read(payload, Incident.class), null, null, json);
    }

    private static PrivateIncidentEvent hidden(String messageId, Instant timestamp, String type, Resource resource,
                                               Change change, JsonObject payload, JsonObject json) {
        return new PrivateIncidentEvent(messageId, timestamp, type, resource, change, payload.getString("id"), json);
    }

    /** Binds with the client's mapper, so models read webhooks exactly as they read API answers. */
    private static <T> T read(JsonObject payload, Class<T> type) {
        return payload == null ? null : Json.mapper().convertValue(payload.getMap(), type);
    }
}

package dev.firebrigade.webhooks;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One verified delivery from incident.io. The action, follow-up and incident events of the spec's
 * {@code x-webhooks} come typed ({@link ActionEvent}, {@link FollowUpEvent}, {@link IncidentEvent}, and
 * {@link PrivateIncidentEvent} for private incidents, which carry only an ID); every other event type is a
 * {@link RawEvent}. {@link #json()} always holds the whole body as sent.
 */
public sealed interface WebhookEvent permits ActionEvent, FollowUpEvent, IncidentEvent, PrivateIncidentEvent, RawEvent {

    /** What happened to the resource. */
    enum Change { CREATED, UPDATED, STATUS_UPDATED }

    /** {@code webhook-id}: Svix's message ID, the same on every retry of one event. */
    String messageId();

    /** {@code webhook-timestamp}: when this attempt was signed. */
    Instant timestamp();

    /** {@code event_type} as incident.io spells it, e.g. {@code public_incident.action_created_v1}. */
    String type();

    /** The whole body (a copy is cheap to take with {@code json().copy()}). */
    JsonObject json();
}

package dev.firebrigade.webhooks;

import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.model.Actor;
import dev.firebrigade.model.User;

import java.time.Instant;
import java.util.List;

/**
 * A follow-up as webhooks carry it: {@code FollowUpV2} in the v2 events; the v1 events carry an {@code ActionV1},
 * which has no title, creator, labels or priority (those are then null or empty).
 *
 * @param title    absent in v1 events
 * @param priority absent when the organisation does not use priorities
 */
public record WebhookFollowUp(String id, String incidentId, String title, String description, ActionStatus status,
                              User assignee, Actor creator, List<String> labels, Priority priority,
                              Instant completedAt, Instant createdAt, Instant updatedAt) {

    public WebhookFollowUp {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A follow-up priority ({@code FollowUpPriorityV2}); a lower rank is more urgent. */
    public record Priority(String id, String name, String description, Long rank) {
    }

    @Override
    public String toString() {
        String text = title != null ? title : description == null ? "" : description;
        return "FollowUp " + id + " [" + (status == null ? "?" : status.wireName()) + "] \""
                + (text.length() > 60 ? text.substring(0, 59) + "…" : text) + "\" -> "
                + (assignee == null ? "unassigned" : assignee.name()) + " (incident " + incidentId + ")";
    }
}

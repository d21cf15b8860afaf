package dev.firebrigade.model;

import java.time.Instant;

/**
 * An incident action ({@code ActionV2}, identical to {@code ActionV3}): a piece of work tracked during an incident.
 *
 * @param assignee    absent when nobody is assigned
 * @param completedAt absent until completed
 */
public record Action(
        String id,
        String incidentId,
        String description,
        ActionStatus status,
        Actor creator,
        User assignee,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** One short line, because JShell truncates long values. */
    @Override
    public String toString() {
        return "Action " + id + " [" + (status == null ? "?" : status.wireName()) + "] "
                + Text.oneLine(description, 60)
                + " -> " + (assignee == null ? "unassigned" : assignee.name())
                + " (incident " + incidentId + ")";
    }
}

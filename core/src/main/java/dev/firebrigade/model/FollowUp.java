package dev.firebrigade.model;

import java.time.Instant;
import java.util.List;

/**
 * Work agreed after an incident ({@code FollowUpV3}), usually from the post-mortem.
 *
 * @param assignee               absent when nobody is assigned
 * @param externalIssueReference the tracker issue, once connected
 * @param completedAt            set while completed
 */
public record FollowUp(
        String id,
        String incidentId,
        String title,
        String description,
        FollowUpStatus status,
        User assignee,
        Team assigneeTeam,
        FollowUpPriority priority,
        FollowUpCategory category,
        List<String> labels,
        ExternalIssue externalIssueReference,
        Actor creator,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt) {

    public FollowUp {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    @Override
    public String toString() {
        return "FollowUp " + id + " [" + (status == null ? "?" : status.wireName()) + ", "
                + (assignee == null ? "unassigned" : assignee.name()) + "] " + Text.oneLine(title, 60);
    }
}

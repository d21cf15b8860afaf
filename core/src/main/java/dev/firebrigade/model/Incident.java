package dev.firebrigade.model;

import java.time.Instant;
import java.util.List;

/**
 * An incident ({@code IncidentV2}): the subset a responder works with. Fields incident.io adds later, custom fields
 * and timestamps are not kept; {@code raw().get("/v2/incidents/" + id)} gives everything.
 *
 * @param reference           as shown across the product, e.g. {@code INC-123}
 * @param summary             absent when nobody wrote one
 * @param severity            absent while unset
 * @param incidentType        absent when the organisation has no incident types
 * @param incidentRoleAssignments who leads, who reported, …
 * @param permalink           the incident's homepage
 * @param slackChannelId      may be absent just after creation (the channel is created asynchronously)
 */
public record Incident(
        String id,
        String reference,
        String name,
        String summary,
        IncidentMode mode,
        IncidentVisibility visibility,
        IncidentStatus incidentStatus,
        Severity severity,
        IncidentType incidentType,
        Actor creator,
        List<IncidentRoleAssignment> incidentRoleAssignments,
        String permalink,
        String callUrl,
        String slackChannelId,
        String slackChannelName,
        Instant createdAt,
        Instant updatedAt) {

    public Incident {
        incidentRoleAssignments = incidentRoleAssignments == null ? List.of() : List.copyOf(incidentRoleAssignments);
    }

    /** The category of the incident's status, or null when incident.io sent no status. */
    public IncidentStatusCategory statusCategory() {
        return incidentStatus == null ? null : incidentStatus.category();
    }

    /** The person in the {@code lead} role, or null when nobody leads. */
    public User lead() {
        return incidentRoleAssignments.stream()
                .filter(a -> a.role() != null && "lead".equals(a.role().roleType()) && a.assignee() != null)
                .map(IncidentRoleAssignment::assignee)
                .findFirst().orElse(null);
    }

    /** The number of the reference ({@code 123} for {@code INC-123}), or null when it has another form. */
    public Long number() {
        if (reference == null) {
            return null;
        }
        int dash = reference.lastIndexOf('-');
        try {
            return Long.parseLong(reference.substring(dash + 1));
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }

    /** One short line, because JShell truncates long values. */
    @Override
    public String toString() {
        return "Incident " + reference + " [" + (incidentStatus == null ? "?" : incidentStatus.name() + "/"
                + (incidentStatus.category() == null ? "?" : incidentStatus.category().wireName()))
                + (severity == null ? "" : ", " + severity.name())
                + (mode == null || mode == IncidentMode.STANDARD ? "" : ", " + mode.wireName()) + "] "
                + Text.oneLine(name, 60) + " (" + id + ")";
    }
}

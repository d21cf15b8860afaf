package dev.firebrigade.model;

import java.time.Instant;

/**
 * One update of an incident ({@code IncidentUpdateV2}): a move to a status, maybe a new severity, and a message.
 *
 * @param newSeverity          absent when the update left the severity alone
 * @param message              absent when the updater wrote none
 * @param mergedIntoIncidentId set when the update merged the incident into another
 */
public record IncidentUpdate(String id, String incidentId, IncidentStatus newIncidentStatus, Severity newSeverity,
                             String message, Actor updater, String mergedIntoIncidentId, Instant createdAt) {

    @Override
    public String toString() {
        return "IncidentUpdate[" + id + " -> " + (newIncidentStatus == null ? "?" : newIncidentStatus.name())
                + (newSeverity == null ? "" : ", " + newSeverity.name()) + " by "
                + (updater == null ? "unknown" : updater.describe()) + " at " + createdAt + "]";
    }
}

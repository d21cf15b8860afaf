package dev.firebrigade.model;

/**
 * Who holds a role in an incident ({@code IncidentRoleAssignmentV2}).
 *
 * @param assignee absent while nobody holds the role
 */
public record IncidentRoleAssignment(IncidentRole role, User assignee) {

    @Override
    public String toString() {
        return (role == null ? "?" : role.name()) + ": " + (assignee == null ? "nobody" : assignee.name());
    }
}

package dev.firebrigade.model;

/**
 * A role people hold in an incident ({@code EmbeddedIncidentRoleV2}).
 *
 * @param roleType {@code lead}, {@code reporter} or {@code custom} (kept as text: incident.io may add types)
 */
public record IncidentRole(String id, String name, String shortform, String roleType) {

    @Override
    public String toString() {
        return name;
    }
}

package dev.firebrigade.model;

import java.util.List;

/**
 * Who the API key is ({@code GET /v1/identity}): its name, the roles it was given, and the organisation's dashboard.
 * Roles are kept as incident.io spells them ({@code viewer}, {@code incident_creator}, …), since it adds new ones.
 *
 * @param name      the label given to the API key, never the secret
 * @param teamRoles roles that apply only to resources of {@code teams}
 */
public record Identity(String name, List<String> roles, String dashboardUrl, List<String> teamRoles,
                       List<IdentityTeam> teams) {

    public Identity {
        roles = roles == null ? List.of() : List.copyOf(roles);
        teamRoles = teamRoles == null ? List.of() : List.copyOf(teamRoles);
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    /** Whether the key holds {@code role} across the organisation, e.g. {@code hasRole("incident_editor")}. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "Identity \"" + name + "\" " + roles + (teams.isEmpty() ? "" : " teams " + teams) + " at " + dashboardUrl;
    }
}

package dev.firebrigade.model;

import java.util.List;

/**
 * An incident.io user, as embedded in actions and incidents ({@code UserV2}) or listed and fetched
 * ({@code UserWithRolesV2}).
 *
 * @param email       may be absent
 * @param slackUserId may be absent
 * @param role        deprecated by incident.io (frozen in March 2023); prefer {@code baseRole}
 * @param isActive    only present when the user was listed or fetched, not when embedded; false for deactivated
 *                    users and for those invited who never logged in
 * @param baseRole    only present when listed or fetched
 * @param customRoles only present when listed or fetched; empty otherwise
 */
public record User(String id, String name, String email, String slackUserId, UserRole role, Boolean isActive,
                   RbacRole baseRole, List<RbacRole> customRoles) {

    public User {
        customRoles = customRoles == null ? List.of() : List.copyOf(customRoles);
    }

    /** A user as embedded in other objects, without roles. */
    public User(String id, String name, String email, String slackUserId, UserRole role, Boolean isActive) {
        this(id, name, email, slackUserId, role, isActive, null, List.of());
    }

    /** False only when incident.io said so (deactivated, or invited and never logged in). */
    public boolean active() {
        return !Boolean.FALSE.equals(isActive);
    }

    @Override
    public String toString() {
        return "User " + id + " " + name + (email == null ? "" : " <" + email + ">")
                + (Boolean.FALSE.equals(isActive) ? " (inactive)" : "");
    }
}

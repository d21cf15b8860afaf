package dev.firebrigade.model;

/**
 * An incident.io user, as embedded in actions ({@code UserV2}) or listed ({@code UserWithRolesV2}).
 *
 * @param email       may be absent
 * @param slackUserId may be absent
 * @param isActive    only present when the user was listed or fetched, not when embedded
 */
public record User(String id, String name, String email, String slackUserId, UserRole role, Boolean isActive) {

    @Override
    public String toString() {
        return "User " + id + " " + name + (email == null ? "" : " <" + email + ">")
                + (Boolean.FALSE.equals(isActive) ? " (inactive)" : "");
    }
}

package dev.firebrigade.model;

/** A role granting permissions in incident.io ({@code RBACRoleV2}), such as a user's base role. */
public record RbacRole(String id, String name, String slug, String description) {

    @Override
    public String toString() {
        return name;
    }
}

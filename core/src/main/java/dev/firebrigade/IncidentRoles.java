package dev.firebrigade;

import dev.firebrigade.internal.wire.IncidentPayloads;

import dev.firebrigade.model.User;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;

/**
 * Who holds which incident role, as a draft or an edit was told: role names resolved through
 * {@code GET /v2/incident_roles}, people sent as an ID or an email (incident.io resolves emails itself). Immutable.
 */
record IncidentRoles(List<Given> given) {
    static final IncidentRoles NONE = new IncidentRoles(List.of());
    static final String STEP = "role(...)";

    /** A role name or ID and a user ID or email, as typed. */
    record Given(String role, String user, String step) {
    }

    IncidentRoles {
        given = List.copyOf(given);
    }

    IncidentRoles with(String role, String user, String step) {
        var more = new ArrayList<>(given);
        more.add(new Given(role == null ? "" : role, user == null ? "" : user, step));
        return new IncidentRoles(more);
    }

    static String userId(User user) {
        return user == null ? null : user.id();
    }

    /** Throws {@link dev.firebrigade.error.InvalidInputException} naming the step when a role or user is blank. */
    void check() {
        for (Given g : given) {
            Checks.present(g.role(), "incident_role_id", "pass a role name such as \"lead\" to " + g.step());
            Checks.present(g.user(), "assignee", "pass a user ID or an email to " + g.step());
        }
    }

    /** The payload's assignments with role IDs, or null when there are none (so the field is left out). */
    Future<List<IncidentPayloads.RoleAssignment>> resolved(Catalog catalog) {
        if (given.isEmpty()) {
            return Future.succeededFuture(null);
        }
        var ids = new ArrayList<Future<String>>();
        for (Given g : given) {
            ids.add(catalog.id(Catalog.ROLES, g.role(), g.step()));
        }
        return Future.all(ids).map(all -> {
            var out = new ArrayList<IncidentPayloads.RoleAssignment>();
            for (int i = 0; i < given.size(); i++) {
                out.add(new IncidentPayloads.RoleAssignment(ids.get(i).result(),
                        userReference(given.get(i).user())));
            }
            return out;
        });
    }

    /** The assignments as typed, role names in place of IDs, for a dry run. */
    List<IncidentPayloads.RoleAssignment> unresolved() {
        return given.isEmpty() ? null : given.stream().map(g -> new IncidentPayloads.RoleAssignment(g.role(),
                userReference(g.user()))).toList();
    }

    @Override
    public String toString() {
        return given.stream().map(g -> g.role() + "=" + g.user()).toList().toString();
    }

    /** {@code UserReferencePayloadV2}: incident.io resolves an email itself, so one of the two is sent. */
    private static IncidentPayloads.UserReference userReference(String user) {
        return References.isEmail(user) ? new IncidentPayloads.UserReference(null, user.strip())
                : new IncidentPayloads.UserReference(user, null);
    }
}

package dev.firebrigade.sandbox;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Declaring and moving incidents along (API-NOTES §8): {@code POST /v2/incidents} with incident.io's idempotency
 * (a repeated {@code idempotency_key} answers 200 with the first incident, and creates nothing),
 * {@code POST /v2/incidents/{id}/actions/edit} (only the fields sent change; a status or severity change is recorded
 * as an incident update), and {@code GET /v2/incident_updates} (oldest first, cursor pages). Custom fields,
 * timestamps, retrospective options and Slack overrides are refused (422) rather than ignored.
 */
final class IncidentChangeRoutes {
    private static final Set<String> MODES = Set.of("standard", "retrospective", "test", "tutorial");
    private static final Set<String> NOT_SIMULATED = Set.of("custom_field_entries", "incident_timestamp_values",
            "retrospective_incident_options", "slack_channel_name_override", "slack_team_id");

    private final SandboxState state;
    private final Replies replies;

    IncidentChangeRoutes(SandboxState state, Replies replies) {
        this.state = state;
        this.replies = replies;
    }

    void register(Endpoints endpoints) {
        endpoints.add(POST, "/v2/incidents", this::declare);
        endpoints.add(POST, "/v2/incidents/{id}/actions/edit", this::edit);
        endpoints.add(GET, "/v2/incident_updates", this::updates);
    }

    private void declare(RoutingContext ctx) {
        var body = Requests.jsonObject(ctx);
        var errors = new ArrayList<JsonObject>();
        var key = Requests.requiredString(body, "idempotency_key", "An idempotency_key is required to create an incident", errors);
        var visibility = Requests.requiredString(body, "visibility", "A visibility (public or private) is required", errors);
        var mode = Requests.optionalString(body, "mode", errors);
        var name = Requests.optionalString(body, "name", errors);
        var summary = Requests.optionalString(body, "summary", errors);
        var severityId = Requests.optionalString(body, "severity_id", errors);
        var typeId = Requests.optionalString(body, "incident_type_id", errors);
        var statusId = Requests.optionalString(body, "incident_status_id", errors);
        rejectNotSimulated(body);
        if (visibility != null && !Set.of("public", "private").contains(visibility)) {
            errors.add(ErrorBodies.error("invalid_value", "The visibility must be public or private", "visibility"));
        }
        mode.filter(m -> !MODES.contains(m)).ifPresent(m -> errors.add(ErrorBodies.error("invalid_value",
                "The mode must be one of retrospective, standard, test, tutorial, but was '" + m + "'", "mode")));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Endpoints.rejectIfContractBroken(ctx);
        var incident = new JsonObject().put("visibility", visibility);
        mode.ifPresent(m -> incident.put("mode", m));
        name.ifPresent(n -> incident.put("name", n));
        summary.ifPresent(s -> incident.put("summary", s));
        severityId.ifPresent(id -> incident.put("severity", catalogEntry(state::severity, "severity_id", "severity", id)));
        typeId.ifPresent(id -> incident.put("incident_type", catalogEntry(state::incidentType, "incident_type_id", "incident type", id)));
        statusId.ifPresent(id -> incident.put("incident_status",
                catalogEntry(state::incidentStatus, "incident_status_id", "incident status", id)));
        incident.put("incident_role_assignments", roleAssignments(body.getValue("incident_role_assignments"), new JsonArray()));
        ApiKeyIdentity creator = ctx.get(Sandbox.IDENTITY);
        incident.put("creator", creator.toActor());
        var declared = state.declareIncident(key, incident);
        replies.send(ctx, 200, new JsonObject().put("incident", declared.getKey()));
    }

    private void edit(RoutingContext ctx) {
        var id = ctx.pathParam("id");
        var body = Requests.jsonObject(ctx);
        var current = state.incident(id).orElseThrow(() -> ApiException.notFound("No incident found with ID '" + id + "'"));
        if (!(body.getValue("incident") instanceof JsonObject fields)) {
            throw ApiException.required("incident", "The incident to edit is required");
        }
        if (!(body.getValue("notify_incident_channel") instanceof Boolean)) {
            throw ApiException.required("notify_incident_channel", "notify_incident_channel (true or false) is required");
        }
        var errors = new ArrayList<JsonObject>();
        var name = Requests.optionalString(fields, "name", errors);
        var summary = Requests.optionalString(fields, "summary", errors);
        var callUrl = Requests.optionalString(fields, "call_url", errors);
        var severityId = Requests.optionalString(fields, "severity_id", errors);
        var statusId = Requests.optionalString(fields, "incident_status_id", errors);
        rejectNotSimulated(fields);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Endpoints.rejectIfContractBroken(ctx);
        var changes = new JsonObject();
        name.ifPresent(n -> changes.put("name", n));
        summary.ifPresent(s -> changes.put("summary", s));
        callUrl.ifPresent(u -> changes.put("call_url", u));
        severityId.ifPresent(s -> changes.put("severity", catalogEntry(state::severity, "severity_id", "severity", s)));
        statusId.ifPresent(s -> changes.put("incident_status",
                catalogEntry(state::incidentStatus, "incident_status_id", "incident status", s)));
        if (fields.getValue("incident_role_assignments") != null) {
            changes.put("incident_role_assignments", roleAssignments(fields.getValue("incident_role_assignments"),
                    current.getJsonArray("incident_role_assignments", new JsonArray())));
        }
        ApiKeyIdentity updater = ctx.get(Sandbox.IDENTITY);
        var edited = state.editIncident(current.getString("id"), changes, updater.toActor()).orElseThrow();
        replies.send(ctx, 200, new JsonObject().put("incident", edited));
    }

    private void updates(RoutingContext ctx) {
        var pageSize = Requests.pageSize(ctx, 25, 250);
        var incidentId = Requests.query(ctx, "incident_id");
        var after = Requests.query(ctx, "after");
        // IDs sort in creation order, so "after this ID" is a plain string comparison.
        var matching = state.incidentUpdates(u -> incidentId.map(i -> i.equals(u.getString("incident_id"))).orElse(true)
                && after.map(a -> u.getString("id").compareTo(a) > 0).orElse(true));
        var page = matching.subList(0, Math.min(pageSize, matching.size()));
        var meta = new JsonObject().put("page_size", pageSize);
        if (matching.size() > page.size()) {
            meta.put("after", page.get(page.size() - 1).getString("id"));
        }
        replies.send(ctx, 200, new JsonObject()
                .put("incident_updates", new JsonArray(new ArrayList<Object>(page)))
                .put("pagination_meta", meta));
    }

    private static void rejectNotSimulated(JsonObject body) {
        for (var field : NOT_SIMULATED) {
            if (body.getValue(field) != null) {
                throw ApiException.invalidValue(field, "The sandbox does not simulate " + field + "; use the real API for it");
            }
        }
    }

    private static JsonObject catalogEntry(Function<String, Optional<JsonObject>> find, String field, String what, String id) {
        return find.apply(id).filter(entry -> entry.getString("id").equals(id))
                .orElseThrow(() -> ApiException.invalidValue(field, "No " + what + " found with ID '" + id + "'"));
    }

    /** {@code current} with each assignment given replacing the one for the same role. */
    private JsonArray roleAssignments(Object given, JsonArray current) {
        if (given == null) {
            return current;
        }
        if (!(given instanceof JsonArray assignments)) {
            throw ApiException.invalidValue("incident_role_assignments", "The incident_role_assignments must be a list");
        }
        var result = current.copy();
        for (var item : assignments) {
            if (!(item instanceof JsonObject assignment) || !(assignment.getValue("incident_role_id") instanceof String roleId)) {
                throw ApiException.required("incident_role_assignments", "Every role assignment needs an incident_role_id");
            }
            var role = state.incidentRoles().stream().filter(r -> r.getString("id").equals(roleId)).findFirst()
                    .orElseThrow(() -> ApiException.invalidValue("incident_role_id", "No incident role found with ID '" + roleId + "'"));
            var entry = new JsonObject().put("role", role.put("required", "lead".equals(role.getString("role_type"))));
            if (assignment.getValue("assignee") instanceof JsonObject assignee) {
                entry.put("assignee", SandboxState.userRef(user(assignee)));
            }
            for (int i = result.size() - 1; i >= 0; i--) {
                if (roleId.equals(result.getJsonObject(i).getJsonObject("role").getString("id"))) {
                    result.remove(i);
                }
            }
            result.add(entry);
        }
        return result;
    }

    /** The one active user a {@code UserReferencePayloadV2} names, by ID, email or Slack ID. */
    private JsonObject user(JsonObject reference) {
        List<JsonObject> matches = state.users().stream().filter(u -> u.getBoolean("is_active", true))
                .filter(u -> reference.getString("id") != null ? reference.getString("id").equals(u.getString("id"))
                        : reference.getString("email") != null ? reference.getString("email").equalsIgnoreCase(u.getString("email"))
                        : reference.getString("slack_user_id") != null && reference.getString("slack_user_id").equals(u.getString("slack_user_id")))
                .toList();
        if (matches.size() != 1) {
            throw ApiException.invalidValue("assignee", matches.isEmpty() ? "No active user matches " + reference.encode()
                    : matches.size() + " active users match " + reference.encode() + "; pass the user's id");
        }
        return matches.get(0);
    }
}

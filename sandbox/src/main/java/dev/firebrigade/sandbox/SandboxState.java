package dev.firebrigade.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The simulator's in-memory data (incidents, users, actions and the organisation's catalog of severities and
 * statuses), for tests to read and seed. Every object is stored and returned in its API shape
 * ({@code IncidentV2}, {@code UserWithRolesV2}, {@code ActionV2}); what you get is a copy, and what you add is
 * copied, so no caller can change the state behind the server's back. Thread-safe: one lock guards everything,
 * which is cheap at simulator scale and makes each request's read-check-write atomic.
 */
public final class SandboxState {
    private static final Pattern REFERENCE_NUMBER = Pattern.compile("\\d{1,18}");

    /** Told of every change to actions, follow-ups and incidents, in the order they happen (webhooks are built from it). */
    interface ChangeListener {
        /** Called under the state's lock with a copy of the object as it is now: keep it quick, never block. */
        void changed(Change change, JsonObject object, boolean privateIncident);
    }

    /**
     * What changed. A deleted action or follow-up is reported as it was, with status {@code deleted}; a status change
     * comes as an {@code IncidentWithStatusChangeV2} ({@code incident}, {@code previous_status}, {@code new_status}),
     * after the {@code INCIDENT_UPDATED} of the same edit.
     */
    enum Change {
        ACTION_CREATED, ACTION_UPDATED, ACTION_DELETED, FOLLOW_UP_CREATED, FOLLOW_UP_UPDATED, FOLLOW_UP_DELETED,
        INCIDENT_CREATED, INCIDENT_UPDATED, INCIDENT_STATUS_UPDATED
    }

    private final Object lock = new Object();
    private volatile ChangeListener changes = (change, object, privateIncident) -> { };
    private final Ulid ids;
    private final boolean seedDemoData;
    private final ApiKeyIdentity defaultCreator;
    // Users and actions are kept in ID order: list endpoints page through them by ID.
    private final TreeMap<String, JsonObject> users = new TreeMap<>();
    private final TreeMap<String, JsonObject> actions = new TreeMap<>();
    private final TreeMap<String, JsonObject> followUps = new TreeMap<>();
    private final LinkedHashMap<String, JsonObject> incidents = new LinkedHashMap<>();
    private final List<JsonObject> severities = DemoData.severities();
    private final List<JsonObject> incidentStatuses = DemoData.incidentStatuses();
    private final List<JsonObject> incidentTypes = new ArrayList<>(DemoData.incidentTypes());
    private final List<JsonObject> incidentRoles = DemoData.incidentRoles();
    /** incident.io's idempotency: a create's key and the incident it made, so a repeat returns that incident. */
    private final Map<String, String> incidentsByKey = new HashMap<>();
    /** In ID order, which is creation order: the list endpoint pages through them by ID. */
    private final TreeMap<String, JsonObject> incidentUpdates = new TreeMap<>();

    SandboxState(Ulid ids, boolean seedDemoData, ApiKeyIdentity defaultCreator) {
        this.ids = ids;
        this.seedDemoData = seedDemoData;
        this.defaultCreator = defaultCreator;
        reset();
    }

    /**
     * Back to the starting point: the demo data if the sandbox seeds it, otherwise empty, and the demo incident types.
     * Faults and requests stay.
     */
    public void reset() {
        synchronized (lock) {
            clear();
            incidentTypes.clear();
            incidentTypes.addAll(DemoData.incidentTypes());
            if (seedDemoData) {
                DemoData.seed(this);
            }
        }
    }

    /** Removes every incident, user, action and follow-up; the catalog of severities and statuses stays. */
    public void clear() {
        synchronized (lock) {
            users.clear();
            actions.clear();
            followUps.clear();
            incidents.clear();
            incidentsByKey.clear();
            incidentUpdates.clear();
        }
    }

    // ---- actions ----

    /** Every action of every incident (test and tutorial incidents included), oldest first. */
    public List<JsonObject> actions() {
        synchronized (lock) {
            return copies(actions.values());
        }
    }

    public int actionCount() {
        synchronized (lock) {
            return actions.size();
        }
    }

    public Optional<JsonObject> action(String id) {
        synchronized (lock) {
            return Optional.ofNullable(actions.get(id)).map(JsonObject::copy);
        }
    }

    /**
     * Stores an action as given (an {@code ActionV2}); missing fields get defaults: a fresh {@code id}, status
     * {@code outstanding}, the first API key as creator, now as {@code created_at}/{@code updated_at}. Requires
     * {@code incident_id} and {@code description}. Returns the stored action.
     */
    public JsonObject addAction(JsonObject action) {
        Objects.requireNonNull(action.getString("incident_id"), "incident_id");
        Objects.requireNonNull(action.getString("description"), "description");
        var now = Timestamps.format(Timestamps.now());
        var stored = new JsonObject()
                .put("id", ids.next(System.currentTimeMillis()))
                .put("status", "outstanding")
                .put("creator", defaultCreator.toActor())
                .put("created_at", now)
                .put("updated_at", now)
                .mergeIn(action.copy());
        synchronized (lock) {
            actions.put(stored.getString("id"), stored);
            tell(Change.ACTION_CREATED, stored);
        }
        return stored.copy();
    }

    JsonObject createAction(String incidentId, String description, JsonObject assignee, JsonObject creator) {
        var now = Timestamps.now();
        var action = new JsonObject()
                .put("id", ids.next(now.toEpochMilli()))
                .put("incident_id", incidentId)
                .put("description", description)
                .put("status", "outstanding")
                .put("creator", creator);
        if (assignee != null) {
            action.put("assignee", assignee);
        }
        action.put("created_at", Timestamps.format(now)).put("updated_at", Timestamps.format(now));
        synchronized (lock) {
            actions.put(action.getString("id"), action);
            tell(Change.ACTION_CREATED, action);
        }
        return action.copy();
    }

    /** Replaces the editable fields, as PUT does; {@code assignee} null unassigns. Empty if there is no such action. */
    Optional<JsonObject> replaceAction(String id, String description, String status, JsonObject assignee) {
        synchronized (lock) {
            var action = actions.get(id);
            if (action == null) {
                return Optional.empty();
            }
            var now = Timestamps.format(Timestamps.now());
            // Assumption (undocumented): completed_at is stamped when an action becomes completed, kept while it
            // stays completed, and cleared when it is reopened or marked not_doing.
            if ("completed".equals(status)) {
                if (!"completed".equals(action.getString("status")) || !action.containsKey("completed_at")) {
                    action.put("completed_at", now);
                }
            } else {
                action.remove("completed_at");
            }
            action.put("description", description).put("status", status).put("updated_at", now);
            if (assignee == null) {
                action.remove("assignee");
            } else {
                action.put("assignee", assignee);
            }
            tell(Change.ACTION_UPDATED, action);
            return Optional.of(action.copy());
        }
    }

    /** Deletes for good (our assumption: a deleted action is gone, not listed with status deleted). */
    boolean deleteAction(String id) {
        return delete(actions, id, Change.ACTION_DELETED);
    }

    /** Removes an item and tells of it as it was, with status {@code deleted}; false if there was none. */
    private boolean delete(TreeMap<String, JsonObject> items, String id, Change change) {
        synchronized (lock) {
            var removed = items.remove(id);
            if (removed != null) {
                tell(change, removed.put("status", "deleted").put("updated_at", Timestamps.format(Timestamps.now())));
            }
            return removed != null;
        }
    }

    /** Actions (oldest first) whose incident's mode is in {@code modes}; an action of an unknown incident counts as standard. */
    List<JsonObject> actionsWhere(Predicate<JsonObject> filter, List<String> modes) {
        return where(actions, filter, modes);
    }

    private List<JsonObject> where(TreeMap<String, JsonObject> items, Predicate<JsonObject> filter, List<String> modes) {
        synchronized (lock) {
            var result = new ArrayList<JsonObject>();
            for (var item : items.values()) {
                var incident = incidents.get(item.getString("incident_id"));
                var mode = incident == null ? "standard" : incident.getString("mode");
                if (modes.contains(mode) && filter.test(item)) {
                    result.add(item.copy());
                }
            }
            return result;
        }
    }

    /** Replaces the listener told of changes (the sandbox's webhook delivery). */
    void onChange(ChangeListener listener) {
        this.changes = Objects.requireNonNull(listener, "listener");
    }

    /** Under the lock, so listeners see changes in the order they were made. */
    private void tell(Change change, JsonObject object) {
        var incident = switch (change) {
            case INCIDENT_CREATED, INCIDENT_UPDATED -> object;
            case INCIDENT_STATUS_UPDATED -> object.getJsonObject("incident");
            default -> incidents.get(object.getString("incident_id"));
        };
        changes.changed(change, object.copy(), incident != null && "private".equals(incident.getString("visibility")));
    }

    // ---- follow-ups ----

    /** Every follow-up of every incident, oldest first. */
    public List<JsonObject> followUps() {
        synchronized (lock) {
            return copies(followUps.values());
        }
    }

    public Optional<JsonObject> followUp(String id) {
        synchronized (lock) {
            return Optional.ofNullable(followUps.get(id)).map(JsonObject::copy);
        }
    }

    /**
     * Stores a follow-up (a {@code FollowUpV3}); missing fields get defaults: a fresh {@code id}, status
     * {@code outstanding}, no labels, the first API key as creator, now as timestamps. Requires {@code incident_id}
     * and {@code title}. Replaces a stored follow-up with the same {@code id}. Returns the stored follow-up.
     */
    public JsonObject putFollowUp(JsonObject followUp) {
        Objects.requireNonNull(followUp.getString("incident_id"), "incident_id");
        Objects.requireNonNull(followUp.getString("title"), "title");
        var now = Timestamps.now();
        var stored = new JsonObject()
                .put("id", ids.next(now.toEpochMilli()))
                .put("status", "outstanding")
                .put("labels", new JsonArray())
                .put("creator", defaultCreator.toActor())
                .put("created_at", Timestamps.format(now))
                .put("updated_at", Timestamps.format(now))
                .mergeIn(followUp.copy());
        synchronized (lock) {
            var replaced = followUps.put(stored.getString("id"), stored);
            tell(replaced == null ? Change.FOLLOW_UP_CREATED : Change.FOLLOW_UP_UPDATED, stored);
        }
        return stored.copy();
    }

    /** Follow-ups (oldest first) whose incident's mode is in {@code modes}. */
    List<JsonObject> followUpsWhere(Predicate<JsonObject> filter, List<String> modes) {
        return where(followUps, filter, modes);
    }

    boolean deleteFollowUp(String id) {
        return delete(followUps, id, Change.FOLLOW_UP_DELETED);
    }

    /** The organisation's follow-up priorities ({@code FollowUpPriorityV2}): Low, Medium, High. */
    public List<JsonObject> followUpPriorities() {
        return copies(DemoData.followUpPriorities());
    }

    /** The organisation's follow-up categories ({@code FollowUpCategoryV3}). */
    public List<JsonObject> followUpCategories() {
        return copies(DemoData.followUpCategories());
    }

    // ---- users ----

    /** Every user row, active or not, in ID order. */
    public List<JsonObject> users() {
        synchronized (lock) {
            return copies(users.values());
        }
    }

    public Optional<JsonObject> user(String id) {
        synchronized (lock) {
            return Optional.ofNullable(users.get(id)).map(JsonObject::copy);
        }
    }

    /**
     * Stores a user (a {@code UserWithRolesV2}); missing fields get defaults: a fresh {@code id}, role
     * {@code responder} with the matching base role, active, no custom roles, a response seat. Requires
     * {@code name}. Returns the stored user.
     */
    public JsonObject addUser(JsonObject user) {
        Objects.requireNonNull(user.getString("name"), "name");
        var role = user.getString("role", "responder");
        var stored = new JsonObject()
                .put("id", ids.next(System.currentTimeMillis()))
                .put("role", role)
                .put("is_active", true)
                .put("base_role", DemoData.baseRole(role))
                .put("custom_roles", new JsonArray())
                .put("seats", new JsonObject().put("on_call", "none").put("response", "full_access"))
                .mergeIn(user.copy());
        synchronized (lock) {
            users.put(stored.getString("id"), stored);
        }
        return stored.copy();
    }

    /** The user as embedded in other objects ({@code UserV2}: id, name, email, role, slack_user_id). */
    static JsonObject userRef(JsonObject user) {
        var ref = new JsonObject().put("id", user.getString("id")).put("name", user.getString("name"));
        if (user.getString("email") != null) {
            ref.put("email", user.getString("email"));
        }
        ref.put("role", user.getString("role", "unset"));
        if (user.getString("slack_user_id") != null) {
            ref.put("slack_user_id", user.getString("slack_user_id"));
        }
        return ref;
    }

    // ---- incidents ----

    /** Every incident, all modes, in the order they were added. */
    public List<JsonObject> incidents() {
        synchronized (lock) {
            return copies(incidents.values());
        }
    }

    /** An incident by full ID or by the numeric part of its reference ({@code "2"} for INC-2), as the API accepts. */
    public Optional<JsonObject> incident(String idOrNumber) {
        synchronized (lock) {
            var byId = incidents.get(idOrNumber);
            if (byId != null) {
                return Optional.of(byId.copy());
            }
            if (REFERENCE_NUMBER.matcher(idOrNumber).matches()) {
                var reference = "INC-" + Long.parseLong(idOrNumber);
                return incidents.values().stream()
                        .filter(incident -> reference.equals(incident.getString("reference")))
                        .findFirst()
                        .map(JsonObject::copy);
            }
            return Optional.empty();
        }
    }

    /**
     * Stores an incident (an {@code IncidentV2}); missing fields get defaults: a fresh {@code id}, the next
     * {@code INC-n} reference, mode {@code standard}, public, status Investigating, severity Minor, the first API
     * key as creator, no role assignments or custom fields, Slack IDs, now as timestamps. Use
     * {@link #severity(String)} and {@link #incidentStatus(String)} for the embedded objects. Returns the stored incident.
     */
    public JsonObject addIncident(JsonObject incident) {
        var now = Timestamps.format(Timestamps.now());
        synchronized (lock) {
            var number = incidents.values().stream()
                    .map(i -> i.getString("reference", ""))
                    .filter(r -> r.startsWith("INC-"))
                    .mapToLong(r -> Long.parseLong(r.substring(4)))
                    .max().orElse(0) + 1;
            var stored = new JsonObject()
                    .put("id", ids.next(System.currentTimeMillis()))
                    .put("reference", "INC-" + number)
                    .put("name", "Sandbox incident " + number)
                    .put("mode", "standard")
                    .put("visibility", "public")
                    .put("incident_status", incidentStatus("Investigating").orElseThrow())
                    .put("severity", severity("Minor").orElseThrow())
                    .put("creator", defaultCreator.toActor())
                    .put("incident_role_assignments", new JsonArray())
                    .put("custom_field_entries", new JsonArray())
                    .put("slack_team_id", DemoData.SLACK_TEAM_ID)
                    .put("slack_channel_id", "C" + Long.toString(number + 1_000_000_000L, 36).toUpperCase())
                    .put("slack_channel_name", "inc-" + number)
                    .put("permalink", "https://app.incident.io/firebrigade-sandbox/incidents/" + number)
                    .put("created_at", now)
                    .put("updated_at", now)
                    .mergeIn(incident.copy());
            incidents.put(stored.getString("id"), stored);
            tell(Change.INCIDENT_CREATED, stored);
            return stored.copy();
        }
    }

    /**
     * Declares an incident as {@code POST /v2/incidents} does: the first create with {@code key} stores
     * {@code incident} (see {@link #addIncident}); every later one with the same key returns that first incident
     * unchanged. Returns the incident and whether it is new.
     */
    Map.Entry<JsonObject, Boolean> declareIncident(String key, JsonObject incident) {
        synchronized (lock) {
            var first = incidentsByKey.get(key);
            if (first != null && incidents.containsKey(first)) {
                return Map.entry(incidents.get(first).copy(), false);
            }
            var stored = addIncident(incident);
            incidentsByKey.put(key, stored.getString("id"));
            return Map.entry(stored, true);
        }
    }

    /**
     * Applies {@code changes} (top-level {@code IncidentV2} fields) to an incident and, when its status or severity
     * changed, records an incident update by {@code updater}. Empty if there is no such incident.
     */
    Optional<JsonObject> editIncident(String id, JsonObject changes, JsonObject updater) {
        synchronized (lock) {
            var incident = incidents.get(id);
            if (incident == null) {
                return Optional.empty();
            }
            var before = incident.copy();
            var now = Timestamps.now();
            incident.mergeIn(changes.copy()).put("updated_at", Timestamps.format(now));
            var statusChanged = !Objects.equals(before.getValue("incident_status"), incident.getValue("incident_status"));
            var severityChanged = !Objects.equals(before.getValue("severity"), incident.getValue("severity"));
            if (statusChanged || severityChanged) {
                var update = new JsonObject()
                        .put("id", ids.next(now.toEpochMilli()))
                        .put("incident_id", id)
                        .put("new_incident_status", incident.getJsonObject("incident_status").copy())
                        .put("updater", updater)
                        .put("created_at", Timestamps.format(now));
                if (severityChanged && incident.getJsonObject("severity") != null) {
                    update.put("new_severity", incident.getJsonObject("severity").copy());
                }
                incidentUpdates.put(update.getString("id"), update);
            }
            tellEdited(before, incident, statusChanged);
            return Optional.of(incident.copy());
        }
    }

    /** An edit is an {@code incident_updated_v2}, and an {@code incident_status_updated_v2} when the status moved. */
    private void tellEdited(JsonObject before, JsonObject after, boolean statusChanged) {
        tell(Change.INCIDENT_UPDATED, after);
        if (statusChanged) {
            tell(Change.INCIDENT_STATUS_UPDATED, new JsonObject().put("incident", after.copy())
                    .put("previous_status", before.getJsonObject("incident_status").copy())
                    .put("new_status", after.getJsonObject("incident_status").copy()));
        }
    }

    /** Incident updates, oldest first, that pass {@code filter}. */
    public List<JsonObject> incidentUpdates(Predicate<JsonObject> filter) {
        synchronized (lock) {
            return copies(incidentUpdates.values().stream().filter(filter).toList());
        }
    }

    // ---- catalog ----

    /** The organisation's severities, lowest rank first (Minor, Major, Critical). */
    public List<JsonObject> severities() {
        return copies(severities);
    }

    /** A severity ({@code SeverityV2}) by name or ID. */
    public Optional<JsonObject> severity(String nameOrId) {
        return find(severities, nameOrId);
    }

    /** The organisation's incident statuses (Triage, Investigating, Monitoring, Documenting, Closed, Declined). */
    public List<JsonObject> incidentStatuses() {
        return copies(incidentStatuses);
    }

    /** An incident status ({@code IncidentStatusV2}) by name or ID. */
    public Optional<JsonObject> incidentStatus(String nameOrId) {
        return find(incidentStatuses, nameOrId);
    }

    /** The organisation's incident types (Default, Platform, Security, and any a test added). */
    public List<JsonObject> incidentTypes() {
        synchronized (lock) {
            return copies(incidentTypes);
        }
    }

    /** An incident type ({@code IncidentTypeV2}) by name or ID. */
    public Optional<JsonObject> incidentType(String nameOrId) {
        synchronized (lock) {
            return find(incidentTypes, nameOrId);
        }
    }

    /**
     * Adds an incident type ({@code IncidentTypeV1}), for tests: a fresh {@code id} and defaults for missing fields.
     * Names need not be unique, so a test can make a name ambiguous. Returns the stored type.
     */
    public JsonObject addIncidentType(JsonObject type) {
        Objects.requireNonNull(type.getString("name"), "name");
        var now = Timestamps.format(Timestamps.now());
        var stored = new JsonObject().put("id", ids.next(System.currentTimeMillis())).put("description", "")
                .put("is_default", false).put("private_incidents_only", false).put("create_in_triage", "optional")
                .put("created_at", now).put("updated_at", now).mergeIn(type.copy());
        synchronized (lock) {
            incidentTypes.add(stored);
        }
        return stored.copy();
    }

    /** The organisation's incident roles (Incident Lead, Reporter, Communications Lead). */
    public List<JsonObject> incidentRoles() {
        return copies(incidentRoles);
    }

    private static Optional<JsonObject> find(List<JsonObject> catalog, String nameOrId) {
        return catalog.stream()
                .filter(o -> o.getString("id").equals(nameOrId) || o.getString("name").equalsIgnoreCase(nameOrId))
                .findFirst()
                .map(JsonObject::copy);
    }

    private static List<JsonObject> copies(Iterable<JsonObject> objects) {
        var result = new ArrayList<JsonObject>();
        objects.forEach(o -> result.add(o.copy()));
        return result;
    }

    /** Stores objects with fixed IDs, for {@link DemoData}. */
    void putSeed(Map<String, JsonObject> seedUsers, List<JsonObject> seedIncidents, List<JsonObject> seedActions,
            List<JsonObject> seedFollowUps) {
        synchronized (lock) {
            seedUsers.values().forEach(u -> users.put(u.getString("id"), u.copy()));
            seedIncidents.forEach(i -> incidents.put(i.getString("id"), i.copy()));
            seedActions.forEach(a -> actions.put(a.getString("id"), a.copy()));
            seedFollowUps.forEach(f -> followUps.put(f.getString("id"), f.copy()));
        }
    }

    static Instant createdAt(JsonObject object) {
        return Timestamps.parse(object.getString("created_at"));
    }
}

package dev.firebrigade;

import dev.firebrigade.internal.wire.IncidentPayloads;

import dev.firebrigade.error.DeclareOutcomeUnknownException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.model.IncidentVisibility;
import dev.firebrigade.model.User;
import io.vertx.core.Future;

import java.util.UUID;

/**
 * An incident being declared ({@code POST /v2/incidents}), immutable: every step returns a new draft, so
 * {@code var gameDay = incidents().declare().mode(TEST).severity("Minor")} can declare many.
 *
 * <p>Severity, type, status and role names resolve through {@code /v1/severities}, {@code /v1/incident_types},
 * {@code /v1/incident_statuses} and {@code /v2/incident_roles} (cached per client); a name that matches nothing or
 * several entries fails before anything is sent, listing the choices.
 *
 * <p>Idempotency: incident.io requires an {@code idempotency_key} and answers a repeated key with the incident it
 * first created. Each {@link #create()} call uses {@linkplain #idempotencyKey(String) the key given}, or else a fresh
 * random one, and keeps it for every retry of that call, so a lost answer never makes a second incident. Re-running
 * the same script therefore declares a <em>new</em> incident each time, unless the script passes its own key
 * (e.g. {@code idempotencyKey("gameday-2026-12-02")}): then every re-run gets the first incident back.
 */
public final class IncidentDraft {
    private static final String STEP_SEVERITY = "severity(...)";
    private static final String STEP_TYPE = "type(...)";
    private static final String STEP_STATUS = "status(...)";

    private final Incidents incidents;
    private final String name;
    private final String summary;
    private final String severity;
    private final String type;
    private final String status;
    private final IncidentMode mode;
    private final IncidentVisibility visibility;
    private final IncidentRoles roles;
    private final String idempotencyKey;

    IncidentDraft(Incidents incidents) {
        this(incidents, null, null, null, null, null, null, IncidentVisibility.PUBLIC, IncidentRoles.NONE, null);
    }

    private IncidentDraft(Incidents incidents, String name, String summary, String severity, String type, String status,
                          IncidentMode mode, IncidentVisibility visibility, IncidentRoles roles, String idempotencyKey) {
        this.incidents = incidents;
        this.name = name;
        this.summary = summary;
        this.severity = severity;
        this.type = type;
        this.status = status;
        this.mode = mode;
        this.visibility = visibility;
        this.roles = roles;
        this.idempotencyKey = idempotencyKey;
    }

    /** What is happening, shown everywhere the incident is: {@code "Database unavailable"}. */
    public IncidentDraft name(String name) {
        return new IncidentDraft(incidents, orBlank(name), summary, severity, type, status, mode, visibility, roles,
                idempotencyKey);
    }

    /** A longer description, in Markdown. */
    public IncidentDraft summary(String markdown) {
        return new IncidentDraft(incidents, name, orBlank(markdown), severity, type, status, mode, visibility, roles,
                idempotencyKey);
    }

    /** The severity, by name ({@code "Major"}, any case) or ID. */
    public IncidentDraft severity(String nameOrId) {
        return new IncidentDraft(incidents, name, summary, orBlank(nameOrId), type, status, mode, visibility, roles,
                idempotencyKey);
    }

    /** The incident type, by name ({@code "Platform"}) or ID; incident.io's default type when left out. */
    public IncidentDraft type(String nameOrId) {
        return new IncidentDraft(incidents, name, summary, severity, orBlank(nameOrId), status, mode, visibility, roles,
                idempotencyKey);
    }

    /** The status to open in, by name ({@code "Investigating"}, {@code "Triage"}) or ID. */
    public IncidentDraft status(String nameOrId) {
        return new IncidentDraft(incidents, name, summary, severity, type, orBlank(nameOrId), mode, visibility, roles,
                idempotencyKey);
    }

    /** {@code STANDARD} (incident.io's default), {@code TEST} for game days, {@code TUTORIAL} or {@code RETROSPECTIVE}. */
    public IncidentDraft mode(IncidentMode mode) {
        if (mode == null || mode == IncidentMode.UNKNOWN || mode == IncidentMode.STREAM) {
            throw new InvalidInputException("mode", "is " + mode, "pass STANDARD, TEST, TUTORIAL or RETROSPECTIVE to mode(...)");
        }
        return new IncidentDraft(incidents, name, summary, severity, type, status, mode, visibility, roles,
                idempotencyKey);
    }

    /** {@code PUBLIC} (the default) or {@code PRIVATE} (invite-only). */
    public IncidentDraft visibility(IncidentVisibility visibility) {
        if (visibility == null || visibility == IncidentVisibility.UNKNOWN) {
            throw new InvalidInputException("visibility", "is " + visibility, "pass PUBLIC or PRIVATE to visibility(...)");
        }
        return new IncidentDraft(incidents, name, summary, severity, type, status, mode, visibility, roles,
                idempotencyKey);
    }

    /** The incident lead: a user ID or an email. */
    public IncidentDraft lead(String user) {
        return role("lead", user);
    }

    /** The incident lead. */
    public IncidentDraft lead(User user) {
        return lead(IncidentRoles.userId(user));
    }

    /** Gives {@code role} (its name, short form, type such as {@code "reporter"}, or ID) to a user ID or email. */
    public IncidentDraft role(String role, String user) {
        return new IncidentDraft(incidents, name, summary, severity, type, status, mode, visibility,
                roles.with(role, user, IncidentRoles.STEP), idempotencyKey);
    }

    /**
     * The key incident.io de-duplicates by: a re-run with the same key returns the incident first declared with it
     * instead of declaring another. Without one, every {@link #create()} call makes its own.
     */
    public IncidentDraft idempotencyKey(String key) {
        return new IncidentDraft(incidents, name, summary, severity, type, status, mode, visibility, roles, orBlank(key));
    }

    /**
     * Checks the draft, resolves names to IDs, then sends {@code POST /v2/incidents}, retried with the same key
     * whenever the answer is lost; fails without sending on bad input or a name that does not resolve, and with a
     * {@link DeclareOutcomeUnknownException} carrying the key when the answer stayed lost.
     */
    public Future<Incident> create() {
        return Futures.attempt(() -> {
            String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
            return resolved(payload(key)).compose(payload -> incidents.declare(payload).recover(failure ->
                    Future.failedFuture(failure instanceof IncidentIoException lost && lost.mayHaveBeenProcessed()
                            ? new DeclareOutcomeUnknownException(key, lost) : failure)));
        });
    }

    /**
     * The request {@link #create()} would send, key redacted, computed locally: names show as given, and the
     * idempotency key as given or {@code <generated at create()>}.
     */
    public RequestPreview dryRun() {
        IncidentPayloads.Create given = payload(idempotencyKey != null ? idempotencyKey : "<generated at create()>");
        return incidents.preview(withRoles(given, roles.unresolved()));
    }

    /** The exact request {@link #create()} would send, names resolved to IDs (only the read-only lookups are sent). */
    public Future<RequestPreview> resolvedDryRun() {
        return Futures.attempt(() -> resolved(payload(idempotencyKey != null ? idempotencyKey
                : "<generated at create()>")).map(incidents::preview));
    }

    /** The idempotency key given, or null when each create makes its own. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    private IncidentPayloads.Create payload(String key) {
        Checks.present(name, "name", "call name(\"what is happening\") before create()");
        Checks.present(key, "idempotency_key", "pass a non-blank key to idempotencyKey(...), or leave it out");
        if (summary != null) {
            Checks.present(summary, "summary", "pass Markdown to summary(...), or leave it out");
        }
        checkName(severity, "severity_id", STEP_SEVERITY);
        checkName(type, "incident_type_id", STEP_TYPE);
        checkName(status, "incident_status_id", STEP_STATUS);
        roles.check();
        return new IncidentPayloads.Create(key, name, summary, severity, type, status, mode, visibility, null);
    }

    private Future<IncidentPayloads.Create> resolved(IncidentPayloads.Create given) {
        Catalog catalog = incidents.catalog();
        Future<String> severityId = catalog.idIfGiven(Catalog.SEVERITIES, given.severityId(), STEP_SEVERITY);
        Future<String> typeId = catalog.idIfGiven(Catalog.TYPES, given.incidentTypeId(), STEP_TYPE);
        Future<String> statusId = catalog.idIfGiven(Catalog.STATUSES, given.incidentStatusId(), STEP_STATUS);
        var assignments = roles.resolved(catalog);
        return Future.all(severityId, typeId, statusId, assignments).map(all -> new IncidentPayloads.Create(
                given.idempotencyKey(), given.name(), given.summary(), severityId.result(), typeId.result(),
                statusId.result(), given.mode(), given.visibility(), assignments.result()));
    }

    private static IncidentPayloads.Create withRoles(IncidentPayloads.Create c,
                                                     java.util.List<IncidentPayloads.RoleAssignment> assignments) {
        return new IncidentPayloads.Create(c.idempotencyKey(), c.name(), c.summary(), c.severityId(),
                c.incidentTypeId(), c.incidentStatusId(), c.mode(), c.visibility(), assignments);
    }

    static void checkName(String given, String field, String step) {
        if (given != null) {
            Checks.present(given, field, "pass a name or ID to " + step + ", or leave it out");
        }
    }

    static String orBlank(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "IncidentDraft[name=" + name + ", severity=" + severity + ", type=" + type + ", status=" + status
                + ", mode=" + (mode == null ? "standard" : mode.wireName()) + ", visibility=" + visibility.wireName()
                + ", roles=" + roles + (idempotencyKey == null ? "" : ", idempotencyKey=" + idempotencyKey) + "]";
    }
}

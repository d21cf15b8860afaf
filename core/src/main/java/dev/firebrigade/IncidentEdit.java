package dev.firebrigade;

import dev.firebrigade.internal.wire.IncidentPayloads;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.User;
import io.vertx.core.Future;

import static dev.firebrigade.IncidentDraft.checkName;
import static dev.firebrigade.IncidentDraft.orBlank;

/**
 * Changes to an existing incident ({@code POST /v2/incidents/{id}/actions/edit}), immutable like
 * {@link IncidentDraft}. incident.io edits only the fields sent, so {@link #apply()} sends only what was named here:
 * no read-modify-write, and no risk of overwriting someone else's change.
 */
public final class IncidentEdit {
    private static final String STEP_SEVERITY = "severity(...)";
    private static final String STEP_STATUS = "status(...)";

    private final Incidents incidents;
    private final String incident;
    private final String name;
    private final String summary;
    private final String severity;
    private final String status;
    private final String callUrl;
    private final IncidentRoles roles;
    private final boolean notifyChannel;

    IncidentEdit(Incidents incidents, String incident) {
        this(incidents, incident, null, null, null, null, null, IncidentRoles.NONE, true);
    }

    private IncidentEdit(Incidents incidents, String incident, String name, String summary, String severity,
                         String status, String callUrl, IncidentRoles roles, boolean notifyChannel) {
        this.incidents = incidents;
        this.incident = incident;
        this.name = name;
        this.summary = summary;
        this.severity = severity;
        this.status = status;
        this.callUrl = callUrl;
        this.roles = roles;
        this.notifyChannel = notifyChannel;
    }

    /** A new name. */
    public IncidentEdit name(String name) {
        return new IncidentEdit(incidents, incident, orBlank(name), summary, severity, status, callUrl, roles, notifyChannel);
    }

    /** A new summary, in Markdown. */
    public IncidentEdit summary(String markdown) {
        return new IncidentEdit(incidents, incident, name, orBlank(markdown), severity, status, callUrl, roles, notifyChannel);
    }

    /** A new severity, by name ({@code "Minor"}) or ID. */
    public IncidentEdit severity(String nameOrId) {
        return new IncidentEdit(incidents, incident, name, summary, orBlank(nameOrId), status, callUrl, roles, notifyChannel);
    }

    /** A new status, by name ({@code "Monitoring"}) or ID; incident.io decides which moves are allowed. */
    public IncidentEdit status(String nameOrId) {
        return new IncidentEdit(incidents, incident, name, summary, severity, orBlank(nameOrId), callUrl, roles, notifyChannel);
    }

    /** A new call link (Zoom, Meet, …). */
    public IncidentEdit callUrl(String url) {
        return new IncidentEdit(incidents, incident, name, summary, severity, status, orBlank(url), roles, notifyChannel);
    }

    /** A new incident lead: a user ID or an email. */
    public IncidentEdit lead(String user) {
        return role("lead", user);
    }

    /** A new incident lead. */
    public IncidentEdit lead(User user) {
        return lead(IncidentRoles.userId(user));
    }

    /** Gives {@code role} (name, short form, type or ID) to a user ID or email. */
    public IncidentEdit role(String role, String user) {
        return new IncidentEdit(incidents, incident, name, summary, severity, status, callUrl,
                roles.with(role, user, IncidentRoles.STEP), notifyChannel);
    }

    /** Whether incident.io posts the change in the incident's Slack channel; true unless told otherwise. */
    public IncidentEdit notifyChannel(boolean notify) {
        return new IncidentEdit(incidents, incident, name, summary, severity, status, callUrl, roles, notify);
    }

    /**
     * Resolves the incident reference and the names, then sends the edit; fails without sending on bad input, an
     * edit that changes nothing, or a name that does not resolve.
     */
    public Future<Incident> apply() {
        return Futures.attempt(() -> {
            IncidentPayloads.Edit given = payload();
            Future<String> id = incidents.references().incidentId(incident, "id", "edit(...)");
            return Future.all(id, resolved(given)).compose(both -> incidents.edit(id.result(),
                    both.resultAt(1)));
        });
    }

    /** The request {@link #apply()} would send, computed locally: the incident and names show as given. */
    public RequestPreview dryRun() {
        IncidentPayloads.Edit given = payload();
        IncidentPayloads.EditFields f = given.incident();
        return incidents.editPreview(incident, new IncidentPayloads.Edit(new IncidentPayloads.EditFields(f.name(),
                f.summary(), f.severityId(), f.incidentStatusId(), f.callUrl(), roles.unresolved()),
                notifyChannel));
    }

    private IncidentPayloads.Edit payload() {
        Checks.present(incident, "id", "pass the incident's ID or reference (INC-123) to edit(...)");
        if (name != null) {
            Checks.present(name, "name", "pass the new name to name(...)");
        }
        if (summary != null) {
            Checks.present(summary, "summary", "pass Markdown to summary(...)");
        }
        if (callUrl != null) {
            Checks.present(callUrl, "call_url", "pass a link to callUrl(...)");
        }
        checkName(severity, "severity_id", STEP_SEVERITY);
        checkName(status, "incident_status_id", STEP_STATUS);
        roles.check();
        if (name == null && summary == null && severity == null && status == null && callUrl == null
                && roles.given().isEmpty()) {
            throw new InvalidInputException("incident", "has no changes",
                    "name what to change, e.g. edit(\"INC-2\").status(\"Monitoring\").apply()");
        }
        return new IncidentPayloads.Edit(new IncidentPayloads.EditFields(name, summary, severity, status, callUrl, null),
                notifyChannel);
    }

    private Future<IncidentPayloads.Edit> resolved(IncidentPayloads.Edit given) {
        Catalog catalog = incidents.catalog();
        IncidentPayloads.EditFields f = given.incident();
        Future<String> severityId = catalog.idIfGiven(Catalog.SEVERITIES, f.severityId(), STEP_SEVERITY);
        Future<String> statusId = catalog.idIfGiven(Catalog.STATUSES, f.incidentStatusId(), STEP_STATUS);
        var assignments = roles.resolved(catalog);
        return Future.all(severityId, statusId, assignments).map(all -> new IncidentPayloads.Edit(
                new IncidentPayloads.EditFields(f.name(), f.summary(), severityId.result(), statusId.result(),
                        f.callUrl(), assignments.result()), given.notifyIncidentChannel()));
    }

    @Override
    public String toString() {
        return "IncidentEdit[" + incident + (name == null ? "" : ", name=" + name)
                + (severity == null ? "" : ", severity=" + severity) + (status == null ? "" : ", status=" + status)
                + (summary == null ? "" : ", summary=" + summary) + (callUrl == null ? "" : ", callUrl=" + callUrl)
                + (roles.given().isEmpty() ? "" : ", roles=" + roles) + ", notifyChannel=" + notifyChannel + "]";
    }
}

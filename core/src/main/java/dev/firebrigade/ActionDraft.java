package dev.firebrigade;

import dev.firebrigade.internal.wire.ActionPayloads;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.User;
import io.vertx.core.Future;

import java.util.Objects;

/**
 * An action being written, immutable: every step returns a new draft, so {@code var fire = actions().forIncident(id)}
 * can start many actions. {@link #create()} checks the draft before anything is sent, then resolves an
 * {@code INC-123} reference and an email to IDs (cached per client) and sends the create.
 */
public final class ActionDraft {
    private static final String FIX_INCIDENT = "call forIncident(\"<incident ID or INC-123>\") before create()";
    private static final String FIX_DESCRIPTION = "call describe(\"what needs doing\") before create()";
    private static final String FIX_ASSIGNEE =
            "pass a user ID, an email or a User to assignTo(...), or leave it out to create it unassigned";
    static final String STEP_INCIDENT = "forIncident(...)";
    static final String STEP_ASSIGNEE = "assignTo(...)";

    private final Actions actions;
    private final String incident;
    private final String description;
    /** Null when unassigned; blank when assignTo was given nothing, reported at create(). */
    private final String assignee;

    ActionDraft(Actions actions, String incident, String description, String assignee) {
        this.actions = actions;
        this.incident = incident;
        this.description = description;
        this.assignee = assignee;
    }

    /**
     * The incident this action belongs to: its ID, or its reference {@code "INC-123"} (any case) or {@code "123"},
     * which {@link #create()} resolves through {@code GET /v2/incidents/123}.
     */
    public ActionDraft forIncident(String incident) {
        return new ActionDraft(actions, incident == null ? "" : incident, description, assignee);
    }

    /** What needs doing, in Markdown. */
    public ActionDraft describe(String markdown) {
        return new ActionDraft(actions, incident, markdown == null ? "" : markdown, assignee);
    }

    /**
     * Who should do it: a user ID, or an email (anything with an {@code @}), which {@link #create()} resolves to the
     * single active user with that email, failing with the candidates when there is none or several.
     */
    public ActionDraft assignTo(String user) {
        return new ActionDraft(actions, incident, description, user == null ? "" : user);
    }

    /** Who should do it. */
    public ActionDraft assignTo(User user) {
        return assignTo(user == null ? null : user.id());
    }

    /** The same draft without an assignee. */
    public ActionDraft unassigned() {
        return new ActionDraft(actions, incident, description, null);
    }

    /**
     * Resolves references, then sends {@code POST /v2/actions} (or v3); fails without sending when the draft is
     * incomplete or a reference does not resolve.
     */
    public Future<Action> create() {
        return Futures.attempt(() -> {
            Future<ActionPayloads.Create> resolved = resolved(payload());
            return resolved.succeeded() ? actions.create(resolved.result()) : resolved.compose(actions::create);
        });
    }

    /**
     * The request {@link #create()} would send, key redacted, computed locally: nothing is sent, not even a lookup,
     * so a reference or email shows as given. {@link #resolvedDryRun()} shows the IDs they resolve to.
     */
    public RequestPreview dryRun() {
        return actions.preview(payload());
    }

    /**
     * The exact request {@link #create()} would send, with references and emails resolved to IDs. Only the read-only
     * lookups are sent (and cached); the action is not created.
     */
    public Future<RequestPreview> resolvedDryRun() {
        return Futures.attempt(() -> resolved(payload()).map(actions::preview));
    }

    /** The incident as given, or null. */
    public String incident() {
        return incident;
    }

    /** The description as given, or null. */
    public String description() {
        return description;
    }

    /** The assignee as given, or null when unassigned. */
    public String assignee() {
        return assignee;
    }

    ActionPayloads.Create payload() {
        return new ActionPayloads.Create(
                Checks.present(incident, "incident_id", FIX_INCIDENT),
                Checks.present(description, "description", FIX_DESCRIPTION),
                assignee == null ? null : Checks.present(assignee, "assignee_id", FIX_ASSIGNEE));
    }

    /** {@link #payload()} with references resolved, as {@link #create()} sends it. */
    Future<ActionPayloads.Create> resolvedPayload() {
        return Futures.attempt(() -> resolved(payload()));
    }

    /** {@code given} with the incident and the assignee as IDs, both looked up at once when needed. */
    private Future<ActionPayloads.Create> resolved(ActionPayloads.Create given) {
        References references = actions.references();
        Future<String> incidentId = references.incidentId(given.incidentId(), "incident_id", STEP_INCIDENT);
        Future<String> assigneeId = given.assigneeId() == null ? Future.succeededFuture()
                : references.userId(given.assigneeId(), "assignee_id", STEP_ASSIGNEE);
        if (incidentId.succeeded() && assigneeId.succeeded()) {
            // IDs given, or answers cached: no composite future, and no new payload when nothing changed.
            return Future.succeededFuture(incidentId.result().equals(given.incidentId())
                    && Objects.equals(assigneeId.result(), given.assigneeId()) ? given
                    : new ActionPayloads.Create(incidentId.result(), given.description(), assigneeId.result()));
        }
        return Future.all(incidentId, assigneeId).map(both ->
                new ActionPayloads.Create(incidentId.result(), given.description(), assigneeId.result()));
    }

    @Override
    public String toString() {
        return "ActionDraft[incident=" + incident + ", description=" + description + ", assignee="
                + (assignee == null ? "unassigned" : assignee) + "]";
    }
}

package dev.firebrigade;

import dev.firebrigade.model.Action;
import dev.firebrigade.model.User;
import dev.firebrigade.transport.RequestPreview;
import io.vertx.core.Future;

/**
 * An action being written, immutable: every step returns a new draft, so {@code var fire = actions().forIncident(id)}
 * can start many actions. {@link #create()} checks the draft before anything is sent.
 */
public final class ActionDraft {
    private static final String FIX_INCIDENT = "call forIncident(\"<incident ID>\") before create()";
    private static final String FIX_DESCRIPTION = "call describe(\"what needs doing\") before create()";
    private static final String FIX_ASSIGNEE = "pass a user ID or User to assignTo(...), or leave it out to create it unassigned";

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

    /** The incident this action belongs to: its ID. */
    public ActionDraft forIncident(String incident) {
        return new ActionDraft(actions, incident == null ? "" : incident, description, assignee);
    }

    /** What needs doing, in Markdown. */
    public ActionDraft describe(String markdown) {
        return new ActionDraft(actions, incident, markdown == null ? "" : markdown, assignee);
    }

    /** Who should do it: a user ID. */
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

    /** Sends {@code POST /v2/actions} (or v3); fails without sending when the draft is incomplete. */
    public Future<Action> create() {
        return Futures.attempt(() -> actions.create(payload()));
    }

    /** The exact request {@link #create()} would send, key redacted; nothing is sent. */
    public RequestPreview dryRun() {
        return actions.preview(payload());
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

    @Override
    public String toString() {
        return "ActionDraft[incident=" + incident + ", description=" + description + ", assignee="
                + (assignee == null ? "unassigned" : assignee) + "]";
    }
}

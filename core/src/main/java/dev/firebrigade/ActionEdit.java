package dev.firebrigade;

import dev.firebrigade.internal.wire.ActionPayloads;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.model.User;
import io.vertx.core.Future;

/**
 * Changes to an existing action, immutable like {@link ActionDraft}. incident.io's PUT replaces the whole action,
 * so {@link #apply()} fetches the current one and sends it back with only the named changes.
 */
public final class ActionEdit {
    private static final String FIX_DESCRIPTION = "pass the new text to describe(...)";
    private static final String FIX_ASSIGNEE = "pass a user ID, an email or a User to assignTo(...), or call unassigned()";

    private final Actions actions;
    private final String id;
    private final String description;
    private final ActionStatus status;
    private final String assignee;
    private final boolean assigneeChanged;

    ActionEdit(Actions actions, String id, String description, ActionStatus status, String assignee,
               boolean assigneeChanged) {
        this.actions = actions;
        this.id = id;
        this.description = description;
        this.status = status;
        this.assignee = assignee;
        this.assigneeChanged = assigneeChanged;
    }

    /** New text for the action, in Markdown. */
    public ActionEdit describe(String markdown) {
        return new ActionEdit(actions, id, markdown == null ? "" : markdown, status, assignee, assigneeChanged);
    }

    /** A new status; {@code DELETED} is not allowed here (use {@code delete(id)}). */
    public ActionEdit status(ActionStatus status) {
        return new ActionEdit(actions, id, description, status, assignee, assigneeChanged);
    }

    /** A new assignee: a user ID, or an email resolved to the single active user with it (as in {@link ActionDraft}). */
    public ActionEdit assignTo(String user) {
        return new ActionEdit(actions, id, description, status, user == null ? "" : user, true);
    }

    /** A new assignee. */
    public ActionEdit assignTo(User user) {
        return assignTo(user == null ? null : user.id());
    }

    /** Clears the assignee. */
    public ActionEdit unassigned() {
        return new ActionEdit(actions, id, description, status, null, true);
    }

    /**
     * Resolves an email given to {@code assignTo}, fetches the action, applies the changes and sends {@code PUT};
     * fails without sending on bad input or an email that does not resolve.
     */
    public Future<Action> apply() {
        return Futures.attempt(() -> {
            checkChanges();
            Future<String> newAssignee = assigneeChanged && assignee != null
                    ? actions.references().userId(assignee, "assignee_id", ActionDraft.STEP_ASSIGNEE)
                    : Future.succeededFuture(null);
            return newAssignee.compose(resolved -> actions.get(id)
                    .compose(current -> actions.replace(id, merged(current, resolved))));
        });
    }

    private void checkChanges() {
        Checks.present(id, "id", "pass the ID of the action to edit(...)");
        if (description != null) {
            Checks.present(description, "description", FIX_DESCRIPTION);
        }
        if (assigneeChanged && assignee != null) {
            Checks.present(assignee, "assignee_id", FIX_ASSIGNEE);
        }
        if (status == ActionStatus.DELETED) {
            throw new InvalidInputException("status", "cannot be set to deleted", "call actions().delete(id) instead");
        }
        if (status == ActionStatus.UNKNOWN) {
            throw new InvalidInputException("status", "is UNKNOWN",
                    "pass OUTSTANDING, COMPLETED or NOT_DOING to status(...)");
        }
    }

    private ActionPayloads.Update merged(Action current, String resolvedAssignee) {
        String currentAssignee = current.assignee() == null ? null : current.assignee().id();
        return new ActionPayloads.Update(
                description != null ? description : current.description(),
                status != null ? status : current.status(),
                assigneeChanged ? resolvedAssignee : currentAssignee);
    }

    @Override
    public String toString() {
        return "ActionEdit[id=" + id + (description == null ? "" : ", description=" + description)
                + (status == null ? "" : ", status=" + status)
                + (assigneeChanged ? ", assignee=" + (assignee == null ? "unassigned" : assignee) : "") + "]";
    }
}

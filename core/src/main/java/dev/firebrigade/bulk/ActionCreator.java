package dev.firebrigade.bulk;

import dev.firebrigade.ActionDraft;
import dev.firebrigade.Actions;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.internal.create.BulkAccess;
import dev.firebrigade.internal.create.Fingerprint;
import dev.firebrigade.model.Action;
import io.vertx.core.Future;

/** A bulk of actions: rows {@code incident,description,assignee}. */
final class ActionCreator extends Creator<ActionDraft, Action> {
    private final Actions actions;

    ActionCreator(Actions actions) {
        super(BulkAccess.of(actions), BulkKind.ACTIONS, ActionDraft.class, actions.api().path());
        this.actions = actions;
    }

    @Override
    ActionDraft draft(RowFields fields) {
        ActionDraft draft = actions.forIncident(fields.incident()).describe(fields.description());
        return fields.assignee() == null ? draft : draft.assignTo(fields.assignee());
    }

    @Override
    RowFields fields(ActionDraft draft) {
        return RowFields.action(draft.incident(), draft.description(), draft.assignee());
    }

    @Override
    Future<Action> create(ActionDraft draft) {
        return draft.create();
    }

    @Override
    Future<?> check(ActionDraft draft) {
        return draft.resolvedDryRun();
    }

    @Override
    String id(Action created) {
        return created.id();
    }

    @Override
    InvalidInputException kindProblem(RowFields fields) {
        if (fields.description() == null || fields.description().isBlank()) {
            return new InvalidInputException("description", "is empty",
                    "say what needs doing in the description column");
        }
        String followUpField = fields.title() != null ? "title" : fields.priority() != null ? "priority"
                : fields.category() != null ? "category" : fields.labels() != null ? "labels" : null;
        if (followUpField != null) {
            return new InvalidInputException(followUpField, "is a follow-up field, but this bulk creates actions",
                    "remove it, or run the file as follow-ups (--kind follow-ups, or followUps().bulk(...))");
        }
        return null;
    }

    /** Incident, description, assignee: the hash of every version so far, so old journals keep their keys. */
    @Override
    String contentHash(RowFields fields) {
        return Fingerprint.contentHash(fields.incident(), fields.description(), fields.assignee());
    }

    @Override
    OutcomeUnknownException unknown(String why, RowFields fields, IncidentIoException cause) {
        return OutcomeUnknownException.action(why, "POST", path(), fields.incident(), fields.description(),
                fields.assignee(), 1, cause);
    }
}

package dev.firebrigade;

import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.internal.create.CreateKey;
import dev.firebrigade.internal.create.CreatePost;
import dev.firebrigade.internal.transport.Transport;
import dev.firebrigade.internal.wire.ActionPayloads;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.IncidentMode;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;

/** One action create, references resolved, as the create engine sends, lists and matches it. */
final class ActionCreate extends CreatePost<Action, ActionPayloads.One> {
    private final Actions actions;
    private final ActionPayloads.Create payload;

    ActionCreate(Actions actions, Transport transport, ApiRequest request, ActionPayloads.Create payload) {
        super(transport, request, ActionPayloads.One.class, ActionPayloads.One::action, Action::id,
                "action", CreateKey.of(payload.incidentId(), payload.description(), payload.assigneeId()));
        this.actions = actions;
        this.payload = payload;
    }

    @Override
    public Future<List<Action>> listSince(IncidentMode mode, Instant since) {
        return actions.createdSinceOnIncident(payload.incidentId(), since).mode(mode).fetch();
    }

    @Override
    public Listed listed(Action action) {
        return new Listed(action.id(), CreateKey.of(action.incidentId(), action.description(),
                action.assignee() == null ? null : action.assignee().id()), action.createdAt());
    }

    @Override
    public OutcomeUnknownException unknown(String why, int attempts, IncidentIoException cause) {
        return OutcomeUnknownException.action(why, request().method().name(), request().path(), payload.incidentId(),
                payload.description(), payload.assigneeId(), attempts, cause);
    }
}

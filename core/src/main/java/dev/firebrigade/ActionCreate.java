package dev.firebrigade;

import dev.firebrigade.internal.wire.ActionPayloads;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.error.UnexpectedResponseException;
import dev.firebrigade.internal.create.Creatable;
import dev.firebrigade.internal.create.CreateKey;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.internal.transport.Deadline;
import dev.firebrigade.internal.transport.Transport;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;

/** One action create, references resolved, as the create engine sends, lists and matches it. */
final class ActionCreate implements Creatable<Action> {
    private final Actions actions;
    private final Transport transport;
    private final ActionPayloads.Create payload;
    private final ApiRequest request;
    private final CreateKey key;

    ActionCreate(Actions actions, Transport transport, ApiRequest request, ActionPayloads.Create payload) {
        this.actions = actions;
        this.transport = transport;
        this.payload = payload;
        this.request = request;
        this.key = CreateKey.of(payload.incidentId(), payload.description(), payload.assigneeId());
    }

    @Override
    public CreateKey key() {
        return key;
    }

    @Override
    public String plural() {
        return "actions";
    }

    @Override
    public ApiRequest request() {
        return request;
    }

    @Override
    public Future<Action> post(Deadline deadline) {
        return transport.send(request, ActionPayloads.One.class, deadline).compose(answer -> {
            Action created = answer == null ? null : answer.action();
            return created != null && created.id() != null ? Future.succeededFuture(created)
                    : Future.failedFuture(new UnexpectedResponseException(201, "the answer holds no action", "",
                    request.method().name(), request.path(), null));
        });
    }

    @Override
    public Future<List<Action>> listCreatedSince(IncidentMode mode, Instant since) {
        return actions.createdSinceOnIncident(payload.incidentId(), since).mode(mode).fetch();
    }

    @Override
    public Listed listed(Action action) {
        return new Listed(action.id(), CreateKey.of(action.incidentId(), action.description(),
                action.assignee() == null ? null : action.assignee().id()), action.createdAt());
    }

    @Override
    public String id(Action action) {
        return action.id();
    }

    @Override
    public OutcomeUnknownException unknown(String why, int attempts, IncidentIoException cause) {
        return new OutcomeUnknownException("the create's outcome is unknown: " + why, request.method().name(),
                request.path(), payload.incidentId(), payload.description(), payload.assigneeId(), attempts, cause);
    }
}

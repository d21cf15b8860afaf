package dev.firebrigade;

import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.error.UnexpectedResponseException;
import dev.firebrigade.internal.create.Creatable;
import dev.firebrigade.internal.create.CreateKey;
import dev.firebrigade.internal.transport.Deadline;
import dev.firebrigade.internal.transport.Transport;
import dev.firebrigade.internal.wire.FollowUpPayloads;
import dev.firebrigade.model.FollowUp;
import dev.firebrigade.model.IncidentMode;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;

/**
 * One follow-up create, references resolved, as the create engine sends, lists and matches it: a listed follow-up is
 * taken for this one when its incident, assignee, title and description (each normalised) are the same.
 */
final class FollowUpCreate implements Creatable<FollowUp> {
    private final FollowUps followUps;
    private final Transport transport;
    private final FollowUpPayloads.Create payload;
    private final ApiRequest request;
    private final CreateKey key;

    FollowUpCreate(FollowUps followUps, Transport transport, ApiRequest request, FollowUpPayloads.Create payload) {
        this.followUps = followUps;
        this.transport = transport;
        this.payload = payload;
        this.request = request;
        this.key = key(payload.incidentId(), payload.title(), payload.description(), payload.assigneeId());
    }

    /**
     * The engine's key holds one text: the title and the description, each normalised, joined by a blank line (a
     * title is one line in incident.io's UI, so the join does not blur two different follow-ups in practice).
     */
    private static CreateKey key(String incidentId, String title, String description, String assigneeId) {
        return CreateKey.of(incidentId, CreateKey.normalised(title) + "\n\n" + CreateKey.normalised(description),
                assigneeId);
    }

    @Override
    public CreateKey key() {
        return key;
    }

    @Override
    public String plural() {
        return "follow-ups";
    }

    @Override
    public ApiRequest request() {
        return request;
    }

    @Override
    public Future<FollowUp> post(Deadline deadline) {
        return transport.send(request, FollowUpPayloads.One.class, deadline).compose(answer -> {
            FollowUp created = answer == null ? null : answer.followUp();
            return created != null && created.id() != null ? Future.succeededFuture(created)
                    : Future.failedFuture(new UnexpectedResponseException(201, "the answer holds no follow-up", "",
                    request.method().name(), request.path(), null));
        });
    }

    @Override
    public Future<List<FollowUp>> listCreatedSince(IncidentMode mode, Instant since) {
        return followUps.list().forIncident(payload.incidentId()).createdSince(since).mode(mode).fetch();
    }

    @Override
    public Listed listed(FollowUp followUp) {
        return new Listed(followUp.id(), key(followUp.incidentId(), followUp.title(), followUp.description(),
                followUp.assignee() == null ? null : followUp.assignee().id()), followUp.createdAt());
    }

    @Override
    public OutcomeUnknownException unknown(String why, int attempts, IncidentIoException cause) {
        return new OutcomeUnknownException("the follow-up create's outcome is unknown: " + why,
                request.method().name(), request.path(), payload.incidentId(), payload.title(), payload.assigneeId(),
                attempts, cause);
    }
}

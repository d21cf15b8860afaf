package dev.firebrigade;

import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.internal.create.CreateKey;
import dev.firebrigade.internal.create.CreatePost;
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
final class FollowUpCreate extends CreatePost<FollowUp, FollowUpPayloads.One> {
    private final FollowUps followUps;
    private final FollowUpPayloads.Create payload;

    FollowUpCreate(FollowUps followUps, Transport transport, ApiRequest request, FollowUpPayloads.Create payload) {
        super(transport, request, FollowUpPayloads.One.class, FollowUpPayloads.One::followUp, FollowUp::id,
                "follow-up", key(payload.incidentId(), payload.title(), payload.description(), payload.assigneeId()));
        this.followUps = followUps;
        this.payload = payload;
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
    public Future<List<FollowUp>> listSince(IncidentMode mode, Instant since) {
        return followUps.list().forIncident(payload.incidentId()).createdSince(since).mode(mode).fetch();
    }

    @Override
    public Listed listed(FollowUp followUp) {
        return new Listed(followUp.id(), key(followUp.incidentId(), followUp.title(), followUp.description(),
                followUp.assignee() == null ? null : followUp.assignee().id()), followUp.createdAt());
    }

    @Override
    public OutcomeUnknownException unknown(String why, int attempts, IncidentIoException cause) {
        return OutcomeUnknownException.followUp(why, request().method().name(), request().path(),
                payload.incidentId(), payload.title(), payload.description(), payload.assigneeId(), attempts, cause);
    }
}

package dev.firebrigade;

import dev.firebrigade.model.FollowUp;
import dev.firebrigade.model.FollowUpStatus;
import dev.firebrigade.model.IncidentMode;

import java.time.Instant;

/**
 * A watch on follow-ups being set up: {@code followUps().watch().forIncident("INC-2").start()} polls
 * {@code GET /v3/follow_ups?updated_at[gte]=…}. A follow-up counts as completed when its status becomes
 * {@code completed} and as deleted when it becomes {@code deleted} (incident.io keeps listing deleted follow-ups).
 */
public final class FollowUpWatch extends WatchQuery<FollowUp, FollowUpWatch> {
    private static final Watched<FollowUp> WATCHED = new Watched<>(FollowUp.class, FollowUp::id, FollowUp::createdAt,
            FollowUp::updatedAt, f -> f.status() == FollowUpStatus.COMPLETED, f -> f.status() == FollowUpStatus.DELETED);

    private final FollowUpQuery scope;

    FollowUpWatch(FollowUpQuery scope, WatchSettings settings) {
        super(WATCHED, settings);
        this.scope = scope;
    }

    /** Only the follow-ups of this incident: its ID, or its reference {@code INC-123} / {@code 123}. */
    public FollowUpWatch forIncident(String incident) {
        return new FollowUpWatch(scope.forIncident(incident), settings());
    }

    /** Only follow-ups of incidents in this mode; without it incident.io lists those of standard and retrospective ones. */
    public FollowUpWatch mode(IncidentMode mode) {
        return new FollowUpWatch(scope.mode(mode), settings());
    }

    @Override
    FollowUpWatch with(WatchSettings settings) {
        return new FollowUpWatch(scope, settings);
    }

    @Override
    PagedQuery<FollowUp> updatedSince(Instant from) {
        return from == null ? scope : scope.updatedSince(from);
    }
}

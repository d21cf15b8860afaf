package dev.firebrigade;

import dev.firebrigade.model.FollowUp;
import dev.firebrigade.model.FollowUpStatus;

/**
 * A watch on follow-ups being set up: {@code followUps().watch().forIncident("INC-2").start()} polls
 * {@code GET /v3/follow_ups?updated_at[gte]=…}. A follow-up counts as completed when its status becomes
 * {@code completed}, and as deleted when it is listed with status {@code deleted} or, with
 * {@link #sweepEvery(int)}, when it is no longer listed. A follow-up made from a tracker link
 * ({@code createFromLink}) carries the creation time as {@code created_at}, so unless the issue is younger than
 * the watch it is first reported as {@code UPDATED} (with no previous version), not {@code CREATED}.
 */
public final class FollowUpWatch extends IncidentItemWatch<FollowUp, FollowUpQuery, FollowUpWatch> {
    private static final Watched<FollowUp> WATCHED = new Watched<>(FollowUp.class, FollowUp::id, FollowUp::createdAt,
            FollowUp::updatedAt, f -> f.status() == FollowUpStatus.COMPLETED, f -> f.status() == FollowUpStatus.DELETED);

    FollowUpWatch(FollowUpQuery scope, WatchSettings settings) {
        super(WATCHED, scope, settings);
    }

    @Override
    FollowUpWatch with(FollowUpQuery scope, WatchSettings settings) {
        return new FollowUpWatch(scope, settings);
    }
}

package dev.firebrigade;

import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;

/**
 * A watch on actions being set up: {@code actions().watch().forIncident("INC-2").start()} polls
 * {@code GET /v3/actions?updated_at[gte]=…}. Needs the v3 actions API (v2 cannot filter by time).
 */
public final class ActionWatch extends IncidentItemWatch<Action, ActionQuery, ActionWatch> {
    private static final Watched<Action> WATCHED = new Watched<>(Action.class, Action::id, Action::createdAt,
            Action::updatedAt, a -> a.status() == ActionStatus.COMPLETED, a -> a.status() == ActionStatus.DELETED);

    ActionWatch(ActionQuery scope, WatchSettings settings) {
        super(WATCHED, scope, settings);
    }

    @Override
    ActionWatch with(ActionQuery scope, WatchSettings settings) {
        return new ActionWatch(scope, settings);
    }
}

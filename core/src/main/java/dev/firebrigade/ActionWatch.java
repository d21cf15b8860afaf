package dev.firebrigade;

import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.model.IncidentMode;

import java.time.Instant;

/**
 * A watch on actions being set up: {@code actions().watch().forIncident("INC-2").start()} polls
 * {@code GET /v3/actions?updated_at[gte]=…}. Needs the v3 actions API (v2 cannot filter by time).
 */
public final class ActionWatch extends WatchQuery<Action, ActionWatch> {
    private static final Watched<Action> WATCHED = new Watched<>(Action.class, Action::id, Action::createdAt,
            Action::updatedAt, a -> a.status() == ActionStatus.COMPLETED, a -> a.status() == ActionStatus.DELETED);

    private final ActionQuery scope;

    ActionWatch(ActionQuery scope, WatchSettings settings) {
        super(WATCHED, settings);
        this.scope = scope;
    }

    /** Only the actions of this incident: its ID, or its reference {@code INC-123} / {@code 123}. */
    public ActionWatch forIncident(String incident) {
        return new ActionWatch(scope.forIncident(incident), settings());
    }

    /** Only actions of incidents in this mode; without it incident.io lists those of standard and retrospective ones. */
    public ActionWatch mode(IncidentMode mode) {
        return new ActionWatch(scope.mode(mode), settings());
    }

    @Override
    ActionWatch with(WatchSettings settings) {
        return new ActionWatch(scope, settings);
    }

    @Override
    PagedQuery<Action> updatedSince(Instant from) {
        return from == null ? scope : scope.updatedSince(from);
    }
}

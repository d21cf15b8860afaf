package dev.firebrigade;

import dev.firebrigade.model.IncidentMode;

import java.time.Instant;

/**
 * A watch on items that belong to an incident (actions, follow-ups), polling their v3 list with
 * {@code updated_at[gte]}: the filters they share, kept in the list query being polled.
 */
public abstract class IncidentItemWatch<T extends Record, Q extends IncidentItemQuery<T, Q>,
        W extends IncidentItemWatch<T, Q, W>> extends WatchQuery<T, W> {
    private final Q scope;

    IncidentItemWatch(Watched<T> watched, Q scope, WatchSettings settings) {
        super(watched, settings);
        this.scope = scope;
    }

    /** This watch over another list. */
    abstract W with(Q scope, WatchSettings settings);

    /** Only the items of this incident: its ID, or its reference {@code INC-123} / {@code 123}. */
    public W forIncident(String incident) {
        return with(scope.forIncident(incident), settings());
    }

    /** Only items of incidents in this mode; without it incident.io lists those of standard and retrospective ones. */
    public W mode(IncidentMode mode) {
        return with(scope.mode(mode), settings());
    }

    @Override
    final W with(WatchSettings settings) {
        return with(scope, settings);
    }

    @Override
    final PagedQuery<T> updatedSince(Instant from) {
        return from == null ? scope : scope.updatedSince(from);
    }
}

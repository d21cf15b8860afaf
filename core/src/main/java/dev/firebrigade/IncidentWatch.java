package dev.firebrigade;

import dev.firebrigade.model.Incident;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.model.IncidentStatusCategory;

import java.time.Instant;

/**
 * A watch on incidents being set up: {@code incidents().watch().statusCategory(LIVE).start()} polls
 * {@code GET /v2/incidents?updated_at[gte]=…}. An incident counts as completed when its status category becomes
 * {@code closed}; incidents are not deleted through the API, so none is reported deleted unless a sweep misses it.
 */
public final class IncidentWatch extends WatchQuery<Incident, IncidentWatch> {
    private static final Watched<Incident> WATCHED = new Watched<>(Incident.class, Incident::id, Incident::createdAt,
            Incident::updatedAt, i -> i.statusCategory() == IncidentStatusCategory.CLOSED, i -> false);

    private final IncidentQuery scope;

    IncidentWatch(IncidentQuery scope, WatchSettings settings) {
        super(WATCHED, settings);
        this.scope = scope;
    }

    /** Only incidents whose status is in one of these categories. */
    public IncidentWatch statusCategory(IncidentStatusCategory... categories) {
        return new IncidentWatch(scope.statusCategory(categories), settings());
    }

    /** Only incidents in these modes; without it incident.io lists standard and retrospective incidents. */
    public IncidentWatch mode(IncidentMode... modes) {
        return new IncidentWatch(scope.mode(modes), settings());
    }

    @Override
    IncidentWatch with(WatchSettings settings) {
        return new IncidentWatch(scope, settings);
    }

    @Override
    PagedQuery<Incident> updatedSince(Instant from) {
        return from == null ? scope : scope.updatedSince(from);
    }
}

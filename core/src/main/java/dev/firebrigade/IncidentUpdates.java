package dev.firebrigade;

import dev.firebrigade.internal.paging.Pager;
import dev.firebrigade.internal.wire.IncidentPayloads;

import dev.firebrigade.model.IncidentUpdate;
import dev.firebrigade.internal.transport.Transport;
import io.vertx.core.Vertx;

/**
 * Incident updates ({@code GET /v2/incident_updates}): every status move, severity change and message, for one
 * incident ({@code incidentUpdates().forIncident("INC-2").fetch()}) or the whole organisation ({@code list()}).
 */
public final class IncidentUpdates {
    private final Pager<IncidentUpdate> pager;
    private final References references;

    IncidentUpdates(Vertx vertx, Transport transport, References references) {
        this.pager = new Pager<>(vertx, transport, IncidentPayloads.Updates.class);
        this.references = references;
    }

    /** The updates of one incident, by ID or reference ({@code INC-2}, resolved once and cached). */
    public IncidentUpdateQuery forIncident(String idOrReference) {
        return new IncidentUpdateQuery(pager, references, idOrReference == null ? "" : idOrReference, null);
    }

    /** Every incident's updates. */
    public IncidentUpdateQuery list() {
        return new IncidentUpdateQuery(pager, references, null, null);
    }

    @Override
    public String toString() {
        return "IncidentUpdates";
    }
}

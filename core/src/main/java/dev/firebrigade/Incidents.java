package dev.firebrigade;

import dev.firebrigade.internal.wire.IncidentPayloads;
import dev.firebrigade.internal.paging.Pager;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.IncidentRole;
import dev.firebrigade.model.IncidentStatus;
import dev.firebrigade.model.IncidentType;
import dev.firebrigade.model.Severity;
import dev.firebrigade.internal.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

import java.util.List;


/**
 * incident.io incidents: {@code incidents().get("INC-123")}, {@code incidents().list().statusCategory(LIVE).fetch()},
 * {@code incidents().declare()...create()} and {@code incidents().edit("INC-123")...apply()}.
 *
 * <p>How an incident is named: {@code INC-123} (any case) or {@code 123} is a <em>reference</em>, sent to incident.io
 * as its number ({@code GET /v2/incidents/123}, which the API documents); anything else is an incident ID, used as
 * given. Only up to 18 digits count as a number, so a long all-digit ID stays an ID — and incident.io's show endpoint
 * accepts an ID in the same place, so even a short all-digit ID would still be found.
 */
public final class Incidents {

    private final Transport transport;
    private final Pager<Incident> pager;
    private final References references;
    private final Catalog catalog;

    Incidents(Vertx vertx, Transport transport, References references, Catalog catalog) {
        this.transport = transport;
        this.pager = new Pager<>(vertx, transport, IncidentPayloads.Many.class);
        this.references = references;
        this.catalog = catalog;
    }

    /**
     * Starts declaring an incident: {@code declare().name("Database down").severity("Major").create()}, which sends
     * {@code POST /v2/incidents} with an idempotency key (see {@link IncidentDraft} for what a re-run does).
     */
    public IncidentDraft declare() {
        return new IncidentDraft(this);
    }

    /**
     * Starts changing an incident, by ID or reference: {@code edit("INC-2").status("Monitoring").apply()}, which sends
     * {@code POST /v2/incidents/{id}/actions/edit} with only the fields named.
     */
    public IncidentEdit edit(String idOrReference) {
        return new IncidentEdit(this, idOrReference);
    }

    /** The organisation's severities ({@code GET /v1/severities}), cached like the names declare() resolves. */
    public Future<List<Severity>> severities() {
        return catalog.list(Catalog.SEVERITIES);
    }

    /** The organisation's incident types ({@code GET /v1/incident_types}), cached. */
    public Future<List<IncidentType>> types() {
        return catalog.list(Catalog.TYPES);
    }

    /** The organisation's incident statuses ({@code GET /v1/incident_statuses}), cached. */
    public Future<List<IncidentStatus>> statuses() {
        return catalog.list(Catalog.STATUSES);
    }

    /** The organisation's incident roles ({@code GET /v2/incident_roles}), cached. */
    public Future<List<IncidentRole>> roles() {
        return catalog.list(Catalog.ROLES);
    }

    /** Fetches one incident by ID, reference ({@code INC-123}) or reference number ({@code 123}). */
    public Future<Incident> get(String idOrReference) {
        return Futures.attempt(() -> {
            String given = Checks.present(idOrReference, "id",
                    "pass an incident ID or reference (INC-123) to get(...)");
            String number = referenceNumber(given);
            return show(number != null ? number : given);
        });
    }

    /** Starts a list query ({@code GET /v2/incidents}); by default incident.io lists standard and retrospective ones. */
    public IncidentQuery list() {
        return new IncidentQuery(pager, BracketFilters.NONE, null, null, null, null);
    }

    /** Starts a watch on incidents: {@code watch().start()} is a stream of {@link Change}s. See {@link Watch}. */
    public IncidentWatch watch() {
        return new IncidentWatch(list(), WatchSettings.DEFAULTS);
    }

    Future<Incident> declare(IncidentPayloads.Create payload) {
        return transport.send(declareRequest(payload), IncidentPayloads.One.class).map(IncidentPayloads.One::incident);
    }

    Future<Incident> edit(String id, IncidentPayloads.Edit payload) {
        return transport.send(editRequest(id, payload), IncidentPayloads.One.class).map(IncidentPayloads.One::incident);
    }

    RequestPreview preview(IncidentPayloads.Create payload) {
        return transport.preview(declareRequest(payload));
    }

    RequestPreview editPreview(String idOrReference, IncidentPayloads.Edit payload) {
        return transport.preview(editRequest(idOrReference, payload));
    }

    /** Keyed: incident.io answers a repeat with the first incident, so the transport may resend after a lost answer. */
    private static ApiRequest declareRequest(IncidentPayloads.Create payload) {
        return ApiRequest.of(HttpMethod.POST, "/v2/incidents").withKeyedBody(payload);
    }

    private static ApiRequest editRequest(String id, IncidentPayloads.Edit payload) {
        // Not keyed: a repeat could post a second update to the channel, so a lost answer is reported, not resent.
        return ApiRequest.of(HttpMethod.POST, "/v2/incidents/{id}/actions/edit", id).withBody(payload);
    }

    References references() {
        return references;
    }

    Catalog catalog() {
        return catalog;
    }

    Future<Incident> show(String idOrNumber) {
        return transport.send(ApiRequest.of(HttpMethod.GET, "/v2/incidents/{id}", idOrNumber), IncidentPayloads.One.class)
                .map(IncidentPayloads.One::incident);
    }

    /**
     * The number of {@code INC-123} or {@code 123} without leading zeros ({@code "123"}), or null when
     * {@code given} is not a reference and so is an ID.
     */
    static String referenceNumber(String given) {
        // Every create asks this of its incident, nearly always an ID: scan in place, no regex, strip or upper-casing
        // copies. Same rule as before: blanks around, an optional "INC-" in any case, then 1 to 18 ASCII digits.
        int start = 0;
        int end = given.length();
        while (start < end && Character.isWhitespace(given.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(given.charAt(end - 1))) {
            end--;
        }
        if (end - start > 4 && given.regionMatches(true, start, "INC-", 0, 4)) {
            start += 4;
        }
        if (end - start < 1 || end - start > 18) {
            return null;
        }
        long number = 0;
        for (int i = start; i < end; i++) {
            char c = given.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            number = number * 10 + (c - '0');
        }
        return Long.toString(number);
    }

    @Override
    public String toString() {
        return "Incidents";
    }
}

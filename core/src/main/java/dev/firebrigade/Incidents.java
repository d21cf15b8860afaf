package dev.firebrigade;

import dev.firebrigade.internal.wire.IncidentPayloads;
import dev.firebrigade.internal.paging.Pager;
import dev.firebrigade.model.Incident;
import dev.firebrigade.ApiRequest;
import dev.firebrigade.internal.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;


/**
 * incident.io incidents: {@code incidents().get("INC-123")} and
 * {@code incidents().list().statusCategory(LIVE).fetch()}.
 *
 * <p>How an incident is named: {@code INC-123} (any case) or {@code 123} is a <em>reference</em>, sent to incident.io
 * as its number ({@code GET /v2/incidents/123}, which the API documents); anything else is an incident ID, used as
 * given. Only up to 18 digits count as a number, so a long all-digit ID stays an ID — and incident.io's show endpoint
 * accepts an ID in the same place, so even a short all-digit ID would still be found.
 */
public final class Incidents {

    private final Transport transport;
    private final Pager<Incident> pager;

    Incidents(Vertx vertx, Transport transport) {
        this.transport = transport;
        this.pager = new Pager<>(vertx, transport, IncidentPayloads.Many.class);
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

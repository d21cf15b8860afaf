package dev.firebrigade;

import dev.firebrigade.model.Incident;
import dev.firebrigade.transport.ApiRequest;
import dev.firebrigade.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern REFERENCE = Pattern.compile("(?:INC-)?(\\d{1,18})");

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
        Matcher m = REFERENCE.matcher(given.strip().toUpperCase(Locale.ROOT));
        return m.matches() ? Long.toString(Long.parseLong(m.group(1))) : null;
    }

    @Override
    public String toString() {
        return "Incidents";
    }
}

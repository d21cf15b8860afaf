package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.transport.ApiRequest;
import dev.firebrigade.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

import java.util.ArrayList;
import java.util.List;

/** A list of actions being asked for, immutable; {@link #fetch()} sends it. */
public final class ActionQuery {
    private final Transport transport;
    private final ActionsApi api;
    private final String incident;
    private final IncidentMode mode;

    ActionQuery(Transport transport, ActionsApi api, String incident, IncidentMode mode) {
        this.transport = transport;
        this.api = api;
        this.incident = incident;
        this.mode = mode;
    }

    /** Only the actions of this incident (its ID). */
    public ActionQuery forIncident(String incident) {
        return new ActionQuery(transport, api, incident == null ? "" : incident, mode);
    }

    /** Only actions of incidents in this mode; without it incident.io returns standard and retrospective ones. */
    public ActionQuery mode(IncidentMode mode) {
        return new ActionQuery(transport, api, incident, mode);
    }

    /** Every matching action (on V3, every page). */
    public Future<List<Action>> fetch() {
        return Futures.attempt(() -> pages(request(), null, new ArrayList<>()));
    }

    private ApiRequest request() {
        if (incident != null) {
            Checks.present(incident, "incident_id", "pass an incident ID to forIncident(...)");
        }
        if (mode == IncidentMode.UNKNOWN) {
            throw new InvalidInputException("incident_mode", "is UNKNOWN",
                    "pass STANDARD, RETROSPECTIVE, TEST, TUTORIAL or STREAM to mode(...)");
        }
        ApiRequest request = ApiRequest.of(HttpMethod.GET, api.path())
                .withQuery("incident_id", incident)
                .withQuery("incident_mode", mode == null ? null : mode.wireName());
        return api == ActionsApi.V3 ? request.withQuery("page_size", "250") : request;
    }

    private Future<List<Action>> pages(ApiRequest first, String after, List<Action> sofar) {
        return transport.send(first.withQuery("after", after), ActionPayloads.Many.class).compose(page -> {
            sofar.addAll(page.actions());
            String next = page.paginationMeta() == null ? null : page.paginationMeta().after();
            return next == null ? Future.succeededFuture(sofar) : pages(first, next, sofar);
        });
    }

    @Override
    public String toString() {
        return "ActionQuery[incident=" + incident + ", mode=" + mode + ", api=" + api + "]";
    }
}

package dev.firebrigade;

import dev.firebrigade.internal.paging.Pager;

import dev.firebrigade.model.IncidentUpdate;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/** A list of incident updates being asked for ({@code GET /v2/incident_updates}), immutable; read it as pages, a stream or a list. */
public final class IncidentUpdateQuery extends PagedQuery<IncidentUpdate> {
    /** incident.io's largest page of incident updates. */
    public static final int MAX_PAGE_SIZE = 250;

    private final References references;
    private final String incident;
    private final Integer pageSize;

    IncidentUpdateQuery(Pager<IncidentUpdate> pager, References references, String incident, Integer pageSize) {
        super(pager);
        this.references = references;
        this.incident = incident;
        this.pageSize = pageSize;
    }

    /** How many updates per page, 1 to {@value #MAX_PAGE_SIZE}. */
    public IncidentUpdateQuery pageSize(int pageSize) {
        return new IncidentUpdateQuery(pager(), references, incident, pageSize);
    }

    @Override
    Future<ApiRequest> firstRequest(int pageSizeIfUnset) {
        String size = pageSizeParam(pageSize, MAX_PAGE_SIZE, pageSizeIfUnset);
        ApiRequest request = ApiRequest.of(HttpMethod.GET, "/v2/incident_updates").withQuery("page_size", size);
        if (incident == null) {
            return Future.succeededFuture(request);
        }
        Checks.present(incident, "incident_id", "pass an incident ID or reference (INC-123) to forIncident(...)");
        return references.incidentId(incident, "incident_id", "forIncident(...)")
                .map(id -> request.withQuery("incident_id", id));
    }

    @Override
    public String toString() {
        return "IncidentUpdateQuery[" + (incident == null ? "all incidents" : "incident=" + incident)
                + ", pageSize=" + (pageSize == null ? "default" : pageSize) + "]";
    }
}

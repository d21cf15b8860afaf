package dev.firebrigade;

import dev.firebrigade.internal.paging.Pager;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.IncidentMode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/**
 * A list of actions being asked for, immutable. On the v3 API the list is paginated and can be filtered by creation
 * and update time; the v2 API answers everything in one page and knows no time filters (asking for one fails before
 * sending, rather than silently returning unfiltered actions). {@link #fetch()} returns every match on both.
 */
public final class ActionQuery extends IncidentItemQuery<Action, ActionQuery> {
    private final ActionsApi api;

    ActionQuery(Pager<Action> pager, References references, ActionsApi api, String incident, IncidentMode mode,
                Integer pageSize, BracketFilters filters, InvalidInputException invalid) {
        super(pager, references, incident, mode, pageSize, filters, invalid);
        this.api = api;
    }

    @Override
    ActionQuery with(String incident, IncidentMode mode, Integer pageSize, BracketFilters filters,
                     InvalidInputException invalid) {
        return new ActionQuery(pager(), references, api, incident, mode, pageSize, filters, invalid);
    }

    /** The first request, once the incident reference (if any) is resolved. */
    @Override
    Future<ApiRequest> firstRequest(int pageSizeIfUnset) {
        checkSteps();
        if (api == ActionsApi.V2 && (filters.has("created_at") || filters.has("updated_at"))) {
            throw new InvalidInputException(filters.has("created_at") ? "created_at" : "updated_at",
                    "filters need the v3 actions API",
                    "call setActionsApi(ActionsApi.V3) on IncidentIoOptions, or filter the fetched actions yourself");
        }
        String size = pageSizeParam(pageSize, MAX_PAGE_SIZE, pageSizeIfUnset);
        return withIncidentAndMode(ApiRequest.of(HttpMethod.GET, api.path())).map(request ->
                api == ActionsApi.V2 ? request : filters.applyTo(request.withQuery("page_size", size)));
    }

    @Override
    public String toString() {
        return "ActionQuery[incident=" + incident + ", mode=" + mode + ", api=" + api
                + (pageSize == null ? "" : ", pageSize=" + pageSize) + ", filters=" + filters + "]";
    }
}

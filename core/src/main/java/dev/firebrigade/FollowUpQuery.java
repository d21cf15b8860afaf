package dev.firebrigade;

import dev.firebrigade.internal.paging.Pager;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.FollowUp;
import dev.firebrigade.model.IncidentMode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/**
 * A list of follow-ups being asked for ({@code GET /v3/follow_ups}), immutable: by incident, incident mode, assignee
 * team, creation and update time; read it as pages, a stream or a list.
 */
public final class FollowUpQuery extends IncidentItemQuery<FollowUp, FollowUpQuery> {
    private final String assigneeTeam;

    FollowUpQuery(Pager<FollowUp> pager, References references, String incident, IncidentMode mode, Integer pageSize,
                  BracketFilters filters, InvalidInputException invalid, String assigneeTeam) {
        super(pager, references, incident, mode, pageSize, filters, invalid);
        this.assigneeTeam = assigneeTeam;
    }

    @Override
    FollowUpQuery with(String incident, IncidentMode mode, Integer pageSize, BracketFilters filters,
                       InvalidInputException invalid) {
        return new FollowUpQuery(pager(), references, incident, mode, pageSize, filters, invalid, assigneeTeam);
    }

    /** Only follow-ups assigned to this team (its ID). */
    public FollowUpQuery assigneeTeam(String teamId) {
        return new FollowUpQuery(pager(), references, incident, mode, pageSize, filters, invalid,
                teamId == null ? "" : teamId);
    }

    @Override
    Future<ApiRequest> firstRequest(int pageSizeIfUnset) {
        checkSteps();
        if (assigneeTeam != null) {
            Checks.present(assigneeTeam, "assignee_team_id", "pass a team ID to assigneeTeam(...)");
        }
        String size = pageSizeParam(pageSize, MAX_PAGE_SIZE, pageSizeIfUnset);
        return withIncidentAndMode(ApiRequest.of(HttpMethod.GET, "/v3/follow_ups")).map(request -> filters.applyTo(
                request.withQuery("assignee_team_id", assigneeTeam).withQuery("page_size", size)));
    }

    @Override
    public String toString() {
        return "FollowUpQuery[incident=" + incident + ", mode=" + mode
                + (assigneeTeam == null ? "" : ", assigneeTeam=" + assigneeTeam)
                + (pageSize == null ? "" : ", pageSize=" + pageSize) + ", filters=" + filters + "]";
    }
}

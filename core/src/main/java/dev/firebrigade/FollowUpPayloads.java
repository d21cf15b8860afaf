package dev.firebrigade;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.firebrigade.model.FollowUp;
import dev.firebrigade.model.FollowUpStatus;
import dev.firebrigade.model.IssueTracker;
import dev.firebrigade.model.PaginationMeta;

import java.util.List;

/** The JSON bodies of the v3 follow-ups endpoints, as the spec names them. */
final class FollowUpPayloads {
    private FollowUpPayloads() {
    }

    /**
     * {@code FollowUpsUpdatePayloadV3}: the whole follow-up is sent back. The assignees are always written, a null
     * included, because incident.io documents "Set to null to unassign".
     */
    record Update(String title, FollowUpStatus status, String description,
                  @JsonInclude(JsonInclude.Include.ALWAYS) String assigneeId,
                  @JsonInclude(JsonInclude.Include.ALWAYS) String assigneeTeamId,
                  String followUpPriorityOptionId, String followUpCategoryId, List<String> labels) {
    }

    /** {@code FollowUpsConnectExternalIssuePayloadV3}. */
    record ConnectExternalIssue(IssueTracker provider, String url) {
    }

    /** {@code FollowUpsCreateFromLinkPayloadV3}. */
    record CreateFromLink(String incidentId, String url) {
    }

    /** {@code FollowUpsShowResultV3}, and the create, update and connect results of the same shape. */
    record One(FollowUp followUp) {
    }

    /** {@code FollowUpsListResultV3}. */
    record Many(List<FollowUp> followUps, PaginationMeta paginationMeta) implements PageBody<FollowUp> {
        @Override
        public List<FollowUp> items() {
            return followUps == null ? List.of() : followUps;
        }
    }
}

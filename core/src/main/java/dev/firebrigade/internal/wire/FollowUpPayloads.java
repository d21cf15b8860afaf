package dev.firebrigade.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.firebrigade.model.FollowUp;
import dev.firebrigade.model.FollowUpStatus;
import dev.firebrigade.model.IssueTracker;
import dev.firebrigade.model.PaginationMeta;

import java.util.List;

/** The JSON bodies of the v3 follow-ups endpoints, as the spec names them. */
public final class FollowUpPayloads {
    private FollowUpPayloads() {
    }

    /**
     * {@code FollowUpsUpdatePayloadV3}: the whole follow-up is sent back. The assignees are always written, a null
     * included, because incident.io documents "Set to null to unassign".
     */
    public record Update(String title, FollowUpStatus status, String description,
                  @JsonInclude(JsonInclude.Include.ALWAYS) String assigneeId,
                  @JsonInclude(JsonInclude.Include.ALWAYS) String assigneeTeamId,
                  String followUpPriorityOptionId, String followUpCategoryId, List<String> labels) {
    }

    /** {@code FollowUpsCreatePayloadV3}; absent fields are left out. */
    public record Create(String incidentId, String title, String description, String assigneeId,
                         String followUpPriorityOptionId, String followUpCategoryId, List<String> labels) {
        /** The same follow-up for another incident and assignee (both resolved to IDs). */
        public Create withIds(String incidentId, String assigneeId) {
            return new Create(incidentId, title, description, assigneeId, followUpPriorityOptionId,
                    followUpCategoryId, labels);
        }
    }

    /** {@code FollowUpsConnectExternalIssuePayloadV3}. */
    public record ConnectExternalIssue(IssueTracker provider, String url) {
    }

    /** {@code FollowUpsCreateFromLinkPayloadV3}. */
    public record CreateFromLink(String incidentId, String url) {
    }

    /** {@code FollowUpsShowResultV3}, and the create, update and connect results of the same shape. */
    public record One(FollowUp followUp) {
    }

    /** {@code FollowUpsListResultV3}. */
    public record Many(List<FollowUp> followUps, PaginationMeta paginationMeta) implements PageBody<FollowUp> {
        @Override
        public List<FollowUp> items() {
            return followUps == null ? List.of() : followUps;
        }
    }
}

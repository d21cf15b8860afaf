package dev.firebrigade.internal.wire;

import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.model.PaginationMeta;

import java.util.List;

/** The JSON bodies of the actions endpoints, as the spec names them. */
public final class ActionPayloads {
    private ActionPayloads() {
    }

    /** {@code ActionsCreatePayloadV2}. */
    public record Create(String incidentId, String description, String assigneeId) {
    }

    /** {@code ActionsUpdatePayloadV2}: PUT replaces the action, so every field is sent; no assignee unassigns. */
    public record Update(String description, ActionStatus status, String assigneeId) {
    }

    /** {@code ActionsCreateResultV2}, {@code ActionsShowResultV2} and {@code ActionsUpdateResultV2}. */
    public record One(Action action) {
    }

    /** {@code ActionsListResultV2} (one page holding everything), and V3's paginated form. */
    public record Many(List<Action> actions, PaginationMeta paginationMeta) implements PageBody<Action> {
        @Override
        public List<Action> items() {
            return actions == null ? List.of() : actions;
        }
    }
}

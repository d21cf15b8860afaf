package dev.firebrigade;

import dev.firebrigade.internal.wire.FollowUpPayloads;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.FollowUp;
import dev.firebrigade.model.FollowUpStatus;
import dev.firebrigade.model.User;
import io.vertx.core.Future;

import java.util.List;

/**
 * Changes to an existing follow-up, immutable like the drafts. incident.io's PUT wants the whole follow-up (title and
 * status are required), so {@link #apply()} fetches the current one and sends it back with only the named changes.
 */
public final class FollowUpEdit {
    private static final String STEP_ASSIGNEE = "assignTo(...)";

    private final FollowUps followUps;
    private final String id;
    private final String title;
    private final String description;
    private final FollowUpStatus status;
    /** Null when unchanged; {@link Assign#NOBODY} to unassign. */
    private final Assign assignee;
    private final Assign team;
    private final String priority;
    private final String category;
    private final List<String> labels;

    /** A new assignee (a user or a team), or nobody. */
    private record Assign(String to) {
        static final Assign NOBODY = new Assign(null);

        static Assign to(String given) {
            return new Assign(given == null ? "" : given);
        }

        @Override
        public String toString() {
            return to == null ? "unassigned" : to;
        }
    }

    FollowUpEdit(FollowUps followUps, String id) {
        this(followUps, id, null, null, null, null, null, null, null, null);
    }

    private FollowUpEdit(FollowUps followUps, String id, String title, String description, FollowUpStatus status,
                         Assign assignee, Assign team, String priority, String category, List<String> labels) {
        this.followUps = followUps;
        this.id = id;
        this.title = title;
        this.description = description;
        this.status = status;
        this.assignee = assignee;
        this.team = team;
        this.priority = priority;
        this.category = category;
        this.labels = labels;
    }

    /** A new title. */
    public FollowUpEdit title(String title) {
        return new FollowUpEdit(followUps, id, orBlank(title), description, status, assignee, team, priority, category, labels);
    }

    /** A new description, in Markdown. */
    public FollowUpEdit describe(String markdown) {
        return new FollowUpEdit(followUps, id, title, orBlank(markdown), status, assignee, team, priority, category, labels);
    }

    /** A new status; {@code DELETED} is refused here (incident.io forbids it: use {@code followUps().delete(id)}). */
    public FollowUpEdit status(FollowUpStatus status) {
        return new FollowUpEdit(followUps, id, title, description, status, assignee, team, priority, category, labels);
    }

    /** A new assignee: a user ID, or an email resolved to the single active user with it (cached). */
    public FollowUpEdit assignTo(String user) {
        return new FollowUpEdit(followUps, id, title, description, status, Assign.to(user), team, priority, category, labels);
    }

    /** A new assignee. */
    public FollowUpEdit assignTo(User user) {
        return assignTo(user == null ? null : user.id());
    }

    /** Clears the assignee. */
    public FollowUpEdit unassign() {
        return new FollowUpEdit(followUps, id, title, description, status, Assign.NOBODY, team, priority, category, labels);
    }

    /** A new assignee team, by ID. */
    public FollowUpEdit assignTeam(String teamId) {
        return new FollowUpEdit(followUps, id, title, description, status, assignee, Assign.to(teamId), priority, category, labels);
    }

    /** Clears the assignee team. */
    public FollowUpEdit unassignTeam() {
        return new FollowUpEdit(followUps, id, title, description, status, assignee, Assign.NOBODY, priority, category, labels);
    }

    /** A new priority, by its option ID. */
    public FollowUpEdit priority(String priorityId) {
        return new FollowUpEdit(followUps, id, title, description, status, assignee, team, orBlank(priorityId), category, labels);
    }

    /** A new category, by ID. */
    public FollowUpEdit category(String categoryId) {
        return new FollowUpEdit(followUps, id, title, description, status, assignee, team, priority, orBlank(categoryId), labels);
    }

    /** The labels, replacing the current ones. */
    public FollowUpEdit labels(String... labels) {
        return new FollowUpEdit(followUps, id, title, description, status, assignee, team, priority, category,
                labels == null ? null : java.util.Arrays.asList(labels));
    }

    /**
     * Resolves an email given to {@code assignTo}, fetches the follow-up, applies the changes and sends {@code PUT};
     * fails without sending on bad input or an email that does not resolve.
     */
    public Future<FollowUp> apply() {
        return Futures.attempt(() -> {
            List<String> checkedLabels = checkChanges();
            Future<String> newAssignee = assignee != null && assignee.to() != null
                    ? followUps.references().userId(assignee.to(), "assignee_id", STEP_ASSIGNEE)
                    : Future.succeededFuture();
            return newAssignee.compose(resolved -> followUps.get(id)
                    .compose(current -> followUps.replace(id, merged(current, resolved, checkedLabels))));
        });
    }

    private List<String> checkChanges() {
        Checks.present(id, "id", "pass the ID of the follow-up to edit(...)");
        if (title != null) {
            Checks.present(title, "title", "pass the new title to title(...)");
        }
        if (description != null) {
            Checks.present(description, "description", "pass the new text to describe(...)");
        }
        if (status == FollowUpStatus.DELETED) {
            throw new InvalidInputException("status", "cannot be set to deleted (incident.io forbids it)",
                    "call followUps().delete(id) instead");
        }
        if (status == FollowUpStatus.UNKNOWN) {
            throw new InvalidInputException("status", "is UNKNOWN",
                    "pass OUTSTANDING, COMPLETED or NOT_DOING to status(...)");
        }
        if (assignee != null && assignee.to() != null) {
            Checks.present(assignee.to(), "assignee_id", "pass a user ID, an email or a User to assignTo(...), or call unassign()");
        }
        if (team != null && team.to() != null) {
            Checks.present(team.to(), "assignee_team_id", "pass a team ID to assignTeam(...), or call unassignTeam()");
        }
        if (priority != null) {
            Checks.present(priority, "follow_up_priority_option_id", "pass a priority option ID to priority(...)");
        }
        if (category != null) {
            Checks.present(category, "follow_up_category_id", "pass a category ID to category(...)");
        }
        if (labels == null) {
            return null;
        }
        for (String label : labels) {
            Checks.present(label, "labels", "pass non-blank labels to labels(...)");
        }
        return List.copyOf(labels);
    }

    private FollowUpPayloads.Update merged(FollowUp current, String resolvedAssignee, List<String> newLabels) {
        return new FollowUpPayloads.Update(
                title != null ? title : current.title(),
                status != null ? status : current.status(),
                description != null ? description : current.description(),
                assignee != null ? resolvedAssignee : current.assignee() == null ? null : current.assignee().id(),
                team != null ? team.to() : current.assigneeTeam() == null ? null : current.assigneeTeam().id(),
                priority != null ? priority : current.priority() == null ? null : current.priority().id(),
                category != null ? category : current.category() == null ? null : current.category().id(),
                newLabels != null ? newLabels : current.labels());
    }

    private static String orBlank(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "FollowUpEdit[id=" + id + (title == null ? "" : ", title=" + title)
                + (description == null ? "" : ", description=" + description)
                + (status == null ? "" : ", status=" + status)
                + (assignee == null ? "" : ", assignee=" + assignee) + (team == null ? "" : ", team=" + team)
                + (priority == null ? "" : ", priority=" + priority) + (category == null ? "" : ", category=" + category)
                + (labels == null ? "" : ", labels=" + labels) + "]";
    }
}

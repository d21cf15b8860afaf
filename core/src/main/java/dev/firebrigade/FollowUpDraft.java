package dev.firebrigade;

import dev.firebrigade.internal.wire.FollowUpPayloads;
import dev.firebrigade.model.FollowUp;
import dev.firebrigade.model.User;
import io.vertx.core.Future;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A follow-up being written, immutable like {@link ActionDraft}: every step returns a new draft, so
 * {@code var postMortem = followUps().forIncident("INC-2")} can start many. {@link #create()} checks the draft before
 * anything is sent, resolves an {@code INC-123} reference and an email to IDs (cached per client) and sends
 * {@code POST /v3/follow_ups} through the create engine, which neither loses nor doubles a follow-up whose answer
 * was lost.
 */
public final class FollowUpDraft {
    private static final String FIX_INCIDENT = "call forIncident(\"<incident ID or INC-123>\") before create()";
    private static final String FIX_TITLE = "call title(\"what will be done\") before create()";
    private static final String STEP_INCIDENT = "forIncident(...)";
    private static final String STEP_ASSIGNEE = "assignTo(...)";

    private final FollowUps followUps;
    private final String incident;
    private final String title;
    private final String description;
    /** Null when unassigned; blank when assignTo was given nothing, reported at create(). */
    private final String assignee;
    private final String priority;
    private final String category;
    private final List<String> labels;

    FollowUpDraft(FollowUps followUps, String incident, String title, String description, String assignee,
                  String priority, String category, List<String> labels) {
        this.followUps = followUps;
        this.incident = incident;
        this.title = title;
        this.description = description;
        this.assignee = assignee;
        this.priority = priority;
        this.category = category;
        this.labels = labels;
    }

    /** The incident it follows: its ID, or its reference {@code "INC-123"} or {@code "123"}. */
    public FollowUpDraft forIncident(String incident) {
        return new FollowUpDraft(followUps, orBlank(incident), title, description, assignee, priority, category, labels);
    }

    /** What will be done, one line (required). */
    public FollowUpDraft title(String title) {
        return new FollowUpDraft(followUps, incident, orBlank(title), description, assignee, priority, category, labels);
    }

    /** The details, in Markdown (optional). */
    public FollowUpDraft describe(String markdown) {
        return new FollowUpDraft(followUps, incident, title, orBlank(markdown), assignee, priority, category, labels);
    }

    /** Who will do it: a user ID, or an email resolved to the single active user with it. */
    public FollowUpDraft assignTo(String user) {
        return new FollowUpDraft(followUps, incident, title, description, orBlank(user), priority, category, labels);
    }

    /** Who will do it. */
    public FollowUpDraft assignTo(User user) {
        return assignTo(user == null ? null : user.id());
    }

    /** The same draft without an assignee. */
    public FollowUpDraft unassigned() {
        return new FollowUpDraft(followUps, incident, title, description, null, priority, category, labels);
    }

    /** Its priority, by option ID (incident.io's API lists no priorities, so names cannot be resolved). */
    public FollowUpDraft priority(String priorityId) {
        return new FollowUpDraft(followUps, incident, title, description, assignee, orBlank(priorityId), category, labels);
    }

    /** Its category, by ID (incident.io's API lists no categories). */
    public FollowUpDraft category(String categoryId) {
        return new FollowUpDraft(followUps, incident, title, description, assignee, priority, orBlank(categoryId), labels);
    }

    /** Its labels, replacing any given before. */
    public FollowUpDraft labels(String... labels) {
        return new FollowUpDraft(followUps, incident, title, description, assignee, priority, category,
                labels == null ? null : Arrays.asList(labels));
    }

    /**
     * Resolves references, then creates the follow-up; fails without sending when the draft is incomplete or a
     * reference does not resolve. An answer lost after sending is settled by listing the incident's follow-ups,
     * never by a blind resend; an outcome that stays unknown fails with {@code OutcomeUnknownException}.
     */
    public Future<FollowUp> create() {
        return Futures.attempt(() -> resolved(payload()).compose(followUps::create));
    }

    /**
     * The request {@link #create()} would send, key redacted, computed locally: nothing is sent, so a reference or
     * email shows as given. {@link #resolvedDryRun()} shows the IDs they resolve to.
     */
    public RequestPreview dryRun() {
        return followUps.preview(payload());
    }

    /** The exact request {@link #create()} would send; only the read-only lookups are sent (and cached). */
    public Future<RequestPreview> resolvedDryRun() {
        return Futures.attempt(() -> resolved(payload()).map(followUps::preview));
    }

    /** The incident as given, or null. */
    public String incident() {
        return incident;
    }

    /** The title as given, or null. */
    public String title() {
        return title;
    }

    /** The description as given, or null. */
    public String description() {
        return description;
    }

    /** The assignee as given (a user ID or an email), or null when unassigned. */
    public String assignee() {
        return assignee;
    }

    /** The priority option ID as given, or null. */
    public String priority() {
        return priority;
    }

    /** The category ID as given, or null. */
    public String category() {
        return category;
    }

    /** The labels as given, or null when none were. */
    public List<String> labels() {
        return labels == null ? null : Collections.unmodifiableList(labels);
    }

    FollowUpPayloads.Create payload() {
        List<String> checkedLabels = null;
        if (labels != null) {
            for (String label : labels) {
                Checks.present(label, "labels", "pass non-blank labels to labels(...)");
            }
            checkedLabels = List.copyOf(labels);
        }
        return new FollowUpPayloads.Create(
                Checks.present(incident, "incident_id", FIX_INCIDENT),
                Checks.present(title, "title", FIX_TITLE),
                description == null ? null : Checks.present(description, "description",
                        "pass the details to describe(...), or leave it out"),
                assignee == null ? null : Checks.present(assignee, "assignee_id",
                        "pass a user ID, an email or a User to assignTo(...), or leave it out to create it unassigned"),
                priority == null ? null : Checks.present(priority, "follow_up_priority_option_id",
                        "pass a priority option ID to priority(...), or leave it out"),
                category == null ? null : Checks.present(category, "follow_up_category_id",
                        "pass a category ID to category(...), or leave it out"),
                checkedLabels);
    }

    /** {@link #payload()} with references resolved, as {@link #create()} sends it. */
    Future<FollowUpPayloads.Create> resolvedPayload() {
        return Futures.attempt(() -> resolved(payload()));
    }

    /** {@code given} with the incident and the assignee as IDs, both looked up at once when needed. */
    private Future<FollowUpPayloads.Create> resolved(FollowUpPayloads.Create given) {
        References references = followUps.references();
        Future<String> incidentId = references.incidentId(given.incidentId(), "incident_id", STEP_INCIDENT);
        Future<String> assigneeId = given.assigneeId() == null ? Future.succeededFuture()
                : references.userId(given.assigneeId(), "assignee_id", STEP_ASSIGNEE);
        return Future.all(incidentId, assigneeId).map(both -> incidentId.result().equals(given.incidentId())
                && Objects.equals(assigneeId.result(), given.assigneeId()) ? given
                : given.withIds(incidentId.result(), assigneeId.result()));
    }

    private static String orBlank(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "FollowUpDraft[incident=" + incident + ", title=" + title
                + (description == null ? "" : ", description=" + description)
                + ", assignee=" + (assignee == null ? "unassigned" : assignee)
                + (priority == null ? "" : ", priority=" + priority) + (category == null ? "" : ", category=" + category)
                + (labels == null ? "" : ", labels=" + labels) + "]";
    }
}

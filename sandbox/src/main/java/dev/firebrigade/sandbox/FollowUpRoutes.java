package dev.firebrigade.sandbox;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /v3/follow_ups} from the spec's v3 schemas (API-NOTES §9): a paginated list (ID order, oldest first, with
 * {@code incident_id}, {@code incident_mode}, {@code assignee_team_id} and time filters), create, show, PUT (title and
 * status required; {@code deleted} refused; a null assignee unassigns), delete (gone afterwards, like actions),
 * connecting a tracker issue (refused when already connected) and creating from a tracker link. Choices where the spec
 * is silent: unknown IDs are a 422 {@code not_found} naming the field; create-from-link recognises GitHub, GitLab,
 * Jira (atlassian.net) and Linear links and titles the follow-up after the issue. As the spec says, a follow-up made
 * from a link is backdated to the issue's creation ({@code created_at}; the stand-in tracker's issue was created a day
 * before its link was first seen here) while {@code updated_at} is when it was written.
 */
final class FollowUpRoutes {
    private static final Set<String> PROVIDERS = Set.of("asana", "azure_devops", "click_up", "freshservice", "linear",
            "jira", "salesforce", "jira_server", "github", "gitlab", "service_now", "shortcut", "notion");

    private final SandboxState state;
    private final Replies replies;
    /** When the stand-in tracker's issue behind each link was created: every follow-up from it shares that time. */
    private final Map<String, Instant> issueCreated = new ConcurrentHashMap<>();

    FollowUpRoutes(SandboxState state, Replies replies) {
        this.state = state;
        this.replies = replies;
    }

    void register(Endpoints endpoints) {
        endpoints.add(GET, "/v3/follow_ups", this::list);
        endpoints.add(POST, "/v3/follow_ups", this::create);
        endpoints.add(POST, "/v3/follow_ups/actions/create_from_link", this::createFromLink);
        endpoints.add(GET, "/v3/follow_ups/{id}", this::show);
        endpoints.add(PUT, "/v3/follow_ups/{id}", this::update);
        endpoints.add(DELETE, "/v3/follow_ups/{id}", this::delete);
        endpoints.add(POST, "/v3/follow_ups/{id}/actions/connect_external_issue", this::connect);
    }

    private void list(RoutingContext ctx) {
        Optional<String> team = Requests.query(ctx, "assignee_team_id");
        replies.send(ctx, 200, IncidentItemLists.v3Page(ctx, "follow_ups",
                f -> team.map(t -> f.getJsonObject("assignee_team") != null
                        && t.equals(f.getJsonObject("assignee_team").getString("id"))).orElse(true),
                state::followUpsWhere));
    }

    private void create(RoutingContext ctx) {
        var body = Requests.jsonObject(ctx);
        var errors = new ArrayList<JsonObject>();
        var incidentId = Requests.requiredString(body, "incident_id", "An incident_id is required to create a follow-up", errors);
        var title = Requests.requiredString(body, "title", "A title is required to create a follow-up", errors);
        var fields = editable(body, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Endpoints.rejectIfContractBroken(ctx);
        existingIncident(incidentId);
        ApiKeyIdentity creator = ctx.get(Sandbox.IDENTITY);
        var followUp = state.putFollowUp(fields.put("incident_id", incidentId).put("title", title)
                .put("creator", creator.toActor()));
        replies.send(ctx, 201, new JsonObject().put("follow_up", followUp));
    }

    private void createFromLink(RoutingContext ctx) {
        var body = Requests.jsonObject(ctx);
        var errors = new ArrayList<JsonObject>();
        var incidentId = Requests.requiredString(body, "incident_id", "An incident_id is required", errors);
        var url = Requests.requiredString(body, "url", "A url of an issue is required", errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Endpoints.rejectIfContractBroken(ctx);
        existingIncident(incidentId);
        var issue = issueFromLink(url, null);
        ApiKeyIdentity creator = ctx.get(Sandbox.IDENTITY);
        var created = issueCreated.computeIfAbsent(issue.getString("issue_permalink"),
                link -> Timestamps.now().minus(Duration.ofDays(1)));
        var followUp = state.putFollowUp(new JsonObject().put("incident_id", incidentId)
                .put("title", issue.getString("issue_name")).put("external_issue_reference", issue)
                .put("creator", creator.toActor()).put("created_at", Timestamps.format(created)));
        replies.send(ctx, 201, new JsonObject().put("follow_up", followUp));
    }

    private void show(RoutingContext ctx) {
        var id = ctx.pathParam("id");
        replies.send(ctx, 200, new JsonObject().put("follow_up", existing(id)));
    }

    private void update(RoutingContext ctx) {
        var id = ctx.pathParam("id");
        var body = Requests.jsonObject(ctx);
        var errors = new ArrayList<JsonObject>();
        var title = Requests.requiredString(body, "title", "A title is required to update a follow-up", errors);
        var status = Requests.requiredString(body, "status", "A status is required to update a follow-up", errors);
        IncidentItemLists.checkSettableStatus(status, errors);
        var fields = editable(body, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Endpoints.rejectIfContractBroken(ctx);
        var current = existing(id);
        var now = Timestamps.format(Timestamps.now());
        // As for actions (our assumption): completed_at is stamped on completion, kept while completed, cleared otherwise.
        if ("completed".equals(status)) {
            fields.put("completed_at", "completed".equals(current.getString("status"))
                    ? current.getString("completed_at", now) : now);
        } else {
            current.remove("completed_at");
        }
        for (var unassignable : List.of("assignee", "assignee_team")) {
            if (!fields.containsKey(unassignable)) {
                current.remove(unassignable);
            }
        }
        var updated = current.mergeIn(fields).put("title", title).put("status", status).put("updated_at", now);
        replies.send(ctx, 200, new JsonObject().put("follow_up", state.putFollowUp(updated)));
    }

    private void delete(RoutingContext ctx) {
        var id = ctx.pathParam("id");
        if (!state.deleteFollowUp(id)) {
            throw notFound(id);
        }
        replies.noContent(ctx);
    }

    private void connect(RoutingContext ctx) {
        var id = ctx.pathParam("id");
        var body = Requests.jsonObject(ctx);
        var errors = new ArrayList<JsonObject>();
        var provider = Requests.requiredString(body, "provider", "A provider is required", errors);
        var url = Requests.requiredString(body, "url", "A url is required", errors);
        if (provider != null && !PROVIDERS.contains(provider)) {
            errors.add(ErrorBodies.error("invalid_value", "The provider '" + provider + "' is not supported", "provider"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Endpoints.rejectIfContractBroken(ctx);
        var current = existing(id);
        if (current.getJsonObject("external_issue_reference") != null) {
            throw ApiException.invalidValue("url", "This follow-up is already connected to "
                    + current.getJsonObject("external_issue_reference").getString("issue_permalink"));
        }
        var issue = issueFromLink(url, provider);
        current.put("external_issue_reference", issue).put("updated_at", Timestamps.format(Timestamps.now()));
        replies.send(ctx, 200, new JsonObject().put("follow_up", state.putFollowUp(current)));
    }

    /** The optional fields create and update share, as {@code FollowUpV3} fields; a null assignee stays out. */
    private JsonObject editable(JsonObject body, List<JsonObject> errors) {
        var fields = new JsonObject();
        Requests.optionalString(body, "description", errors).ifPresent(d -> fields.put("description", d));
        Requests.optionalString(body, "assignee_id", errors).ifPresent(id -> fields.put("assignee",
                state.user(id).map(SandboxState::userRef).orElseThrow(() ->
                        ApiException.validation("assignee_id", "not_found", "No user found with ID '" + id + "'"))));
        Requests.optionalString(body, "assignee_team_id", errors).ifPresent(id ->
                fields.put("assignee_team", new JsonObject().put("id", id).put("name", "Team " + id)));
        Requests.optionalString(body, "follow_up_priority_option_id", errors).ifPresent(id -> fields.put("priority",
                catalogEntry(state.followUpPriorities(), id, "follow_up_priority_option_id", "priority")));
        Requests.optionalString(body, "follow_up_category_id", errors).ifPresent(id -> fields.put("category",
                catalogEntry(state.followUpCategories(), id, "follow_up_category_id", "category")));
        var labels = body.getValue("labels");
        if (labels instanceof JsonArray list) {
            fields.put("labels", list.copy());
        } else if (labels != null) {
            errors.add(ErrorBodies.error("invalid_value", "The labels must be a list of strings", "labels"));
        }
        return fields;
    }

    private static JsonObject catalogEntry(List<JsonObject> entries, String id, String field, String what) {
        return entries.stream().filter(e -> e.getString("id").equals(id)).findFirst().orElseThrow(() ->
                ApiException.validation(field, "not_found", "No follow-up " + what + " found with ID '" + id + "'"));
    }

    private void existingIncident(String incidentId) {
        if (state.incident(incidentId).filter(i -> i.getString("id").equals(incidentId)).isEmpty()) {
            throw ApiException.validation("incident_id", "not_found", "No incident found with ID '" + incidentId + "'");
        }
    }

    private JsonObject existing(String id) {
        return state.followUp(id).orElseThrow(() -> notFound(id));
    }

    /**
     * An {@code ExternalIssueReferenceV2} for an https link to an issue of {@code provider}, or, when that is null, of
     * the tracker its host shows; a 422 for a link that names no issue or no known tracker.
     */
    private static JsonObject issueFromLink(String url, String given) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidValue("url", "The url is not a valid link");
        }
        var host = uri.getHost() == null ? "" : uri.getHost();
        var path = uri.getPath() == null ? "" : uri.getPath();
        String provider = given != null ? given : host.equals("github.com") ? "github" : host.equals("gitlab.com") ? "gitlab"
                : host.endsWith(".atlassian.net") ? "jira" : host.equals("linear.app") ? "linear" : null;
        if (!"https".equals(uri.getScheme()) || provider == null || path.length() < 2) {
            throw ApiException.invalidValue("url", "The url is not an issue of a connected issue tracker");
        }
        return new JsonObject().put("provider", provider).put("issue_name", path.substring(1))
                .put("issue_permalink", url.strip());
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("No follow-up found with ID '" + id + "'");
    }
}

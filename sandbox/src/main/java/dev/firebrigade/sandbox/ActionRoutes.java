package dev.firebrigade.sandbox;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /v3/actions} and the deprecated {@code /v2/actions}: the same state behind both (v3's list is paginated and
 * filters by time), following API-NOTES §6 and the spec. incident.io documents v2's deprecation in its spec ("will be
 * removed on 31 December 2026. Use ... /v3/actions instead"); on the wire, v2 answers here also carry the standard
 * {@code Sunset} header (RFC 8594) with that date and a {@code Link} to the v3 successor, which incident.io does not
 * document (our choice, so clients can notice). {@link SandboxOptions#setActionsV2RemovedStatus} simulates the removal.
 * Undocumented behaviour we chose: an unknown {@code incident_id} or {@code assignee_id} is a 422
 * {@code validation_error} with code {@code not_found} naming the field; a deleted action is gone (404 afterwards,
 * never listed with status {@code deleted}).
 */
final class ActionRoutes {

    /** The removal date as an HTTP date, for the {@code Sunset} header. */
    static final String V2_SUNSET = "Thu, 31 Dec 2026 00:00:00 GMT";

    private final SandboxState state;
    private final Replies replies;
    /** 0 while v2 is served; else the status every v2 route answers, as after incident.io removed it. */
    private final int v2RemovedStatus;
    /** Whether descriptions are stored with their line ends turned into LF ({@link SandboxOptions#setNormaliseLineEnds}). */
    private final boolean normaliseLineEnds;

    ActionRoutes(SandboxState state, Replies replies, int v2RemovedStatus, boolean normaliseLineEnds) {
        this.state = state;
        this.replies = replies;
        this.v2RemovedStatus = v2RemovedStatus;
        this.normaliseLineEnds = normaliseLineEnds;
    }

    /** The description as this sandbox stores it. */
    private String stored(String description) {
        return normaliseLineEnds && description != null ? description.replace("\r\n", "\n").replace('\r', '\n')
                : description;
    }

    void register(Endpoints endpoints) {
        endpoints.add(POST, "/v3/actions", this::create);
        endpoints.add(GET, "/v3/actions", this::listV3);
        endpoints.add(GET, "/v3/actions/{id}", this::show);
        endpoints.add(PUT, "/v3/actions/{id}", this::update);
        endpoints.add(DELETE, "/v3/actions/{id}", this::delete);
        endpoints.add(POST, "/v2/actions", v2(this::create));
        endpoints.add(GET, "/v2/actions", v2(this::listV2));
        endpoints.add(GET, "/v2/actions/{id}", v2(this::show));
        endpoints.add(PUT, "/v2/actions/{id}", v2(this::update));
        endpoints.add(DELETE, "/v2/actions/{id}", v2(this::delete));
    }

    /** A v2 route: answered with its deprecation while served, refused once removed. */
    private Handler<RoutingContext> v2(Handler<RoutingContext> route) {
        return ctx -> {
            if (v2RemovedStatus != 0) {
                var replacement = ctx.request().method() + " " + ctx.request().path().replaceFirst("^/v2/", "/v3/");
                throw new ApiException(v2RemovedStatus, ErrorBodies.typeFor(v2RemovedStatus), List.of(ErrorBodies.error(
                        v2RemovedStatus == 410 ? "gone" : "not_found", "This endpoint was removed on 31 December 2026. Use "
                                + replacement.replaceAll("/v3/actions/[^/]+$", "/v3/actions/{id}") + " instead.", null)));
            }
            ctx.response().putHeader("Sunset", V2_SUNSET)
                    .putHeader("Link", "</v3/actions>; rel=\"successor-version\"");
            route.handle(ctx);
        };
    }

    private void create(RoutingContext ctx) {
        var body = Requests.jsonObject(ctx);
        var errors = new ArrayList<JsonObject>();
        var incidentId = Requests.requiredString(body, "incident_id", "An incident_id is required to create an action", errors);
        var description = Requests.requiredString(body, "description", "A description is required to create an action", errors);
        var assigneeId = Requests.optionalString(body, "assignee_id", errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Endpoints.rejectIfContractBroken(ctx);
        if (state.incident(incidentId).filter(incident -> incident.getString("id").equals(incidentId)).isEmpty()) {
            throw ApiException.validation("incident_id", "not_found", "No incident found with ID '" + incidentId + "'");
        }
        var assignee = assigneeId.map(this::assignee).orElse(null);
        ApiKeyIdentity creator = ctx.get(Sandbox.IDENTITY);
        var action = state.createAction(incidentId, stored(description), assignee, creator.toActor());
        replies.send(ctx, 201, new JsonObject().put("action", action));
    }

    private void listV2(RoutingContext ctx) {
        var actions = state.actionsWhere(IncidentItemLists.forIncident(ctx), IncidentItemLists.incidentModes(ctx));
        replies.send(ctx, 200, new JsonObject().put("actions", new JsonArray(new ArrayList<Object>(actions))));
    }

    private void listV3(RoutingContext ctx) {
        replies.send(ctx, 200, IncidentItemLists.v3Page(ctx, "actions", action -> true, state::actionsWhere));
    }

    private void show(RoutingContext ctx) {
        var id = ctx.pathParam("id");
        var action = state.action(id).orElseThrow(() -> notFound(id));
        replies.send(ctx, 200, new JsonObject().put("action", action));
    }

    private void update(RoutingContext ctx) {
        var id = ctx.pathParam("id");
        var body = Requests.jsonObject(ctx);
        var errors = new ArrayList<JsonObject>();
        var description = Requests.requiredString(body, "description", "A description is required to update an action", errors);
        var status = Requests.requiredString(body, "status", "A status is required to update an action", errors);
        IncidentItemLists.checkSettableStatus(status, errors);
        // PUT replaces: an absent assignee_id unassigns just like an explicit null.
        var assigneeId = Requests.optionalString(body, "assignee_id", errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Endpoints.rejectIfContractBroken(ctx);
        if (state.action(id).isEmpty()) {
            throw notFound(id);
        }
        var assignee = assigneeId.map(this::assignee).orElse(null);
        var action = state.replaceAction(id, stored(description), status, assignee).orElseThrow(() -> notFound(id));
        replies.send(ctx, 200, new JsonObject().put("action", action));
    }

    private void delete(RoutingContext ctx) {
        var id = ctx.pathParam("id");
        if (!state.deleteAction(id)) {
            throw notFound(id);
        }
        replies.noContent(ctx);
    }

    private JsonObject assignee(String userId) {
        return state.user(userId)
                .map(SandboxState::userRef)
                .orElseThrow(() -> ApiException.validation("assignee_id", "not_found", "No user found with ID '" + userId + "'"));
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("No action found with ID '" + id + "'");
    }
}

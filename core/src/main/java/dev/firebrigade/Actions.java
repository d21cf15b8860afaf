package dev.firebrigade;

import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.transport.ApiRequest;
import dev.firebrigade.transport.RequestPreview;
import dev.firebrigade.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

/**
 * Incident actions: {@code actions().forIncident(id).describe("…").assignTo(user).create()}, and get, list,
 * complete, reopen, edit and delete. Works against {@code /v2/actions} or {@code /v3/actions} as configured.
 */
public final class Actions {
    private final Transport transport;
    private final ActionsApi api;
    private final References references;
    private final Pager<Action> pager;
    /** Claims outlive any reconciliation window: the longest call plus the clock tolerance, with room to spare. */
    private final CreateLedger ledger;

    Actions(Transport transport, ActionsApi api, References references, Vertx vertx) {
        this.transport = transport;
        this.api = api;
        this.references = references;
        this.pager = new Pager<>(vertx, transport, ActionPayloads.Many.class);
        this.ledger = new CreateLedger(transport.callTimeout().multipliedBy(2)
                .plus(transport.retryPolicy().clockSkewTolerance()).plusMinutes(10));
    }

    /** Starts a new action for an incident, given by its ID or reference ({@code INC-123} or {@code 123}). */
    public ActionDraft forIncident(String incident) {
        return new ActionDraft(this, null, null, null).forIncident(incident);
    }

    /** Fetches one action. */
    public Future<Action> get(String id) {
        return Futures.attempt(() -> transport
                .send(ApiRequest.of(HttpMethod.GET, api.path() + "/{id}", id), ActionPayloads.One.class)
                .map(ActionPayloads.One::action));
    }

    /** Starts a list query; finish it with {@code fetch()}, {@code firstPage()}, {@code stream()} or {@code collect(n)}. */
    public ActionQuery list() {
        return new ActionQuery(pager, references, api, null, null, null, BracketFilters.NONE, null);
    }

    /** Marks an action completed, keeping its description and assignee. */
    public Future<Action> complete(String id) {
        return edit(id).status(ActionStatus.COMPLETED).apply();
    }

    /** Marks an action outstanding again. */
    public Future<Action> reopen(String id) {
        return edit(id).status(ActionStatus.OUTSTANDING).apply();
    }

    /** Starts an edit of an existing action; finish it with {@code apply()}. */
    public ActionEdit edit(String id) {
        return new ActionEdit(this, id, null, null, null, false);
    }

    /** Deletes an action (incident.io answers 204). */
    public Future<Void> delete(String id) {
        return Futures.attempt(() -> transport.send(ApiRequest.of(HttpMethod.DELETE, api.path() + "/{id}", id), Void.class));
    }

    References references() {
        return references;
    }

    /** Creates the action without losing or doubling it when the answer is lost: see {@link SafeCreate}. */
    Future<Action> create(ActionPayloads.Create payload) {
        return new SafeCreate(transport, ledger, createRequest(payload), payload,
                mode -> list().forIncident(payload.incidentId()).mode(mode).fetch()).run();
    }

    RequestPreview preview(ActionPayloads.Create payload) {
        return transport.preview(createRequest(payload));
    }

    Future<Action> replace(String id, ActionPayloads.Update payload) {
        return Futures.attempt(() -> transport
                .send(ApiRequest.of(HttpMethod.PUT, api.path() + "/{id}", id).withBody(payload), ActionPayloads.One.class)
                .map(ActionPayloads.One::action));
    }

    private ApiRequest createRequest(ActionPayloads.Create payload) {
        return ApiRequest.of(HttpMethod.POST, api.path()).withBody(payload);
    }
}

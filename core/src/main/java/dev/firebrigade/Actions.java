package dev.firebrigade;

import dev.firebrigade.internal.wire.ActionPayloads;
import dev.firebrigade.internal.paging.Pager;
import dev.firebrigade.bulk.Bulk;
import dev.firebrigade.bulk.BulkSource;
import dev.firebrigade.bulk.JournalBinding;
import dev.firebrigade.error.ActionsApiRemovedException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.internal.create.BulkAccess;
import dev.firebrigade.internal.create.CreateEngine;
import dev.firebrigade.internal.create.Creatable;
import dev.firebrigade.internal.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Incident actions: {@code actions().forIncident(id).describe("…").assignTo(user).create()}, and get, list,
 * complete, reopen, edit and delete. Works against {@code /v2/actions} or {@code /v3/actions} as configured.
 */
public final class Actions {
    private final Transport transport;
    private final ActionsApi api;
    private final References references;
    private final Pager<Action> pager;
    private final CreateEngine<Action> engine;
    private final BulkAccess.Bridge<ActionDraft, Action> bridge = new BulkAccess.Bridge<>() {
        @Override
        public Future<Creatable<Action>> resolve(ActionDraft draft) {
            return draft.resolvedPayload().map(Actions.this::creatable);
        }

        @Override
        public CreateEngine<Action> engine() {
            return engine;
        }

        @Override
        public Future<JournalBinding> journalBinding() {
            return Actions.this.journalBinding();
        }
    };

    static {
        BulkAccess.registerActions(actions -> actions.bridge);
    }
    private final Supplier<Future<JournalBinding>> binding;

    /** @param binding learns where creates through these actions land, for a bulk journal */
    Actions(Transport transport, ActionsApi api, References references, Vertx vertx,
            Supplier<Future<JournalBinding>> binding) {
        this.transport = transport;
        this.api = api;
        this.binding = binding;
        this.references = references;
        this.pager = new Pager<>(vertx, transport, ActionPayloads.Many.class, this::removalExplained);
        this.engine = new CreateEngine<>(transport);
    }

    /** Starts a new action for an incident, given by its ID or reference ({@code INC-123} or {@code 123}). */
    public ActionDraft forIncident(String incident) {
        return new ActionDraft(this, null, null, null).forIncident(incident);
    }

    /** Which actions API this talks to, as {@link IncidentIoOptions#setActionsApi} chose. */
    public ActionsApi api() {
        return api;
    }

    /** Fetches one action. */
    public Future<Action> get(String id) {
        return explained(Futures.attempt(() -> transport
                .send(ApiRequest.of(HttpMethod.GET, api.path() + "/{id}", id), ActionPayloads.One.class)
                .map(ActionPayloads.One::action)), id);
    }

    /** Starts a list query; finish it with {@code fetch()}, {@code firstPage()}, {@code stream()} or {@code collect(n)}. */
    public ActionQuery list() {
        return new ActionQuery(pager, references, api, null, null, null, BracketFilters.NONE, null);
    }

    /**
     * Starts a watch on actions: {@code watch().forIncident("INC-2").start()} is a stream of {@link Change}s, polled
     * from {@code /v3/actions} with {@code updated_at[gte]}. See {@link Watch}.
     */
    public ActionWatch watch() {
        return new ActionWatch(list(), WatchSettings.DEFAULTS);
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
        return explained(Futures.attempt(() -> transport.send(
                ApiRequest.of(HttpMethod.DELETE, api.path() + "/{id}", id), Void.class)), id);
    }

    /**
     * The incident's actions that a create started at {@code since} (incident.io's clock, tolerance already taken
     * off) may have made: how a create whose answer was lost is looked for, by the create engine, for {@code create()} and the bulk. On v3
     * only that window is asked for ({@code created_at[gte]}, paged); v2 cannot filter, so it lists them all.
     */
    public ActionQuery createdSinceOnIncident(String incidentId, Instant since) {
        ActionQuery all = list().forIncident(incidentId);
        return api == ActionsApi.V3 ? all.createdSince(since) : all;
    }

    /**
     * Creates many actions, safe to re-run: finish with {@code run()}, {@code start()} or {@code dryRun()}, after
     * {@code journal(path)} to make it resumable. See {@link Bulk}.
     */
    public Bulk bulk(List<ActionDraft> drafts) {
        return bulk(BulkSource.of(drafts));
    }

    /** {@link #bulk(List)} from a stream, pulled only as fast as the bulk sends. */
    public Bulk bulk(Stream<ActionDraft> drafts) {
        return bulk(BulkSource.of(drafts));
    }

    /**
     * {@link #bulk(List)} from a CSV file (header {@code incident,description,assignee}, optional {@code key}) or a
     * JSON Lines file ({@code .jsonl}, {@code .ndjson}), streamed.
     */
    public Bulk bulk(Path file) {
        return bulk(BulkSource.file(file));
    }

    /** {@link #bulk(List)} from any {@link BulkSource}. */
    public Bulk bulk(BulkSource source) {
        return Bulk.of(pager.vertx(), this, source);
    }

    /**
     * Where creates through these actions land, as a bulk journal records it: the base URL, who the API key is
     * ({@code GET /v1/identity}: its name and organisation, never the key) and the actions API.
     */
    public Future<JournalBinding> journalBinding() {
        return Futures.attempt(binding::get);
    }

    References references() {
        return references;
    }

    /** Creates the action without losing or doubling it when the answer is lost: see {@link CreateEngine}. */
    Future<Action> create(ActionPayloads.Create payload) {
        return explained(engine.create(creatable(payload)), null);
    }

    private ActionCreate creatable(ActionPayloads.Create payload) {
        return new ActionCreate(this, transport, createRequest(payload), payload);
    }

    RequestPreview preview(ActionPayloads.Create payload) {
        return transport.preview(createRequest(payload));
    }

    Future<Action> replace(String id, ActionPayloads.Update payload) {
        return explained(Futures.attempt(() -> transport
                .send(ApiRequest.of(HttpMethod.PUT, api.path() + "/{id}", id).withBody(payload), ActionPayloads.One.class)
                .map(ActionPayloads.One::action)), id);
    }

    /**
     * {@code call}, with a failure that shows the v2 API has been removed turned into
     * {@link ActionsApiRemovedException}: a 410 from any v2 route, or a 404 from the collection, which exists for as
     * long as v2 does. A 404 about one action ({@code id}) may just mean there is no such action, so v3 is asked for
     * it: if v3 has it, v2 is gone.
     */
    private <T> Future<T> explained(Future<T> call, String id) {
        if (api != ActionsApi.V2) {
            return call;
        }
        return call.recover(error -> {
            if (!(error instanceof IncidentIoException failure) || failure.status() != 404 || id == null
                    || failure instanceof ActionsApiRemovedException) {
                return Future.failedFuture(removalExplained(error));
            }
            ApiRequest onV3 = ApiRequest.of(HttpMethod.GET, ActionsApi.V3.path() + "/{id}", id);
            return transport.send(onV3, ActionPayloads.One.class)
                    .transform(found -> Future.failedFuture(found.succeeded() ? removed(failure) : failure));
        });
    }

    /** A 410 from a v2 route, or a 404 from its collection, as {@link ActionsApiRemovedException}; else as is. */
    private Throwable removalExplained(Throwable error) {
        if (api == ActionsApi.V2 && error instanceof IncidentIoException failure
                && !(failure instanceof ActionsApiRemovedException) && failure.path() != null
                && failure.path().startsWith(ActionsApi.V2.path())
                && (failure.status() == 410
                || failure.status() == 404 && failure.path().equals(ActionsApi.V2.path()))) {
            return removed(failure);
        }
        return error;
    }

    private static ActionsApiRemovedException removed(IncidentIoException answer) {
        return new ActionsApiRemovedException(answer, "incident.io no longer serves the v2 actions API ("
                + ActionsApi.V2.path() + " was deprecated and removed on " + ActionsApi.V2_REMOVAL
                + "); nothing was retried. Switch to v3: unset " + IncidentIo.ACTIONS_API_ENV
                + " or set it to v3, or call setActionsApi(ActionsApi.V3) on IncidentIoOptions");
    }

    private ApiRequest createRequest(ActionPayloads.Create payload) {
        // The path has no placeholders: one record, not of(...)'s copy of the path plus withBody's second record.
        return new ApiRequest(HttpMethod.POST, api.path(), List.of(), payload);
    }

    @Override
    public String toString() {
        return "Actions[" + api.path() + "]";
    }
}

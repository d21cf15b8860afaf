package dev.firebrigade;

import dev.firebrigade.bulk.Bulk;
import dev.firebrigade.bulk.BulkSource;
import dev.firebrigade.bulk.JournalBinding;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.transport.ApiRequest;
import dev.firebrigade.transport.RequestPreview;
import dev.firebrigade.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

import java.nio.file.Path;
import java.time.Duration;
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
    /**
     * Kept beyond the clock tolerance: the measured clock offset is low by up to a second (the Date header's
     * resolution) plus the answer's transfer time.
     */
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(10);
    private final CreateLedger ledger;
    private final Supplier<Future<JournalBinding>> binding;

    /** @param binding learns where creates through these actions land, for a bulk journal */
    Actions(Transport transport, ActionsApi api, References references, Vertx vertx,
            Supplier<Future<JournalBinding>> binding) {
        this.transport = transport;
        this.api = api;
        this.binding = binding;
        this.references = references;
        this.pager = new Pager<>(vertx, transport, ActionPayloads.Many.class);
        this.ledger = new CreateLedger(transport.retryPolicy().clockSkewTolerance().plus(CLAIM_MARGIN));
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

    @Override
    public String toString() {
        return "Actions[" + api.path() + "]";
    }
}

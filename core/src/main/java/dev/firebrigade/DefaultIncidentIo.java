package dev.firebrigade;

import dev.firebrigade.internal.wire.IncidentPayloads;
import dev.firebrigade.bulk.JournalBinding;
import dev.firebrigade.model.Identity;
import dev.firebrigade.model.Incident;
import dev.firebrigade.internal.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

import java.util.concurrent.atomic.AtomicReference;

/** The client: one transport, the resources built on it, and the cache of resolved references they share. */
final class DefaultIncidentIo implements IncidentIo {
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final IncidentIoOptions options;
    private final Transport transport;
    private final Actions actions;
    private final Users users;
    private final Incidents incidents;
    private final IncidentUpdates incidentUpdates;
    private final FollowUps followUps;
    private final References references;
    private final Catalog catalog;
    private final Raw raw;
    private final AtomicReference<Future<Void>> closing = new AtomicReference<>();

    DefaultIncidentIo(Vertx vertx, IncidentIoOptions options, boolean ownsVertx) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.options = new IncidentIoOptions(options);
        this.transport = new Transport(vertx, this.options);
        this.users = new Users(vertx, transport);
        this.references = new References(users, this::showIncident, this.options);
        this.catalog = new Catalog(transport, this.options);
        this.incidents = new Incidents(vertx, transport, references, catalog);
        this.incidentUpdates = new IncidentUpdates(vertx, transport, references);
        this.followUps = new FollowUps(vertx, transport, references,
                () -> identity().map(id -> JournalBinding.of(this.options.getBaseUrl(), id, null)));
        this.actions = new Actions(transport, this.options.getActionsApi(), references, vertx,
                () -> identity().map(id -> JournalBinding.of(this.options.getBaseUrl(), id, this.options.getActionsApi())));
        this.raw = new Raw(transport);
    }

    @Override
    public Actions actions() {
        return actions;
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public Incidents incidents() {
        return incidents;
    }

    /** For {@link References}, which resolves {@code INC-123} through incidents built after it. */
    private Future<Incident> showIncident(String idOrNumber) {
        return incidents.show(idOrNumber);
    }

    @Override
    public FollowUps followUps() {
        return followUps;
    }

    @Override
    public IncidentUpdates incidentUpdates() {
        return incidentUpdates;
    }

    @Override
    public Future<Identity> identity() {
        return transport.send(ApiRequest.of(HttpMethod.GET, "/v1/identity"), IncidentPayloads.IdentityResult.class)
                .map(IncidentPayloads.IdentityResult::identity);
    }

    @Override
    public Raw raw() {
        return raw;
    }

    @Override
    public void forgetResolutions() {
        references.clear();
        catalog.clear();
    }

    @Override
    public int requestsInFlight() {
        return transport.pending();
    }

    @Override
    public IncidentIoOptions options() {
        return new IncidentIoOptions(options);
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public Future<Void> close() {
        Future<Void> existing = closing.get();
        if (existing != null) {
            return existing;
        }
        var promise = io.vertx.core.Promise.<Void>promise();
        if (!closing.compareAndSet(null, promise.future())) {
            return closing.get();
        }
        transport.close()
                .transform(ignored -> ownsVertx ? vertx.close() : Future.<Void>succeededFuture())
                .onComplete(promise);
        return promise.future();
    }

    @Override
    public String toString() {
        return "IncidentIo[" + options.getBaseUrl() + ", key " + (options.getApiKey() == null ? "none"
                : options.getApiKey().redacted()) + ", actions " + options.getActionsApi() + "]";
    }
}

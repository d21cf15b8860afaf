package dev.firebrigade;

import dev.firebrigade.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.concurrent.atomic.AtomicReference;

/** The client: one transport and the resources built on it. */
final class DefaultIncidentIo implements IncidentIo {
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final IncidentIoOptions options;
    private final Transport transport;
    private final Actions actions;
    private final AtomicReference<Future<Void>> closing = new AtomicReference<>();

    DefaultIncidentIo(Vertx vertx, IncidentIoOptions options, boolean ownsVertx) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.options = new IncidentIoOptions(options);
        this.transport = new Transport(vertx, this.options);
        this.actions = new Actions(transport, this.options.getActionsApi());
    }

    @Override
    public Actions actions() {
        return actions;
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

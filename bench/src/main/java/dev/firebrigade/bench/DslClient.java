package dev.firebrigade.bench;

import dev.firebrigade.IncidentIo;
import io.vertx.core.Vertx;

import java.util.function.Consumer;

/** Our DSL as a user writes it: a fresh draft per create, decoded into an {@code Action}. */
final class DslClient implements CreateClient {
    private final IncidentIo io;

    DslClient(Vertx vertx, String baseUrl, String apiKey, int maxConnections) {
        this.io = IncidentIo.create(vertx, Workload.options(baseUrl, apiKey, maxConnections));
    }

    @Override
    public String name() {
        return "dsl";
    }

    @Override
    public void create(Consumer<Throwable> done) {
        io.actions().forIncident(Workload.INCIDENT).describe(Workload.DESCRIPTION).assignTo(Workload.USER).create()
                .onComplete(ar -> done.accept(ar.succeeded() && ar.result() != null ? null
                        : ar.failed() ? ar.cause() : new IllegalStateException("no action decoded")));
    }

    @Override
    public void close() {
        io.close().await();
    }
}

package dev.firebrigade.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;

import java.util.function.Consumer;

/**
 * The floor of this stack: a Vert.x {@link WebClient} sending the workload's bytes with its headers, checking the
 * 201 and keeping the body as a {@link Buffer}. It encodes nothing and decodes nothing.
 */
final class RawWebClient implements CreateClient {
    private final RawPost post;
    private final Workload workload;

    RawWebClient(Vertx vertx, Workload workload, int maxConnections) {
        this.workload = workload;
        this.post = new RawPost(vertx, workload, maxConnections);
    }

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public void create(Consumer<Throwable> done) {
        post.request()
                .sendBuffer(Buffer.buffer(workload.body()))
                .onComplete(ar -> done.accept(ar.failed() ? ar.cause()
                        : ar.result().statusCode() == 201 && ar.result().body() != null ? null
                        : new IllegalStateException("status " + ar.result().statusCode())));
    }

    @Override
    public void close() {
        post.close();
    }
}

package dev.firebrigade.bench;

import dev.firebrigade.model.Action;
import dev.firebrigade.internal.transport.Json;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * What a careful hand-written client does for the same create: the raw WebClient of {@link RawWebClient}, plus
 * encoding a payload record and decoding the 201 into an {@link Action} with our Jackson mapper. Against it, the DSL's
 * figures show the cost of the DSL and Transport themselves, apart from the JSON work any typed client must do.
 */
final class RawJacksonClient implements CreateClient {
    /** The body the DSL sends, as a hand-written record. */
    record CreatePayload(String incidentId, String description, String assigneeId) {
    }

    /** The 201's envelope. */
    record Created(Action action) {
    }

    private final RawPost post;

    RawJacksonClient(Vertx vertx, Workload workload, int maxConnections) {
        this.post = new RawPost(vertx, workload, maxConnections);
    }

    @Override
    public String name() {
        return "raw+json";
    }

    @Override
    public void create(Consumer<Throwable> done) {
        final Buffer body;
        try {
            body = Buffer.buffer(Json.mapper().writeValueAsBytes(
                    new CreatePayload(Workload.INCIDENT, Workload.DESCRIPTION, Workload.USER)));
        } catch (IOException e) {
            done.accept(e);
            return;
        }
        post.request().sendBuffer(body).onComplete(ar -> {
            if (ar.failed()) {
                done.accept(ar.cause());
            } else if (ar.result().statusCode() != 201) {
                done.accept(new IllegalStateException("status " + ar.result().statusCode()));
            } else {
                try {
                    Action action = Json.mapper().readValue(ar.result().body().getBytes(), Created.class).action();
                    done.accept(action.id() == null ? new IllegalStateException("no action id") : null);
                } catch (IOException e) {
                    done.accept(e);
                }
            }
        });
    }

    @Override
    public void close() {
        post.close();
    }
}

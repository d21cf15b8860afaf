package dev.firebrigade.bench;

import dev.firebrigade.model.Action;
import dev.firebrigade.internal.transport.Json;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * What a careful hand-written client does for the same create: the raw WebClient of {@link RawWebClient}, plus
 * encoding a payload record and decoding the 201 into an {@link Action} with our Jackson mapper ({@code raw+json}).
 * Against it, the DSL's figures show the cost of the DSL and Transport themselves, apart from the JSON work any typed
 * client must do. {@code raw+tree} decodes the 201 into a Vert.x {@link JsonObject} tree instead, the yardstick issue
 * 14 names; it does not share our mapper's record decoding, so a faster decoder shows against it.
 */
final class RawJacksonClient implements CreateClient {
    /** The body the DSL sends, as a hand-written record. */
    record CreatePayload(String incidentId, String description, String assigneeId) {
    }

    /** The 201's envelope. */
    record Created(Action action) {
    }

    private final RawPost post;
    private final boolean tree;

    /** {@code tree}: decode into a {@link JsonObject} ({@code raw+tree}) rather than an {@link Action}. */
    RawJacksonClient(Vertx vertx, Workload workload, int maxConnections, boolean tree) {
        this.post = new RawPost(vertx, workload, maxConnections);
        this.tree = tree;
    }

    @Override
    public String name() {
        return tree ? "raw+tree" : "raw+json";
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
                    String id = tree ? ar.result().body().toJsonObject().getJsonObject("action").getString("id")
                            : Json.mapper().readValue(ar.result().body().getBytes(), Created.class).action().id();
                    done.accept(id == null ? new IllegalStateException("no action id") : null);
                } catch (IOException | RuntimeException e) {
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

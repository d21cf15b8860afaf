package dev.firebrigade.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.function.Consumer;

/**
 * The floor of this stack: a Vert.x {@link WebClient} sending the workload's bytes with its headers, checking the
 * 201 and keeping the body as a {@link Buffer}. It encodes nothing and decodes nothing.
 */
final class RawWebClient implements CreateClient {
    private final WebClient client;
    private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    private final Workload workload;
    private final int port;
    private final String host;
    private final String path;

    RawWebClient(Vertx vertx, Workload workload, int maxConnections) {
        this.workload = workload;
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgentEnabled(false).setFollowRedirects(false),
                new PoolOptions().setHttp1MaxSize(maxConnections));
        workload.headers().forEach(headers::add);
        this.host = workload.url().getHost();
        this.port = workload.url().getPort();
        this.path = workload.url().getRawPath();
    }

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public void create(Consumer<Throwable> done) {
        client.request(HttpMethod.POST, port, host, path).putHeaders(headers)
                .sendBuffer(Buffer.buffer(workload.body()))
                .onComplete(ar -> done.accept(ar.failed() ? ar.cause()
                        : ar.result().statusCode() == 201 && ar.result().body() != null ? null
                        : new IllegalStateException("status " + ar.result().statusCode())));
    }

    @Override
    public void close() {
        client.close();
    }
}

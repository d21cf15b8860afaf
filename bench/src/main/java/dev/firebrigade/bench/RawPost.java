package dev.firebrigade.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/** The bare WebClient both raw baselines share: the workload's URL and headers, nothing else. */
final class RawPost implements AutoCloseable {
    private final WebClient client;
    private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    private final int port;
    private final String host;
    private final String path;

    RawPost(Vertx vertx, Workload workload, int maxConnections) {
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgentEnabled(false).setFollowRedirects(false),
                new PoolOptions().setHttp1MaxSize(maxConnections));
        workload.headers().forEach(headers::add);
        this.host = workload.url().getHost();
        this.port = workload.url().getPort();
        this.path = workload.url().getRawPath();
    }

    /** A fresh {@code POST} of the workload's create, headers set. */
    HttpRequest<Buffer> request() {
        return client.request(HttpMethod.POST, port, host, path).putHeaders(headers);
    }

    @Override
    public void close() {
        client.close();
    }
}

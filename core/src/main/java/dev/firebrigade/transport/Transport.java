package dev.firebrigade.transport;

import dev.firebrigade.IncidentIoOptions;
import dev.firebrigade.error.ConnectionException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.TimeoutException;
import dev.firebrigade.error.UnexpectedResponseException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The only code that speaks HTTP: base URL, bearer key, User-Agent, JSON in and out, and the mapping of every
 * failure to a typed {@link IncidentIoException}. Resources hand it an {@link ApiRequest}.
 */
public final class Transport {
    private static final String JSON = "application/json";

    private final Vertx vertx;
    private final WebClient client;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String pathPrefix;
    private final String baseUrl;
    private final long requestTimeoutMillis;
    private final long idleTimeoutMillis;
    private final MultiMap headers;
    private final MultiMap bodyHeaders;
    private final Map<String, String> previewHeaders;

    public Transport(Vertx vertx, IncidentIoOptions options) {
        URI base = URI.create(options.getBaseUrl());
        this.baseUrl = options.getBaseUrl();
        this.ssl = "https".equalsIgnoreCase(base.getScheme());
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : (ssl ? 443 : 80);
        this.pathPrefix = base.getRawPath() == null ? "" : base.getRawPath();
        this.requestTimeoutMillis = options.getRequestTimeout().toMillis();
        this.vertx = vertx;
        this.idleTimeoutMillis = options.getIdleTimeout().toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions()
                        .setConnectTimeout((int) options.getConnectTimeout().toMillis())
                        // A redirect would carry the Authorization header to wherever it points.
                        .setFollowRedirects(false)
                        .setUserAgentEnabled(false),
                new PoolOptions().setHttp1MaxSize(options.getMaxConnections()));
        String userAgent = UserAgent.of(options.getUserAgentSuffix());
        this.headers = MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.ACCEPT, JSON)
                .add(HttpHeaders.USER_AGENT, userAgent);
        if (options.getApiKey() != null) {
            headers.add(HttpHeaders.AUTHORIZATION, "Bearer " + options.getApiKey().reveal());
        }
        this.bodyHeaders = MultiMap.caseInsensitiveMultiMap().addAll(headers).add(HttpHeaders.CONTENT_TYPE, JSON);
        var preview = new LinkedHashMap<String, String>();
        preview.put("Accept", JSON);
        preview.put("User-Agent", userAgent);
        if (options.getApiKey() != null) {
            preview.put("Authorization", "Bearer " + options.getApiKey().redacted());
        }
        this.previewHeaders = Map.copyOf(preview);
    }

    /**
     * Sends {@code request} and decodes a 2xx answer as {@code resultType} ({@code Void.class} for none).
     * Every failure arrives as an {@link IncidentIoException}.
     */
    public <T> Future<T> send(ApiRequest request, Class<T> resultType) {
        final Buffer body;
        try {
            body = request.body() == null ? null : Buffer.buffer(Json.mapper().writeValueAsBytes(request.body()));
        } catch (IOException e) {
            return Future.failedFuture(new IllegalStateException("cannot encode " + request.body().getClass(), e));
        }
        var http = client.request(request.method(), port, host, pathPrefix + request.uri())
                .ssl(ssl)
                .idleTimeout(idleTimeoutMillis)
                .putHeaders(body == null ? headers : bodyHeaders);
        Future<HttpResponse<Buffer>> sent = body == null ? http.send() : http.sendBuffer(body);
        String method = request.method().name();
        return withDeadline(sent, method, request.path()).transform(ar -> ar.succeeded()
                ? decode(ar.result(), resultType, method, request.path())
                : Future.failedFuture(connectionFailure(ar.cause(), method, request.path())));
    }

    /** Fails {@code exchange} once the overall request timeout has passed, however the bytes trickle in. */
    private <T> Future<T> withDeadline(Future<T> exchange, String method, String path) {
        Promise<T> result = Promise.promise();
        long timer = vertx.setTimer(requestTimeoutMillis, id -> result.tryFail(new TimeoutException(
                "no complete answer from " + host + ":" + port + " within " + requestTimeoutMillis + " ms",
                method, path, true, null)));
        exchange.onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                result.tryComplete(ar.result());
            } else {
                result.tryFail(ar.cause());
            }
        });
        return result.future();
    }

    /** The request as it would be sent, with the key redacted. */
    public RequestPreview preview(ApiRequest request) {
        Map<String, String> shown = previewHeaders;
        String body = null;
        if (request.body() != null) {
            try {
                body = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(request.body());
            } catch (IOException e) {
                throw new IllegalStateException("cannot encode " + request.body().getClass(), e);
            }
            var withType = new LinkedHashMap<>(previewHeaders);
            withType.put("Content-Type", JSON);
            shown = withType;
        }
        return new RequestPreview(request.method().name(), baseUrl + request.uri(), shown, body);
    }

    /** Closes the HTTP client; the Vert.x instance is the caller's. */
    public Future<Void> close() {
        client.close();
        return Future.succeededFuture();
    }

    private static <T> Future<T> decode(HttpResponse<Buffer> response, Class<T> resultType, String method, String path) {
        int status = response.statusCode();
        Buffer body = response.body();
        if (status < 200 || status >= 300) {
            return Future.failedFuture(ErrorDecoder.decode(status, response.getHeader("Retry-After"), body, method, path));
        }
        if (resultType == Void.class) {
            return Future.succeededFuture();
        }
        if (body == null || body.length() == 0) {
            return Future.failedFuture(new UnexpectedResponseException(status, "expected a JSON body", "", method, path, null));
        }
        try {
            return Future.succeededFuture(Json.mapper().readValue(body.getBytes(), resultType));
        } catch (IOException e) {
            return Future.failedFuture(new UnexpectedResponseException(status,
                    "the answer is not the JSON incident.io documents", ErrorDecoder.excerpt(body), method, path, e));
        }
    }

    private IncidentIoException connectionFailure(Throwable cause, String method, String path) {
        if (cause instanceof IncidentIoException known) {
            return known;
        }
        String where = host + ":" + port;
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof io.netty.channel.ConnectTimeoutException) {
            return new ConnectionException("could not connect to " + where + " (" + cause.getMessage() + ")",
                    method, path, false, cause);
        }
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return new TimeoutException("no answer from " + where + " within the timeout", method, path, true, cause);
        }
        return new ConnectionException("the connection to " + where + " failed mid-request (" + cause + ")",
                method, path, true, cause);
    }
}

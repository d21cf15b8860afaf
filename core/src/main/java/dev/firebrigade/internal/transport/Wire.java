package dev.firebrigade.internal.transport;

import dev.firebrigade.ApiRequest;
import dev.firebrigade.IncidentIoOptions;
import dev.firebrigade.error.ConnectionException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.ResponseTooLargeException;
import dev.firebrigade.error.TimeoutException;
import io.netty.util.AsciiString;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.URI;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The HTTP exchanges with one incident.io endpoint: the connection pool, the fixed headers, the connect, request and
 * idle timeouts (one {@link TimeoutWatch} for all exchanges), the bound on response sizes, and the mapping of every
 * transport failure to a typed exception that says whether the request may have reached the server. What to send,
 * when, and what an answer means is {@link Transport}'s business.
 */
final class Wire {
    /** An answer read in full (within the size bound). */
    record Response(int status, MultiMap headers, Buffer body) {
    }

    private final HttpClientAgent client;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String pathPrefix;
    /** Built once: given per request as host and port alone, Vert.x builds and validates an address every time. */
    private final SocketAddress server;
    /** Header names and values, alternating, as Netty's ASCII strings: set one by one, they are copied as they are. */
    private final CharSequence[] headers;
    private final CharSequence[] bodyHeaders;
    private final long connectTimeoutNanos;
    private final long requestTimeoutNanos;
    private final long idleTimeoutNanos;
    private final long maxResponseBytes;
    private final TimeoutWatch watch;
    /** Sees every answer's status line and headers before its body is read. */
    private final Consumer<HttpClientResponse> observer;

    Wire(Vertx vertx, IncidentIoOptions options, MultiMap headers, MultiMap bodyHeaders,
         Consumer<HttpClientResponse> observer) {
        URI base = URI.create(options.getBaseUrl());
        this.ssl = "https".equalsIgnoreCase(base.getScheme());
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : (ssl ? 443 : 80);
        this.pathPrefix = base.getRawPath() == null ? "" : base.getRawPath();
        this.server = SocketAddress.inetSocketAddress(port, host);
        this.headers = ascii(headers);
        this.bodyHeaders = ascii(bodyHeaders);
        this.connectTimeoutNanos = options.getConnectTimeout().toNanos();
        this.requestTimeoutNanos = options.getRequestTimeout().toNanos();
        this.idleTimeoutNanos = options.getIdleTimeout().toNanos();
        this.maxResponseBytes = options.getMaxResponseBytes();
        this.observer = observer;
        this.watch = new TimeoutWatch(vertx, Math.min(options.getConnectTimeout().toMillis(),
                Math.min(options.getRequestTimeout().toMillis(), options.getIdleTimeout().toMillis())));
        // The user's base (proxy, trust, metrics, tracing) with only what our promises need on top. Redirects are
        // never followed (see exchange): one would carry the Authorization header along.
        this.client = vertx.createHttpClient(new HttpClientOptions(options.getHttpClientOptions())
                        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.getConnectTimeout().toMillis()))
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setVerifyHost(true)
                        .setTrustAll(false),
                new PoolOptions().setHttp1MaxSize(options.getMaxConnections()));
    }

    /** The length of the request line's target for {@code uri}, the prefix of the base URL included. */
    int targetLength(String uri) {
        return pathPrefix.length() + uri.length();
    }

    /**
     * One HTTP exchange, bounded by the request timeout or the call's deadline, whichever is sooner. Whether the
     * request may have reached the server is tracked exactly: only once a connection was obtained and the request
     * handed to it.
     */
    Future<Response> exchange(ApiRequest request, Buffer body, Deadline deadline) {
        return new Exchange(request, body, deadline).start();
    }

    /** Exchanges being watched for timeouts, for tests. */
    int watched() {
        return watch.size();
    }

    Future<Void> close() {
        return client.close();
    }

    private final class Exchange extends TimeoutWatch.Watched implements Handler<AsyncResult<HttpClientRequest>> {
        private static final int CONNECTING = 0;
        private static final int SENT = 1;
        private static final int ABANDONED = 2;
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Exchange.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final ApiRequest request;
        private final Buffer body;
        private final String method;
        private final long started = System.nanoTime();
        private final long limitNanos;
        private final Promise<Response> result = Promise.promise();
        @SuppressWarnings("unused") // through STATE
        private volatile int state = CONNECTING;
        private volatile HttpClientRequest sent;
        private volatile long lastHeard;
        /** Written only by the connection's event loop. */
        private Buffer received;
        private int status;
        private HttpClientResponse response;

        Exchange(ApiRequest request, Buffer body, Deadline deadline) {
            this.request = request;
            this.body = body;
            this.method = request.method().name();
            this.limitNanos = Math.max(1, Math.min(requestTimeoutNanos, deadline.remainingNanos()));
        }

        Future<Response> start() {
            watch.add(this);
            client.request(new RequestOptions()
                    .setMethod(request.method())
                    .setServer(server)
                    .setHost(host)
                    .setPort(port)
                    .setSsl(ssl)
                    .setURI(pathPrefix + request.uri())
                    .setFollowRedirects(false)).onComplete(this);
            return result.future();
        }

        /** A connection was obtained, or could not be. */
        @Override
        public void handle(AsyncResult<HttpClientRequest> obtained) {
            if (obtained.failed()) {
                fail(connectFailure(obtained.cause()));
                return;
            }
            HttpClientRequest obtainedRequest = obtained.result();
            sent = obtainedRequest;
            if (!STATE.compareAndSet(this, CONNECTING, SENT)) {
                obtainedRequest.reset();
                return;
            }
            CharSequence[] fixed = body == null ? headers : bodyHeaders;
            for (int i = 0; i < fixed.length; i += 2) {
                obtainedRequest.putHeader(fixed[i], fixed[i + 1]);
            }
            lastHeard = System.nanoTime();
            (body == null ? obtainedRequest.send() : obtainedRequest.send(body)).onComplete(this::answered);
        }

        private void answered(AsyncResult<HttpClientResponse> answer) {
            if (answer.failed()) {
                fail(midRequestFailure(answer.cause()));
                return;
            }
            lastHeard = System.nanoTime();
            response = answer.result();
            status = response.statusCode();
            observer.accept(response);
            String declared = response.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && declaredLength(declared) > maxResponseBytes) {
                tooLarge();
                return;
            }
            response.handler(this::chunk);
            response.exceptionHandler(failure -> fail(midRequestFailure(failure)));
            response.endHandler(this::end);
        }

        /** Keeps a body of one chunk as it came (Vert.x hands over a copy of its own); joins several. */
        private void chunk(Buffer chunk) {
            if (result.future().isComplete()) {
                return;
            }
            lastHeard = System.nanoTime();
            long length = received == null ? 0 : received.length();
            if (length + chunk.length() > maxResponseBytes) {
                tooLarge();
            } else if (received == null) {
                received = chunk;
            } else {
                received = Buffer.buffer((int) length + chunk.length()).appendBuffer(received).appendBuffer(chunk);
            }
        }

        private void end(Void end) {
            if (result.tryComplete(new Response(status, response.headers(), received == null ? Buffer.buffer() : received))) {
                watch.remove(this);
            }
        }

        private void tooLarge() {
            var error = new ResponseTooLargeException(status, maxResponseBytes, method, request.path());
            if (fail(error)) {
                // The reset that cuts the body also fails the response stream: expected, not worth a log line.
                response.exceptionHandler(expected -> { });
                response.request().reset(0, error);
            }
        }

        private boolean fail(IncidentIoException failure) {
            if (result.tryFail(failure)) {
                watch.remove(this);
                return true;
            }
            return false;
        }

        @Override
        boolean expiredAt(long now) {
            if (result.future().isComplete()) {
                return true;
            }
            if (state == CONNECTING) {
                return now - started >= Math.min(connectTimeoutNanos, limitNanos);
            }
            return now - started >= limitNanos || now - lastHeard >= idleTimeoutNanos;
        }

        @Override
        void expire(long now) {
            if (result.future().isComplete()) {
                return;
            }
            boolean written = !STATE.compareAndSet(this, CONNECTING, ABANDONED);
            String where = host + ":" + port;
            TimeoutException timeout;
            if (!written && now - started < limitNanos) {
                timeout = connectTimeout(null);
            } else if (now - started >= limitNanos) {
                timeout = new TimeoutException("no complete answer from " + where + " within " + millis(limitNanos)
                        + " ms", method, request.path(), written, null);
            } else {
                timeout = new TimeoutException("no data from " + where + " for " + millis(idleTimeoutNanos)
                        + " ms (idle timeout)", method, request.path(), true, null);
            }
            if (result.tryFail(timeout) && written) {
                sent.reset(0, timeout);
            }
        }

        /** A failure before the request was handed to a connection: nothing was sent. */
        private IncidentIoException connectFailure(Throwable cause) {
            String where = host + ":" + port;
            if (cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof io.netty.channel.ConnectTimeoutException) {
                return connectTimeout(cause);
            }
            return new ConnectionException("could not connect to " + where + " (" + cause.getMessage() + ")",
                    method, request.path(), false, cause);
        }

        /** No connection within the connect timeout (seen by Netty, or by the watch while waiting for the pool). */
        private TimeoutException connectTimeout(Throwable cause) {
            return new TimeoutException("could not connect to " + host + ":" + port + " within "
                    + millis(connectTimeoutNanos) + " ms", method, request.path(), false, cause);
        }

        /** A failure after the request was handed to a connection: incident.io may have processed it. */
        private IncidentIoException midRequestFailure(Throwable cause) {
            if (cause instanceof IncidentIoException known) {
                return known;
            }
            return new ConnectionException("the connection to " + host + ":" + port + " failed mid-request ("
                    + cause + ")", method, request.path(), true, cause);
        }
    }

    private static CharSequence[] ascii(MultiMap headers) {
        return headers.entries().stream()
                .flatMap(header -> Stream.of(AsciiString.of(header.getKey()), AsciiString.of(header.getValue())))
                .toArray(CharSequence[]::new);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }
}

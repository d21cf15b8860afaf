package dev.firebrigade.transport;

import dev.firebrigade.IncidentIoOptions;
import dev.firebrigade.RetryPolicy;
import dev.firebrigade.error.ConnectionException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.error.RateLimitException;
import dev.firebrigade.error.RedirectException;
import dev.firebrigade.error.ResponseTooLargeException;
import dev.firebrigade.error.TimeoutException;
import dev.firebrigade.error.UnexpectedResponseException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The only code that speaks HTTP: base URL, bearer key, User-Agent, JSON in and out, the mapping of every failure to
 * a typed {@link IncidentIoException}, and the reliability around it: the client's rate limit and in-flight bound,
 * per-attempt and per-call deadlines, a bound on response sizes, and retries as the {@link RetryPolicy} says. Resources
 * hand it an {@link ApiRequest}.
 *
 * <p>A POST is sent again only when it provably was not processed (a 429, a connection never made); a POST whose
 * outcome is unknown fails here with the reason, and the caller decides (an action create reconciles).
 */
public final class Transport {
    private static final String JSON = "application/json";
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.OPTIONS);
    /** Longer request lines are refused by servers and proxies (8 KiB is the common limit); we refuse them first. */
    private static final int MAX_URI_LENGTH = 8 * 1024;
    private static final int CONNECTING = 0;
    private static final int SENT = 1;
    private static final int ABANDONED = 2;

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String pathPrefix;
    private final String baseUrl;
    private final long requestTimeoutMillis;
    private final long idleTimeoutMillis;
    private final long connectTimeoutMillis;
    private final Duration callTimeout;
    /** No attempt starts with less time than this left: it could not finish, and a create would end up unknown. */
    private final Duration minimumAttempt;
    private final long maxResponseBytes;
    private final RetryPolicy retryPolicy;
    private final RateLimiter rateLimiter;
    private final InFlightLimit inFlight;
    private final ServerClock serverClock = new ServerClock();
    private final MultiMap headers;
    private final MultiMap bodyHeaders;
    private final Map<String, String> previewHeaders;

    public Transport(Vertx vertx, IncidentIoOptions options) {
        URI base = URI.create(options.getBaseUrl());
        this.vertx = vertx;
        this.baseUrl = options.getBaseUrl();
        this.ssl = "https".equalsIgnoreCase(base.getScheme());
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : (ssl ? 443 : 80);
        this.pathPrefix = base.getRawPath() == null ? "" : base.getRawPath();
        this.requestTimeoutMillis = options.getRequestTimeout().toMillis();
        this.idleTimeoutMillis = options.getIdleTimeout().toMillis();
        this.connectTimeoutMillis = options.getConnectTimeout().toMillis();
        this.callTimeout = options.getCallTimeout();
        this.minimumAttempt = Collections.min(List.of(Duration.ofMillis(100), callTimeout.dividedBy(10),
                options.getRequestTimeout()));
        this.maxResponseBytes = options.getMaxResponseBytes();
        this.retryPolicy = options.getRetryPolicy();
        this.rateLimiter = new RateLimiter(options.getRateLimit(), System::nanoTime);
        this.inFlight = new InFlightLimit(options.getMaxInFlight());
        // Redirects are never followed (RequestOptions default): one would carry the Authorization header along.
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeoutMillis))
                        .setVerifyHost(true),
                new PoolOptions().setHttp1MaxSize(options.getMaxConnections()));
        String userAgent = HeaderValues.check("User-Agent", UserAgent.of(options.getUserAgentSuffix()));
        this.headers = MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.ACCEPT, JSON)
                .add(HttpHeaders.USER_AGENT, userAgent);
        if (options.getApiKey() != null) {
            headers.add(HttpHeaders.AUTHORIZATION, HeaderValues.check("api_key", "Bearer " + options.getApiKey().reveal()));
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
     * Sends {@code request} within the client's call timeout and decodes a 2xx answer as {@code resultType}
     * ({@code Void.class} for none). Every failure arrives as an {@link IncidentIoException}.
     */
    public <T> Future<T> send(ApiRequest request, Class<T> resultType) {
        return send(request, resultType, newDeadline());
    }

    /** Like {@link #send(ApiRequest, Class)}, for a call that already has a deadline (one step of a larger call). */
    public <T> Future<T> send(ApiRequest request, Class<T> resultType, Deadline deadline) {
        int length = pathPrefix.length() + request.uri().length();
        if (length > MAX_URI_LENGTH) {
            return Future.failedFuture(new InvalidInputException("path", "and query are " + length
                    + " characters once encoded, longer than servers accept (" + MAX_URI_LENGTH + ")",
                    "pass IDs and filters of a sensible size"));
        }
        final Buffer body;
        try {
            body = request.body() == null ? null : Buffer.buffer(Json.mapper().writeValueAsBytes(request.body()));
        } catch (IOException e) {
            return Future.failedFuture(unencodable(e));
        }
        return attempt(new Call<>(request, resultType, body, deadline), 1, null);
    }

    /**
     * Whether a request that failed this way may nevertheless have been processed: it was written and then the
     * connection broke or timed out, or incident.io answered 5xx, or a 2xx whose body could not be read. False for
     * answers that mean "not done" (4xx, 429, a redirect) and for requests never sent.
     */
    public static boolean mayHaveBeenProcessed(IncidentIoException failure) {
        if (failure instanceof ConnectionException lost) {
            return lost.requestWritten();
        }
        int status = failure.status();
        return status >= 500 || (failure instanceof UnexpectedResponseException && status >= 200 && status < 300);
    }

    /** A deadline of the configured call timeout, starting now. */
    public Deadline newDeadline() {
        return Deadline.in(callTimeout);
    }

    /** The overall deadline of one call ({@link IncidentIoOptions#getCallTimeout()}). */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** The policy this transport retries by; resources with their own recovery (creates) read it too. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** incident.io's clock minus ours (a lower bound, from its {@code Date} headers), or null before any answer. */
    public Duration serverClockOffset() {
        return serverClock.offset();
    }

    /**
     * {@code waiter}'s outcome, unless {@code deadline} passes first: then {@code waiter} itself is failed with
     * {@code late} (so whoever would complete it sees it gave up) and {@code onGiveUp} runs.
     */
    public <T> Future<T> within(Promise<T> waiter, Deadline deadline, Supplier<? extends Throwable> late,
                                Runnable onGiveUp) {
        if (waiter.future().isComplete()) {
            return waiter.future();
        }
        long timer = vertx.setTimer(Math.max(1, deadline.remaining().toMillis()), id -> {
            if (waiter.tryFail(late.get())) {
                onGiveUp.run();
            }
        });
        return waiter.future().andThen(done -> vertx.cancelTimer(timer));
    }

    /** Completes after {@code wait} on a Vert.x timer (at once for zero). */
    public Future<Void> delay(Duration wait) {
        long millis = wait.toMillis();
        if (millis <= 0) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        vertx.setTimer(millis, id -> done.complete());
        return done.future();
    }

    /** The request as it would be sent, with the key redacted. */
    public RequestPreview preview(ApiRequest request) {
        Map<String, String> shown = previewHeaders;
        String body = null;
        if (request.body() != null) {
            try {
                body = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(request.body());
            } catch (IOException e) {
                throw unencodable(e);
            }
            var withType = new LinkedHashMap<>(previewHeaders);
            withType.put("Content-Type", JSON);
            shown = withType;
        }
        return new RequestPreview(request.method().name(), baseUrl + request.uri(), shown, body);
    }

    /** Closes the HTTP client; the Vert.x instance is the caller's. */
    public Future<Void> close() {
        return client.close();
    }

    /** One logical request: what to send, how to read the answer, its deadline, and what its attempts taught. */
    private static final class Call<T> {
        final ApiRequest request;
        final Class<T> resultType;
        final Buffer body;
        final Deadline deadline;
        final String method;
        final String path;
        boolean outcomeUnknown;

        Call(ApiRequest request, Class<T> resultType, Buffer body, Deadline deadline) {
            this.request = request;
            this.resultType = resultType;
            this.body = body;
            this.deadline = deadline;
            this.method = request.method().name();
            this.path = request.path();
        }
    }

    /** An answer read in full (within the size bound). */
    private record Response(int status, MultiMap headers, Buffer body) {
    }

    /** Attempt number {@code attempt}; {@code previous} is what ended the one before, null on the first. */
    private <T> Future<T> attempt(Call<T> call, int attempt, IncidentIoException previous) {
        return admit(call).transform(admitted -> {
            if (admitted.failed()) {
                // The deadline came while waiting to send again (a late timer on a busy machine): the last
                // answer is the real reason the call ends, the missed slot only why it ends now.
                if (previous == null) {
                    return Future.failedFuture(admitted.cause());
                }
                previous.addSuppressed(admitted.cause());
                return Future.failedFuture(previous);
            }
            return exchange(call).andThen(done -> inFlight.release())
                    .compose(response -> decode(call, response))
                    .recover(failure -> retryOrFail(call, attempt, failure));
        });
    }

    private <T> Future<T> retryOrFail(Call<T> call, int attempt, Throwable cause) {
        if (!(cause instanceof IncidentIoException failure)) {
            return Future.failedFuture(cause);
        }
        if (mayHaveBeenProcessed(failure)) {
            call.outcomeUnknown = true;
        } else if (failure instanceof NotFoundException && call.outcomeUnknown && call.request.method() == HttpMethod.DELETE
                && call.resultType == Void.class) {
            // An earlier DELETE may have landed without us hearing; the action being gone is what was asked.
            return Future.succeededFuture();
        }
        Duration wait = retryDelay(call, attempt, failure);
        if (wait == null || !call.deadline.allows(wait.plus(minimumAttempt))) {
            return Future.failedFuture(failure);
        }
        return delay(wait).compose(ignored -> attempt(call, attempt + 1, failure));
    }

    /** How long to wait before attempt {@code attempt + 1}, or null when {@code failure} is final. */
    private Duration retryDelay(Call<?> call, int attempt, IncidentIoException failure) {
        if (attempt >= retryPolicy.maxAttempts()) {
            return null;
        }
        if (failure instanceof RateLimitException limited) {
            Duration asked = limited.retryAfter();
            if (asked == null) {
                return retryPolicy.backoff(attempt);
            }
            // Plus a backoff: every client told "1 second" at once would otherwise come back in the same instant.
            return asked.compareTo(retryPolicy.maxRetryAfter()) <= 0 ? asked.plus(retryPolicy.backoff(attempt)) : null;
        }
        if (failure instanceof ConnectionException lost) {
            if (lost.getCause() instanceof SSLException) {
                return null;
            }
            // Never written: nothing reached incident.io, so even a create may go again.
            if (!lost.requestWritten() || IDEMPOTENT.contains(call.request.method())) {
                return retryPolicy.backoff(attempt);
            }
            return null;
        }
        boolean transientServerError = retryPolicy.retryStatuses().contains(failure.status())
                && !(failure instanceof ResponseTooLargeException) && !(failure instanceof RedirectException);
        return transientServerError && IDEMPOTENT.contains(call.request.method()) ? retryPolicy.backoff(attempt) : null;
    }

    /** Waits for a free slot, then for a token of the rate limit; fails, having sent nothing, if the deadline comes first. */
    private Future<Void> admit(Call<?> call) {
        Promise<Void> slot = inFlight.acquire();
        return within(slot, call.deadline, () -> notSent(call, "a free slot (maxInFlight)"),
                () -> inFlight.abandon(slot)).compose(free -> {
            if (!call.deadline.allows(minimumAttempt)) {
                inFlight.release();
                return Future.failedFuture(notSent(call, "a free slot (maxInFlight)"));
            }
            Duration wait = Duration.ofNanos(rateLimiter.reserve());
            if (!call.deadline.allows(wait.plus(minimumAttempt))) {
                rateLimiter.cancel();
                inFlight.release();
                return Future.failedFuture(notSent(call, "the rate limit (" + wait.toMillis() + " ms more)"));
            }
            return delay(wait);
        });
    }

    private TimeoutException notSent(Call<?> call, String waitingFor) {
        return new TimeoutException("not sent: still waiting for " + waitingFor + " when the call's deadline of "
                + call.deadline.budget().toMillis() + " ms passed", call.method, call.path, false, null);
    }

    /**
     * One HTTP exchange, bounded by the request timeout (or the call's deadline, if sooner). Whether the request may
     * have reached the server is tracked exactly: it can only have if a connection was obtained and the request
     * handed to it.
     */
    private Future<Response> exchange(Call<?> call) {
        Promise<Response> result = Promise.promise();
        var state = new AtomicInteger(CONNECTING);
        var sent = new AtomicReference<HttpClientRequest>();
        long limit = Math.max(1, Math.min(requestTimeoutMillis, call.deadline.remaining().toMillis()));
        long timer = vertx.setTimer(limit, id -> {
            boolean written = !state.compareAndSet(CONNECTING, ABANDONED);
            var timeout = new TimeoutException("no complete answer from " + host + ":" + port + " within " + limit
                    + " ms", call.method, call.path, written, null);
            if (result.tryFail(timeout) && written) {
                sent.get().reset(0, timeout);
            }
        });
        var options = new RequestOptions()
                .setMethod(call.request.method())
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setURI(pathPrefix + call.request.uri())
                .setHeaders(call.body == null ? headers : bodyHeaders)
                .setConnectTimeout(connectTimeoutMillis)
                .setFollowRedirects(false);
        var lastHeard = new AtomicLong();
        var idleTimer = new AtomicLong(-1);
        client.request(options).onComplete(obtained -> {
            if (obtained.failed()) {
                result.tryFail(connectFailure(obtained.cause(), call));
                return;
            }
            HttpClientRequest request = obtained.result();
            sent.set(request);
            if (!state.compareAndSet(CONNECTING, SENT)) {
                request.reset();
                return;
            }
            lastHeard.set(System.nanoTime());
            watchIdle(request, lastHeard, idleTimer, call, result, idleTimeoutMillis);
            (call.body == null ? request.send() : request.send(call.body)).onComplete(answered -> {
                if (answered.failed()) {
                    result.tryFail(midRequestFailure(answered.cause(), call));
                } else {
                    lastHeard.set(System.nanoTime());
                    read(answered.result(), call, result, lastHeard);
                }
            });
        });
        return result.future().andThen(done -> {
            vertx.cancelTimer(timer);
            vertx.cancelTimer(idleTimer.get());
        });
    }

    /**
     * Fails the exchange once nothing has been heard for the idle timeout, from sending to the last byte. One timer
     * per exchange, re-armed for the time left: hearing data costs a clock read, not a timer.
     */
    private void watchIdle(HttpClientRequest request, AtomicLong lastHeard, AtomicLong timer, Call<?> call,
                           Promise<Response> result, long delayMillis) {
        timer.set(vertx.setTimer(Math.max(1, delayMillis), id -> {
            if (result.future().isComplete()) {
                return;
            }
            long silentMillis = (System.nanoTime() - lastHeard.get()) / 1_000_000;
            if (silentMillis < idleTimeoutMillis) {
                watchIdle(request, lastHeard, timer, call, result, idleTimeoutMillis - silentMillis);
                return;
            }
            var idle = new TimeoutException("no data from " + host + ":" + port + " for " + idleTimeoutMillis
                    + " ms (idle timeout)", call.method, call.path, true, null);
            if (result.tryFail(idle)) {
                request.reset(0, idle);
            }
        }));
    }

    /** Reads a body up to {@code maxResponseBytes}; beyond that the exchange is abandoned, not buffered. */
    private void read(HttpClientResponse response, Call<?> call, Promise<Response> result, AtomicLong lastHeard) {
        int status = response.statusCode();
        observe(response);
        String declared = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > maxResponseBytes) {
            tooLarge(response, status, call, result);
            return;
        }
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (result.future().isComplete()) {
                return;
            }
            lastHeard.set(System.nanoTime());
            if (body.length() + (long) chunk.length() > maxResponseBytes) {
                tooLarge(response, status, call, result);
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(failure -> result.tryFail(midRequestFailure(failure, call)));
        response.endHandler(end -> result.tryComplete(new Response(status, response.headers(), body)));
    }

    private void tooLarge(HttpClientResponse response, int status, Call<?> call, Promise<Response> result) {
        var error = new ResponseTooLargeException(status, maxResponseBytes, call.method, call.path);
        if (result.tryFail(error)) {
            // The reset that cuts the body also fails the response stream: expected, not worth a log line.
            response.exceptionHandler(expected -> { });
            response.request().reset(0, error);
        }
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    /** Learns from every answer: the server's clock, and how much of the rate limit is left. */
    private void observe(HttpClientResponse response) {
        Instant received = Instant.now();
        serverClock.observe(response.getHeader(HttpHeaders.DATE), received);
        long limit = leadingNumber(response.getHeader("X-RateLimit-Limit"));
        long remaining = leadingNumber(response.getHeader("X-RateLimit-Remaining"));
        if (limit > 0 && remaining >= 0) {
            long reset = leadingNumber(response.getHeader("X-RateLimit-Reset"));
            Duration offset = serverClock.offset();
            Instant serverNow = offset == null ? received : received.plus(offset);
            Duration untilReset = reset < 0 ? null : Duration.between(serverNow, Instant.ofEpochSecond(reset));
            rateLimiter.observe(limit, remaining, untilReset, Math.max(0, inFlight.active() - 1));
        }
        if (response.statusCode() == 429) {
            Duration asked = RetryAfter.parse(response.getHeader("Retry-After"), java.time.Clock.systemUTC());
            if (asked != null && asked.compareTo(retryPolicy.maxRetryAfter()) <= 0) {
                rateLimiter.pause(asked);
            }
        }
    }

    /** The number a header starts with ({@code "1200, 1200;window=60"} gives 1200), or -1. */
    private static long leadingNumber(String header) {
        if (header == null) {
            return -1;
        }
        int end = 0;
        String value = header.strip();
        while (end < value.length() && Character.isDigit(value.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 18) {
            return -1;
        }
        return Long.parseLong(value.substring(0, end));
    }

    private <T> Future<T> decode(Call<T> call, Response response) {
        int status = response.status();
        Buffer body = response.body();
        if (status >= 300 && status < 400) {
            return Future.failedFuture(new RedirectException(status, location(response.headers().get(HttpHeaders.LOCATION)),
                    call.method, call.path));
        }
        if (status < 200 || status >= 300) {
            return Future.failedFuture(ErrorDecoder.decode(status, response.headers().get("Retry-After"), body,
                    call.method, call.path));
        }
        if (call.resultType == Void.class) {
            return Future.succeededFuture();
        }
        if (body.length() == 0) {
            return Future.failedFuture(new UnexpectedResponseException(status, "expected a JSON body", "",
                    call.method, call.path, null));
        }
        try {
            return Future.succeededFuture(Json.mapper().readValue(body.getBytes(), call.resultType));
        } catch (IOException e) {
            return Future.failedFuture(new UnexpectedResponseException(status,
                    "the answer is not the JSON incident.io documents", ErrorDecoder.excerpt(body), call.method,
                    call.path, e));
        }
    }

    /** A redirect's target for a message: scheme, host, port and path only (a query may hold a token). */
    private static String location(String header) {
        if (header == null) {
            return null;
        }
        try {
            URI uri = URI.create(header.strip());
            String where = (uri.getScheme() == null ? "" : uri.getScheme() + "://")
                    + (uri.getHost() == null ? "" : uri.getHost()) + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
            return where.isEmpty() ? "an unreadable location" : where;
        } catch (IllegalArgumentException unreadable) {
            return "an unreadable location";
        }
    }

    /** A failure before the request was handed to a connection: nothing was sent. */
    private IncidentIoException connectFailure(Throwable cause, Call<?> call) {
        String where = host + ":" + port;
        if (cause instanceof java.util.concurrent.TimeoutException || cause instanceof io.netty.channel.ConnectTimeoutException) {
            return new TimeoutException("could not connect to " + where + " within " + connectTimeoutMillis + " ms",
                    call.method, call.path, false, cause);
        }
        return new ConnectionException("could not connect to " + where + " (" + cause.getMessage() + ")",
                call.method, call.path, false, cause);
    }

    /** A failure after the request was handed to a connection: incident.io may have processed it. */
    private IncidentIoException midRequestFailure(Throwable cause, Call<?> call) {
        if (cause instanceof IncidentIoException known) {
            return known;
        }
        String where = host + ":" + port;
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return new TimeoutException("no data from " + where + " for " + idleTimeoutMillis + " ms (idle timeout)",
                    call.method, call.path, true, cause);
        }
        return new ConnectionException("the connection to " + where + " failed mid-request (" + cause + ")",
                call.method, call.path, true, cause);
    }

    private static InvalidInputException unencodable(IOException e) {
        String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage()
                : e.getMessage();
        return new InvalidInputException("body", "cannot be encoded as JSON (" + why + ")",
                "remove unpaired surrogate characters from the text");
    }
}

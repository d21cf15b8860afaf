package dev.firebrigade.internal.transport;

import dev.firebrigade.RequestPreview;
import dev.firebrigade.ApiRequest;
import dev.firebrigade.IncidentIoOptions;
import dev.firebrigade.RetryPolicy;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.NotFoundException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The only code that speaks HTTP: base URL, bearer key, User-Agent, JSON in and out, the mapping of every failure to
 * a typed {@link IncidentIoException}, and the reliability around it: the client's rate limit and in-flight bound,
 * per-attempt and per-call deadlines, a bound on response sizes, and retries as the {@link RetryPolicy} says. Resources
 * hand it an {@link ApiRequest}.
 *
 * <p>A POST is sent again only when it provably was not processed (a 429, a connection never made), or when it
 * carries an idempotency key ({@link ApiRequest#keyed()}), which makes a repeat return the first result; any other
 * POST whose outcome is unknown fails here with the reason, and the caller decides (an action create reconciles).
 */
public final class Transport {
    private static final String JSON = "application/json";
    /** Longer request lines are refused by servers and proxies (8 KiB is the common limit); we refuse them first. */
    private static final int MAX_URI_LENGTH = 8 * 1024;

    private final Wire wire;
    private final String baseUrl;
    private final Duration callTimeout;
    /** No attempt starts with less time than this left: it could not finish, and a create would end up unknown. */
    private final Duration minimumAttempt;
    private final RetryPolicy retryPolicy;
    /** Requests whose outcome is not known yet (retries and the waits between them included), for the REPL's /exit. */
    private final AtomicInteger pending = new AtomicInteger();
    private final ServerClock serverClock = new ServerClock();
    private final Timers timers;
    private final Admission admission;
    private final RetryDecision retries;
    private final Map<String, String> previewHeaders;

    public Transport(Vertx vertx, IncidentIoOptions options) {
        this.baseUrl = options.getBaseUrl();
        this.callTimeout = options.getCallTimeout();
        this.minimumAttempt = Collections.min(List.of(Duration.ofMillis(100), callTimeout.dividedBy(10),
                options.getRequestTimeout()));
        this.retryPolicy = options.getRetryPolicy();
        this.timers = new Timers(vertx);
        this.admission = new Admission(new InFlightLimit(options.getMaxInFlight()),
                new RateLimiter(options.getRateLimit(), System::nanoTime), serverClock, retryPolicy, timers,
                minimumAttempt);
        this.retries = new RetryDecision(retryPolicy);
        String userAgent = HeaderValues.check("User-Agent", UserAgent.of(options.getUserAgentSuffix()));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.ACCEPT, JSON)
                .add(HttpHeaders.USER_AGENT, userAgent);
        if (options.getApiKey() != null) {
            headers.add(HttpHeaders.AUTHORIZATION, HeaderValues.check("api_key", "Bearer " + options.getApiKey().reveal()));
        }
        MultiMap bodyHeaders = MultiMap.caseInsensitiveMultiMap().addAll(headers).add(HttpHeaders.CONTENT_TYPE, JSON);
        this.wire = new Wire(vertx, options, headers, bodyHeaders, admission::observe);
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
        int length = wire.targetLength(request.uri());
        if (length > MAX_URI_LENGTH) {
            return Future.failedFuture(new InvalidInputException("path", "and query are " + length
                    + " characters once encoded, longer than servers accept (" + MAX_URI_LENGTH + ")",
                    "pass IDs and filters of a sensible size"));
        }
        final Buffer body;
        try {
            body = request.body() == null ? null : Json.encode(request.body());
        } catch (IOException e) {
            return Future.failedFuture(unencodable(e));
        }
        pending.incrementAndGet();
        return attempt(new Call<>(request, resultType, body, deadline), 1, null)
                .andThen(done -> pending.decrementAndGet());
    }

    /** Requests sent or being sent (retries and the waits between them included) whose outcome is not known yet. */
    public int pending() {
        return pending.get();
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
        return timers.within(waiter, deadline, late, onGiveUp);
    }

    /** Completes after {@code wait} on a Vert.x timer (at once for zero). */
    public Future<Void> delay(Duration wait) {
        return timers.delay(wait);
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
        return wire.close();
    }

    /** Exchanges in flight, watched for timeouts; for tests. */
    int exchangesWatched() {
        return wire.watched();
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

    /** Attempt number {@code attempt}; {@code previous} is what ended the one before, null on the first. */
    private <T> Future<T> attempt(Call<T> call, int attempt, IncidentIoException previous) {
        Future<Void> admitted = admission.admit(call.deadline, call.method, call.path);
        if (admitted.succeeded()) {
            // The usual case (a free slot and a token at once) goes straight to the wire.
            return exchange(call, attempt);
        }
        return admitted.transform(admission -> {
            if (admission.succeeded()) {
                return exchange(call, attempt);
            }
            // The deadline came while waiting to send again (a late timer on a busy machine): the last answer is the
            // real reason the call ends, the missed slot only why it ends now.
            if (previous == null) {
                return Future.failedFuture(admission.cause());
            }
            previous.addSuppressed(admission.cause());
            return Future.failedFuture(previous);
        });
    }

    /** One exchange of an admitted attempt, its answer decoded, and a retry if the policy calls for one. */
    private <T> Future<T> exchange(Call<T> call, int attempt) {
        return wire.exchange(call.request, call.body, call.deadline).transform(answered -> {
            admission.release();
            Throwable failure = answered.cause();
            if (answered.succeeded()) {
                try {
                    return Future.succeededFuture(ResponseDecoder.decode(call.resultType, call.method, call.path,
                            answered.result()));
                } catch (IncidentIoException unusable) {
                    failure = unusable;
                }
            }
            return retryOrFail(call, attempt, failure);
        });
    }

    private <T> Future<T> retryOrFail(Call<T> call, int attempt, Throwable cause) {
        if (!(cause instanceof IncidentIoException failure)) {
            return Future.failedFuture(cause);
        }
        if (failure.mayHaveBeenProcessed()) {
            call.outcomeUnknown = true;
        } else if (failure instanceof NotFoundException && call.outcomeUnknown && call.request.method() == HttpMethod.DELETE
                && call.resultType == Void.class) {
            // An earlier DELETE may have landed without us hearing; the action being gone is what was asked.
            return Future.succeededFuture();
        }
        Duration wait = retries.delay(call.request, attempt, failure);
        if (wait == null || !call.deadline.allows(wait.plus(minimumAttempt))) {
            return Future.failedFuture(failure);
        }
        return delay(wait).compose(ignored -> attempt(call, attempt + 1, failure));
    }

    private static InvalidInputException unencodable(IOException e) {
        String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage()
                : e.getMessage();
        return new InvalidInputException("body", "cannot be encoded as JSON (" + why + ")",
                "remove unpaired surrogate characters from the text");
    }
}

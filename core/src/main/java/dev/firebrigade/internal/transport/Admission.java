package dev.firebrigade.internal.transport;

import dev.firebrigade.RetryPolicy;
import dev.firebrigade.error.TimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Who may go on the wire, and when: a free slot of {@link InFlightLimit}, then a token of the {@link RateLimiter},
 * both within the call's deadline. It learns from every answer: the server's clock, and how much of incident.io's
 * limit is left.
 */
final class Admission {
    // Looked up in every answer: as Netty's ASCII strings their hashes are computed once, not per lookup.
    private static final CharSequence RATE_LIMIT = HttpHeaders.createOptimized("X-RateLimit-Limit");
    private static final CharSequence RATE_REMAINING = HttpHeaders.createOptimized("X-RateLimit-Remaining");
    private static final CharSequence RATE_RESET = HttpHeaders.createOptimized("X-RateLimit-Reset");
    private static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");

    private final InFlightLimit inFlight;
    private final RateLimiter rateLimiter;
    private final ServerClock serverClock;
    private final RetryPolicy retryPolicy;
    private final Timers timers;
    /** No attempt starts with less time than this left: it could not finish, and a create would end up unknown. */
    private final Duration minimumAttempt;

    Admission(InFlightLimit inFlight, RateLimiter rateLimiter, ServerClock serverClock, RetryPolicy retryPolicy,
              Timers timers, Duration minimumAttempt) {
        this.inFlight = inFlight;
        this.rateLimiter = rateLimiter;
        this.serverClock = serverClock;
        this.retryPolicy = retryPolicy;
        this.timers = timers;
        this.minimumAttempt = minimumAttempt;
    }

    /** Waits for a free slot, then for a token; fails, having sent nothing, if the deadline comes first. */
    Future<Void> admit(Deadline deadline, String method, String path) {
        if (inFlight.tryAcquire()) {
            return afterSlot(deadline, method, path);
        }
        Promise<Void> slot = inFlight.acquire();
        return timers.within(slot, deadline, () -> notSent(deadline, method, path, "a free slot (maxInFlight)"),
                () -> inFlight.abandon(slot)).compose(free -> afterSlot(deadline, method, path));
    }

    /** An admitted exchange is over: its slot is free. */
    void release() {
        inFlight.release();
    }

    private Future<Void> afterSlot(Deadline deadline, String method, String path) {
        if (!deadline.allows(minimumAttempt)) {
            inFlight.release();
            return Future.failedFuture(notSent(deadline, method, path, "a free slot (maxInFlight)"));
        }
        long waitNanos = rateLimiter.reserve();
        if (waitNanos <= 0) {
            return Future.succeededFuture();
        }
        Duration wait = Duration.ofNanos(waitNanos);
        if (!deadline.allows(wait.plus(minimumAttempt))) {
            rateLimiter.cancel();
            inFlight.release();
            return Future.failedFuture(notSent(deadline, method, path,
                    "the rate limit (" + wait.toMillis() + " ms more)"));
        }
        return timers.delay(wait);
    }

    private static TimeoutException notSent(Deadline deadline, String method, String path, String waitingFor) {
        return new TimeoutException("not sent: still waiting for " + waitingFor + " when the call's deadline of "
                + deadline.budget().toMillis() + " ms passed", method, path, false, null);
    }

    /** Learns from every answer: the server's clock, and how much of the rate limit is left. */
    void observe(HttpClientResponse response) {
        long receivedMillis = System.currentTimeMillis();
        serverClock.observe(response.getHeader(HttpHeaders.DATE), receivedMillis);
        long limit = leadingNumber(response.getHeader(RATE_LIMIT));
        long remaining = leadingNumber(response.getHeader(RATE_REMAINING));
        if (limit > 0 && remaining >= 0) {
            long reset = leadingNumber(response.getHeader(RATE_RESET));
            Instant received = Instant.ofEpochMilli(receivedMillis);
            Duration offset = serverClock.offset();
            Instant serverNow = offset == null ? received : received.plus(offset);
            Duration untilReset = reset < 0 ? null : Duration.between(serverNow, Instant.ofEpochSecond(reset));
            rateLimiter.observe(limit, remaining, untilReset, Math.max(0, inFlight.active() - 1));
        }
        if (response.statusCode() == 429) {
            Duration asked = RetryAfter.parse(response.getHeader(RETRY_AFTER), Clock.systemUTC());
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
}

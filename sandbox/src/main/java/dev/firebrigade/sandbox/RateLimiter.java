package dev.firebrigade.sandbox;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Enforces one {@link TokenBucket} per API key and writes the documented headers on every authenticated
 * response: {@code X-RateLimit-Limit: 1200, 1200;window=60}, {@code -Remaining}, {@code -Used}, {@code -Reset}
 * (unix seconds when the bucket is full again). Over the limit it answers 429 with {@code Retry-After} in whole
 * seconds (at least 1) and the documented body.
 */
final class RateLimiter implements Handler<RoutingContext> {
    private final long capacity;
    private final double refillPerSecond;
    private final LongSupplier nanoTime;
    private final Replies replies;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(long capacity, double refillPerSecond, LongSupplier nanoTime, Replies replies) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.nanoTime = nanoTime;
        this.replies = replies;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ApiKeyIdentity key = ctx.get(Sandbox.IDENTITY);
        var bucket = buckets.computeIfAbsent(key.id(), id -> new TokenBucket(capacity, refillPerSecond, nanoTime));
        var outcome = bucket.tryTake();
        var now = Instant.now();
        var response = ctx.response();
        putHeaders(response, outcome, now);
        if (outcome.allowed()) {
            ctx.next();
            return;
        }
        long retryAfterSeconds = Math.max(1, (long) Math.ceil(outcome.secondsUntilNextToken()));
        response.putHeader("Retry-After", Long.toString(retryAfterSeconds));
        replies.send(ctx, 429, ErrorBodies.tooManyRequests(Replies.requestId(ctx), outcome.limit(), outcome.remaining(),
                now.plusSeconds(retryAfterSeconds)));
    }

    private void putHeaders(HttpServerResponse response, TokenBucket.Outcome outcome, Instant now) {
        long window = Math.round(capacity / refillPerSecond);
        response.putHeader("X-RateLimit-Limit", capacity + ", " + capacity + ";window=" + window);
        response.putHeader("X-RateLimit-Remaining", Long.toString(outcome.remaining()));
        response.putHeader("X-RateLimit-Used", Long.toString(outcome.used()));
        long resetEpochSeconds = (long) Math.ceil(now.toEpochMilli() / 1000.0 + outcome.secondsUntilFull());
        response.putHeader("X-RateLimit-Reset", Long.toString(resetEpochSeconds));
    }
}

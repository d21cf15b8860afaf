package dev.firebrigade.sandbox;

import java.util.function.LongSupplier;

/**
 * A token bucket that refills continuously (not in fixed windows), as incident.io documents: it holds
 * {@code capacity} requests and gains {@code refillPerSecond} tokens per second up to that capacity.
 */
final class TokenBucket {
    /** What one attempt found: whether it may proceed, and the numbers the {@code X-RateLimit-*} headers report. */
    record Outcome(boolean allowed, long limit, long remaining, long used, double secondsUntilFull, double secondsUntilNextToken) {}

    private final long capacity;
    private final double refillPerSecond;
    private final LongSupplier nanoTime;
    private double tokens;
    private long lastRefillNanos;

    TokenBucket(long capacity, double refillPerSecond, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.lastRefillNanos = nanoTime.getAsLong();
    }

    synchronized Outcome tryTake() {
        refill();
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long remaining = (long) Math.floor(tokens);
        return new Outcome(allowed, capacity, remaining, capacity - remaining,
                (capacity - tokens) / refillPerSecond,
                tokens >= 1 ? 0 : (1 - tokens) / refillPerSecond);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefillNanos) / 1e9 * refillPerSecond);
        lastRefillNanos = now;
    }
}

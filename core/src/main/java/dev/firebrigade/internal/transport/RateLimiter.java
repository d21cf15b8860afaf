package dev.firebrigade.internal.transport;

import dev.firebrigade.RateLimitPolicy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The client's token bucket ({@link RateLimitPolicy}). Requests reserve a token and are told how long to wait for
 * it, so waiting is a timer in the caller, never a blocked thread; reservations are served in arrival order because
 * each one takes the next token, even one that has not refilled yet. It adjusts to what incident.io reports: a
 * {@code X-RateLimit-Remaining} below the policy's threshold lowers the count and the refill rate until
 * {@code X-RateLimit-Reset}, and a 429 pauses everything for its {@code Retry-After}.
 */
final class RateLimiter {
    private final RateLimitPolicy policy;
    private final LongSupplier nanoTime;
    private final double perNano;
    private double tokens;
    private long lastRefill;
    private double pacedPerNano;
    private long pacedUntil;
    private long pausedUntil;

    RateLimiter(RateLimitPolicy policy, LongSupplier nanoTime) {
        this.policy = policy;
        this.nanoTime = nanoTime;
        this.perNano = policy.refillPerSecond() / 1e9;
        this.tokens = policy.capacity();
        this.lastRefill = nanoTime.getAsLong();
        this.pacedUntil = lastRefill;
        this.pausedUntil = lastRefill;
    }

    /** Takes a token; returns how many nanoseconds to wait before sending (0 = now). */
    synchronized long reserve() {
        if (!policy.enabled()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        refill(now);
        tokens -= 1;
        long wait = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNano(now));
        return Math.max(wait, pausedUntil - now);
    }

    /** Gives back a token reserved by a request that will not be sent after all. */
    synchronized void cancel() {
        if (policy.enabled()) {
            tokens = Math.min(policy.capacity(), tokens + 1);
        }
    }

    /** Holds every request back for {@code wait}, as a 429 asks. */
    synchronized void pause(Duration wait) {
        if (!policy.enabled()) {
            return;
        }
        long now = nanoTime.getAsLong();
        pausedUntil = Math.max(pausedUntil, now + wait.toNanos());
    }

    /**
     * Takes in incident.io's view of the binding limit: {@code limit} requests, {@code remaining} of them left, full
     * again {@code untilReset} from now (null when unknown). Ignored while plenty remains; below the policy's share
     * the client trusts the server's count (less the {@code othersInFlight} it has not seen yet) and spreads the
     * rest so as to arrive at the reset, not at a 429.
     */
    synchronized void observe(long limit, long remaining, Duration untilReset, int othersInFlight) {
        if (!policy.enabled() || limit <= 0 || remaining >= policy.slowDownBelow() * limit) {
            return;
        }
        long now = nanoTime.getAsLong();
        refill(now);
        tokens = Math.min(tokens, remaining - othersInFlight);
        if (untilReset != null && !untilReset.isNegative() && !untilReset.isZero()) {
            double serverPerNano = (limit - remaining) / (double) untilReset.toNanos();
            if (serverPerNano < perNano) {
                // Not below a hundredth of ours: a header that is wrong must not stall the client for ever.
                pacedPerNano = Math.max(serverPerNano, perNano / 100);
                pacedUntil = now + untilReset.toNanos();
            }
        }
    }

    private double ratePerNano(long now) {
        return now - pacedUntil < 0 ? pacedPerNano : perNano;
    }

    private void refill(long now) {
        long elapsedPaced = Math.max(0, Math.min(now, pacedUntil) - lastRefill);
        long elapsedNormal = Math.max(0, now - Math.max(lastRefill, pacedUntil));
        tokens = Math.min(policy.capacity(), tokens + elapsedPaced * pacedPerNano + elapsedNormal * perNano);
        lastRefill = now;
    }
}

package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * The client's own rate limit, immutable: a token bucket per client that mirrors incident.io's, so a busy script
 * slows itself down instead of collecting 429s. Set it with {@link IncidentIoOptions#setRateLimit(RateLimitPolicy)}.
 *
 * <p>The bucket holds {@link #capacity()} requests and refills continuously at {@link #refillPerSecond()}. It also
 * listens to incident.io: once {@code X-RateLimit-Remaining} falls below {@link #slowDownBelow()} of
 * {@code X-RateLimit-Limit}, the client takes the server's count as its own and spreads what is left until
 * {@code X-RateLimit-Reset}, so another process spending the same key does not push it into 429s; a 429 pauses the
 * whole client for its {@code Retry-After}. Waits are Vert.x timers; no thread sleeps.
 */
public final class RateLimitPolicy {
    private static final RateLimitPolicy INCIDENT_IO = new RateLimitPolicy(true, 1200, 20.0, 0.1);
    private static final RateLimitPolicy NONE = new RateLimitPolicy(false, 1, 1.0, 0.0);

    private final boolean enabled;
    private final int capacity;
    private final double refillPerSecond;
    private final double slowDownBelow;

    private RateLimitPolicy(boolean enabled, int capacity, double refillPerSecond, double slowDownBelow) {
        this.enabled = enabled;
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.slowDownBelow = slowDownBelow;
    }

    /** incident.io's documented default: a bucket of 1,200 requests refilling at 20 per second (1,200 a minute). */
    public static RateLimitPolicy incidentIo() {
        return INCIDENT_IO;
    }

    /** A bucket of {@code capacity} requests refilling at {@code refillPerSecond}, e.g. for a key with a lower limit. */
    public static RateLimitPolicy of(int capacity, double refillPerSecond) {
        if (capacity < 1) {
            throw new InvalidInputException("capacity", "must be at least 1", "pass e.g. 1200");
        }
        if (!(refillPerSecond > 0) || Double.isInfinite(refillPerSecond)) {
            throw new InvalidInputException("refillPerSecond", "must be positive", "pass e.g. 20");
        }
        return new RateLimitPolicy(true, capacity, refillPerSecond, INCIDENT_IO.slowDownBelow);
    }

    /** No client-side limit: requests go out as fast as they are made (incident.io's 429s are still honoured). */
    public static RateLimitPolicy none() {
        return NONE;
    }

    public boolean enabled() {
        return enabled;
    }

    public int capacity() {
        return capacity;
    }

    public double refillPerSecond() {
        return refillPerSecond;
    }

    /** The share of the server's limit (0..1) below which {@code X-RateLimit-Remaining} slows the client down. */
    public double slowDownBelow() {
        return slowDownBelow;
    }

    /** This bucket with another threshold for listening to the server's headers; 0 ignores them. */
    public RateLimitPolicy withSlowDownBelow(double fraction) {
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new InvalidInputException("slowDownBelow", "must be within 0..1", "pass e.g. 0.1");
        }
        return new RateLimitPolicy(enabled, capacity, refillPerSecond, fraction);
    }

    /** This policy's JSON form, which {@link #fromJson(JsonObject)} reads back. */
    public JsonObject toJson() {
        return new JsonObject().put("enabled", enabled).put("capacity", capacity)
                .put("refillPerSecond", refillPerSecond).put("slowDownBelow", slowDownBelow);
    }

    /**
     * A policy from its JSON form: {@code {"enabled": false}} is {@link #none()}; otherwise {@link #incidentIo()}
     * with the {@code capacity}, {@code refillPerSecond} and {@code slowDownBelow} given.
     */
    public static RateLimitPolicy fromJson(JsonObject json) {
        var enabled = new boolean[] {true};
        var capacity = new int[] {INCIDENT_IO.capacity};
        var rates = new double[] {INCIDENT_IO.refillPerSecond, INCIDENT_IO.slowDownBelow};
        OptionsJson.read(json, "rateLimit.", Map.of(
                "enabled", v -> enabled[0] = v.bool(),
                "capacity", v -> capacity[0] = v.integer(),
                "refillPerSecond", v -> rates[0] = v.decimal(),
                "slowDownBelow", v -> rates[1] = v.decimal()));
        return enabled[0] ? of(capacity[0], rates[0]).withSlowDownBelow(rates[1]) : NONE;
    }

    @Override
    public String toString() {
        return enabled ? "RateLimitPolicy[" + capacity + " burst, " + refillPerSecond + "/s, slow down below "
                + Math.round(slowDownBelow * 100) + "% remaining]" : "RateLimitPolicy[none]";
    }
}

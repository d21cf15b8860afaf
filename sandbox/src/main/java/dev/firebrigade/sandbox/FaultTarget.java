package dev.firebrigade.sandbox;

import java.time.Duration;
import java.util.Objects;

/** The requests a fault will apply to ({@link Faults#on}); each method here adds the rule and returns it. */
public final class FaultTarget {
    private final Faults faults;
    private final String method;
    private final String pathPattern;

    FaultTarget(Faults faults, String method, String pathPattern) {
        this.faults = faults;
        this.method = Objects.requireNonNull(method, "method");
        this.pathPattern = Objects.requireNonNull(pathPattern, "pathPattern");
    }

    /** Delays processing by {@code delay}; combines with the other rules that match. */
    public FaultRule latency(Duration delay) {
        requirePositive(delay);
        return add(FaultRule.Kind.LATENCY, 0, delay, 0);
    }

    /**
     * Answers {@code status} (400..599) with an error body of the documented shape instead of processing; a 429
     * carries {@code Retry-After: 1} (see {@link #tooManyRequests(Duration)}).
     */
    public FaultRule status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault status must be 400..599, was " + status);
        }
        return add(FaultRule.Kind.STATUS, status, status == 429 ? Duration.ofSeconds(1) : null, 0);
    }

    /** Answers 429 with {@code Retry-After} set to {@code retryAfter} rounded up to whole seconds (at least 1). */
    public FaultRule tooManyRequests(Duration retryAfter) {
        requirePositive(retryAfter);
        return add(FaultRule.Kind.STATUS, 429, retryAfter, 0);
    }

    /** Closes the connection before processing: the client sees a reset, and no state changed. */
    public FaultRule resetBeforeProcessing() {
        return add(FaultRule.Kind.RESET_BEFORE_PROCESSING, 0, null, 0);
    }

    /** Processes the request, then closes the connection without answering: the outcome is unknown to the client. */
    public FaultRule resetAfterProcessing() {
        return add(FaultRule.Kind.RESET_AFTER_PROCESSING, 0, null, 0);
    }

    /** Writes the response {@code chunkBytes} at a time with {@code pause} between chunks. */
    public FaultRule slowBody(int chunkBytes, Duration pause) {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunkBytes must be positive, was " + chunkBytes);
        }
        requirePositive(pause);
        return add(FaultRule.Kind.SLOW_BODY, 0, pause, chunkBytes);
    }

    /** Writes the response 16 bytes at a time, 20 ms apart. */
    public FaultRule slowBody() {
        return slowBody(16, Duration.ofMillis(20));
    }

    /** Processes the request, declares the whole body's Content-Length, sends half of it and closes the connection. */
    public FaultRule truncatedBody() {
        return add(FaultRule.Kind.TRUNCATED_BODY, 0, null, 0);
    }

    /** Answers 502 with a {@code text/html} page, as a proxy in front of the API would; not processed. */
    public FaultRule nonJsonBody() {
        return add(FaultRule.Kind.NON_JSON_BODY, 502, null, 0);
    }

    private FaultRule add(FaultRule.Kind kind, int status, Duration delay, int chunkBytes) {
        var rule = new FaultRule(faults, method, pathPattern, kind, status, delay, chunkBytes);
        faults.add(rule);
        return rule;
    }

    private static void requirePositive(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
    }
}

package dev.firebrigade.sandbox;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * One programmed fault: which requests it matches (method and path pattern), what it does, and how often it
 * fires. A new rule fires on every matching request; narrow it with {@link #times(int)} and/or
 * {@link #probability(double)}. Rules are created by {@link FaultTarget} and live in {@link Faults}.
 */
public final class FaultRule {
    /** What a fault does to a request. */
    public enum Kind {
        /** Waits before processing (on a Vert.x timer; never blocks a thread); other rules still apply. */
        LATENCY,
        /** Answers with an error status and body instead of processing; state untouched. */
        STATUS,
        /** Closes the connection before processing: no response, state untouched. */
        RESET_BEFORE_PROCESSING,
        /** Processes the request (state changes), then closes the connection instead of answering. */
        RESET_AFTER_PROCESSING,
        /** Processes the request, then writes the response in small chunks with pauses. */
        SLOW_BODY,
        /** Processes the request, declares the full Content-Length, sends half of the body and closes. */
        TRUNCATED_BODY,
        /** Answers 502 with an HTML page, as a proxy in front of the API would; state untouched. */
        NON_JSON_BODY
    }

    private final Faults owner;
    private final String method;
    private final String pathPattern;
    private final Pattern path;
    private final Kind kind;
    private final int status;
    private final Duration delay;
    private final int chunkBytes;
    private int remaining = -1;
    private double probability = 1.0;
    private int triggered;

    FaultRule(Faults owner, String method, String pathPattern, Kind kind, int status, Duration delay, int chunkBytes) {
        this.owner = owner;
        this.method = method;
        this.pathPattern = pathPattern;
        this.path = compile(pathPattern);
        this.kind = kind;
        this.status = status;
        this.delay = delay;
        this.chunkBytes = chunkBytes;
    }

    /** Fire on the next {@code n} matching requests only (combined with a probability: at most n times). */
    public FaultRule times(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("times must be >= 0, was " + n);
        }
        synchronized (owner) {
            remaining = n;
        }
        return this;
    }

    /** Fire on each matching request with this probability, drawn from the {@link Faults#seed(long) seedable} random. */
    public FaultRule probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1, was " + p);
        }
        synchronized (owner) {
            probability = p;
        }
        return this;
    }

    /** How many requests this rule has hit so far. */
    public int triggered() {
        synchronized (owner) {
            return triggered;
        }
    }

    /** How many more times it fires; -1 when unlimited. */
    public int remaining() {
        synchronized (owner) {
            return remaining;
        }
    }

    public Kind kind() {
        return kind;
    }

    /** Stops this rule; the others stay. */
    public void remove() {
        owner.remove(this);
    }

    int status() {
        return status;
    }

    Duration delay() {
        return delay;
    }

    int chunkBytes() {
        return chunkBytes;
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method.equals("*") || method.equalsIgnoreCase(requestMethod)) && path.matcher(requestPath).matches();
    }

    /** Called with the owner's lock held: decides whether this rule fires for one matching request, and counts it. */
    boolean tryFire(Random random) {
        if (remaining == 0) {
            return false;
        }
        if (probability < 1 && random.nextDouble() >= probability) {
            return false;
        }
        if (remaining > 0) {
            remaining--;
        }
        triggered++;
        return true;
    }

    /** Whether the request is still processed (the fault happens while answering). */
    boolean afterProcessing() {
        return kind == Kind.RESET_AFTER_PROCESSING || kind == Kind.SLOW_BODY || kind == Kind.TRUNCATED_BODY;
    }

    /** {@code *} matches within one path segment, {@code **} across segments; everything else literally. */
    private static Pattern compile(String pattern) {
        var regex = new StringBuilder();
        var literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append("[^/]*");
                }
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        synchronized (owner) {
            return kind + (kind == Kind.STATUS ? " " + status : "") + (delay != null ? " " + delay.toMillis() + "ms" : "")
                    + " on " + method + " " + pathPattern
                    + (remaining >= 0 ? ", " + remaining + " left" : "") + (probability < 1 ? ", p=" + probability : "")
                    + ", triggered " + triggered;
        }
    }
}

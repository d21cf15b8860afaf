package dev.firebrigade.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Programmable faults, e.g. {@code faults.on("POST", "/v2/actions").status(503).times(3)} or
 * {@code faults.on("*", "/v2/actions/*").resetAfterProcessing().probability(0.1)}. Rules are checked in the order
 * they were added: every matching latency rule that fires adds its delay, then the first other rule that fires
 * decides the request's fate. Thread-safe.
 */
public final class Faults {
    /** What to do with one request: wait this long, then apply {@code terminal} (null: answer normally). */
    record Decision(Duration latency, FaultRule terminal) {
        static final Decision NONE = new Decision(Duration.ZERO, null);
    }

    private final List<FaultRule> rules = new ArrayList<>();
    private Random random = new Random();
    private int triggered;

    Faults() {}

    /**
     * Targets requests by method ({@code "POST"}, or {@code "*"} for any) and path, where {@code *} matches one
     * path segment and {@code **} any number: {@code "/v2/actions/*"}, {@code "/v3/**"}. The query is ignored.
     */
    public FaultTarget on(String method, String pathPattern) {
        return new FaultTarget(this, method, pathPattern);
    }

    /** Targets requests of any method. */
    public FaultTarget on(String pathPattern) {
        return on("*", pathPattern);
    }

    /** Makes probabilistic rules reproducible. */
    public synchronized Faults seed(long seed) {
        random = new Random(seed);
        return this;
    }

    /** Removes every rule and resets the trigger count. */
    public synchronized Faults clear() {
        rules.clear();
        triggered = 0;
        return this;
    }

    /** How many times any rule fired since the last {@link #clear()}, so tests can check faults really happened. */
    public synchronized int triggered() {
        return triggered;
    }

    /** The rules in force, in the order they are checked. */
    public synchronized List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    synchronized void add(FaultRule rule) {
        rules.add(rule);
    }

    synchronized void remove(FaultRule rule) {
        rules.remove(rule);
    }

    synchronized Decision decide(String method, String path) {
        if (rules.isEmpty()) {
            return Decision.NONE;
        }
        var latency = Duration.ZERO;
        FaultRule terminal = null;
        for (var rule : rules) {
            if (!rule.matches(method, path)) {
                continue;
            }
            if (rule.kind() == FaultRule.Kind.LATENCY) {
                if (rule.tryFire(random)) {
                    latency = latency.plus(rule.delay());
                    triggered++;
                }
            } else if (terminal == null && rule.tryFire(random)) {
                terminal = rule;
                triggered++;
            }
        }
        return latency.isZero() && terminal == null ? Decision.NONE : new Decision(latency, terminal);
    }

    @Override
    public synchronized String toString() {
        return "Faults" + rules;
    }
}

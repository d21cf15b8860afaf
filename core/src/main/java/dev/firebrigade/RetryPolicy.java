package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * When and how a client tries again, immutable: every {@code with…} returns a new policy. Set it with
 * {@link IncidentIoOptions#setRetryPolicy(RetryPolicy)}.
 *
 * <p>What is retried (see the README's "Reliability" section):
 * <ul>
 *   <li>429 on any method, after the {@code Retry-After} incident.io asked for, unless that is longer than
 *       {@link #maxRetryAfter()} (then {@code RateLimitException} at once: waiting less than asked is pointless);</li>
 *   <li>a connection that could not be made (refused, connect timeout) on any method: nothing was sent;</li>
 *   <li>a {@link #retryStatuses() 5xx}, a reset or a timeout on GET, PUT and DELETE, which are idempotent;</li>
 *   <li>never a POST whose outcome is unknown: an action create is instead reconciled, see {@link #createAttempts()}.</li>
 * </ul>
 * Waits between attempts grow exponentially from {@link #initialBackoff()} up to {@link #maxBackoff()}, each with
 * a random part ({@link #jitter()}) so that many clients do not retry in step. Waits are Vert.x timers, never a
 * sleeping thread, and every wait counts towards the call's overall deadline
 * ({@link IncidentIoOptions#getCallTimeout()}).
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = new RetryPolicy(new Spec());
    private static final RetryPolicy NONE = DEFAULTS.with(s -> {
        s.maxAttempts = 1;
        s.maxRetryAfter = Duration.ZERO;
        s.retryStatuses = Set.of();
        s.createAttempts = 1;
        s.reconcile = false;
        s.reconcileDelay = Duration.ZERO;
    });

    /** The values of a policy being derived from another; the defaults as initial values. */
    private static final class Spec {
        int maxAttempts = 4;
        Duration initialBackoff = Duration.ofMillis(500);
        Duration maxBackoff = Duration.ofSeconds(10);
        double multiplier = 2.0;
        double jitter = 0.5;
        Duration maxRetryAfter = Duration.ofSeconds(60);
        Set<Integer> retryStatuses = Set.of(500, 502, 503, 504);
        int createAttempts = 3;
        boolean reconcile = true;
        Duration reconcileDelay = Duration.ofSeconds(1);
        Duration clockSkewTolerance = Duration.ofSeconds(5);
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final Set<Integer> retryStatuses;
    private final int createAttempts;
    private final boolean reconcile;
    private final Duration reconcileDelay;
    private final Duration clockSkewTolerance;

    private RetryPolicy(Spec spec) {
        this.maxAttempts = spec.maxAttempts;
        this.initialBackoff = spec.initialBackoff;
        this.maxBackoff = spec.maxBackoff;
        this.multiplier = spec.multiplier;
        this.jitter = spec.jitter;
        this.maxRetryAfter = spec.maxRetryAfter;
        this.retryStatuses = Set.copyOf(spec.retryStatuses);
        this.createAttempts = spec.createAttempts;
        this.reconcile = spec.reconcile;
        this.reconcileDelay = spec.reconcileDelay;
        this.clockSkewTolerance = spec.clockSkewTolerance;
    }

    /** This policy with {@code change} applied to a copy of its values. */
    private RetryPolicy with(Consumer<Spec> change) {
        var spec = new Spec();
        spec.maxAttempts = maxAttempts;
        spec.initialBackoff = initialBackoff;
        spec.maxBackoff = maxBackoff;
        spec.multiplier = multiplier;
        spec.jitter = jitter;
        spec.maxRetryAfter = maxRetryAfter;
        spec.retryStatuses = retryStatuses;
        spec.createAttempts = createAttempts;
        spec.reconcile = reconcile;
        spec.reconcileDelay = reconcileDelay;
        spec.clockSkewTolerance = clockSkewTolerance;
        change.accept(spec);
        return new RetryPolicy(spec);
    }

    /**
     * 4 attempts per request, backoff 0.5 s doubling up to 10 s with 50% jitter, {@code Retry-After} honoured up to
     * 60 s, 500/502/503/504 retried; a create whose outcome is unknown is reconciled after 1 s and sent at most 3
     * times, matching the incident's actions created since 5 s (plus the measured clock offset) before it began.
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * One attempt, nothing retried and nothing reconciled: every failure reaches the caller as it happened, and a
     * create whose outcome is unknown fails at once with {@code OutcomeUnknownException}.
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /** How many times one request may be sent in all, the first included (1 = never retry). */
    public int maxAttempts() {
        return maxAttempts;
    }

    public RetryPolicy withMaxAttempts(int maxAttempts) {
        atLeast("maxAttempts", maxAttempts, 1);
        return with(s -> s.maxAttempts = maxAttempts);
    }

    /** The wait before the first retry, before jitter. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest wait between two attempts, before jitter. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Waits of {@code initial}, then multiplied by {@link #multiplier()} each retry, never above {@code max}. */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        positive("initialBackoff", initial);
        positive("maxBackoff", max);
        if (max.compareTo(initial) < 0) {
            throw new InvalidInputException("maxBackoff", "is shorter than initialBackoff", "pass max >= initial");
        }
        return with(s -> {
            s.initialBackoff = initial;
            s.maxBackoff = max;
        });
    }

    /** How much each wait grows over the previous one. */
    public double multiplier() {
        return multiplier;
    }

    public RetryPolicy withMultiplier(double multiplier) {
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new InvalidInputException("multiplier", "must be at least 1", "pass e.g. 2.0");
        }
        return with(s -> s.multiplier = multiplier);
    }

    /** The random share of each wait, 0..1: a wait of {@code d} becomes uniform in {@code [d·(1-jitter), d]}. */
    public double jitter() {
        return jitter;
    }

    public RetryPolicy withJitter(double jitter) {
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new InvalidInputException("jitter", "must be within 0..1", "pass e.g. 0.5");
        }
        return with(s -> s.jitter = jitter);
    }

    /** The longest {@code Retry-After} the client waits for; a 429 asking for more fails at once. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    public RetryPolicy withMaxRetryAfter(Duration maxRetryAfter) {
        notNegative("maxRetryAfter", maxRetryAfter);
        return with(s -> s.maxRetryAfter = maxRetryAfter);
    }

    /** The server errors retried on idempotent requests (GET, PUT, DELETE). */
    public Set<Integer> retryStatuses() {
        return new TreeSet<>(retryStatuses);
    }

    public RetryPolicy withRetryStatuses(Integer... statuses) {
        for (Integer status : statuses) {
            if (status == null || status < 500 || status > 599) {
                throw new InvalidInputException("retryStatuses", "may only hold 5xx statuses (429 is always honoured)",
                        "pass e.g. 502, 503, 504");
            }
        }
        return with(s -> s.retryStatuses = Set.copyOf(Arrays.asList(statuses)));
    }

    /**
     * How many times one action create may be sent in all. A create is sent again only after its outcome was
     * unknown (timeout after sending, reset, 5xx) and listing the incident's actions showed it had not landed.
     */
    public int createAttempts() {
        return createAttempts;
    }

    public RetryPolicy withCreateAttempts(int createAttempts) {
        atLeast("createAttempts", createAttempts, 1);
        return with(s -> s.createAttempts = createAttempts);
    }

    /**
     * Whether a create whose outcome is unknown is looked for among the incident's actions (true by default, false
     * for {@link #none()}). Without it such a create fails at once with {@code OutcomeUnknownException}.
     */
    public boolean reconciles() {
        return reconcile;
    }

    public RetryPolicy withReconciliation(boolean reconcile) {
        return with(s -> s.reconcile = reconcile);
    }

    /**
     * How long to let a create whose outcome is unknown settle before listing the incident's actions: a request
     * that timed out may still be being processed.
     */
    public Duration reconcileDelay() {
        return reconcileDelay;
    }

    public RetryPolicy withReconcileDelay(Duration reconcileDelay) {
        notNegative("reconcileDelay", reconcileDelay);
        return with(s -> s.reconcileDelay = reconcileDelay);
    }

    /**
     * How far before an attempt began an action's {@code created_at} may be and still count as that attempt's.
     * The client corrects its clock by the offset it measures from incident.io's {@code Date} header; this margin
     * covers that header's one-second resolution and the network delay. Larger tolerates more clock error, but
     * widens the window in which somebody else's identical action could be taken for ours.
     */
    public Duration clockSkewTolerance() {
        return clockSkewTolerance;
    }

    public RetryPolicy withClockSkewTolerance(Duration clockSkewTolerance) {
        notNegative("clockSkewTolerance", clockSkewTolerance);
        return with(s -> s.clockSkewTolerance = clockSkewTolerance);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry): {@code initial · multiplier^(retry-1)},
     * capped at {@code max}, less a random share of up to {@link #jitter()}.
     */
    public Duration backoff(int retry) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, retry - 1));
        double capped = Math.min(base, maxBackoff.toNanos());
        double jittered = capped * (1.0 - jitter * ThreadLocalRandom.current().nextDouble());
        return Duration.ofNanos((long) jittered);
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new InvalidInputException(name, "must be at least " + min, "pass a number >= " + min);
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidInputException(name, "must be a positive duration", "pass e.g. Duration.ofMillis(500)");
        }
    }

    private static void notNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new InvalidInputException(name, "must be zero or positive", "pass e.g. Duration.ofSeconds(1)");
        }
    }

    /**
     * This policy's JSON form, which {@link #fromJson(JsonObject)} reads back: every value by its accessor's name,
     * durations as ISO-8601 ({@code "PT0.5S"}).
     */
    public JsonObject toJson() {
        return new JsonObject()
                .put("maxAttempts", maxAttempts)
                .put("initialBackoff", OptionsJson.write(initialBackoff))
                .put("maxBackoff", OptionsJson.write(maxBackoff))
                .put("multiplier", multiplier)
                .put("jitter", jitter)
                .put("maxRetryAfter", OptionsJson.write(maxRetryAfter))
                .put("retryStatuses", new JsonArray(List.copyOf(retryStatuses())))
                .put("createAttempts", createAttempts)
                .put("reconciles", reconcile)
                .put("reconcileDelay", OptionsJson.write(reconcileDelay))
                .put("clockSkewTolerance", OptionsJson.write(clockSkewTolerance));
    }

    /**
     * The {@link #defaults()} with what {@code json} sets, checked as by the {@code with…} methods; durations are
     * ISO-8601 or milliseconds. A name that is not a value of the policy fails with {@code InvalidInputException}.
     */
    public static RetryPolicy fromJson(JsonObject json) {
        var policy = new RetryPolicy[] {DEFAULTS};
        var backoff = new Duration[] {DEFAULTS.initialBackoff, DEFAULTS.maxBackoff};
        OptionsJson.read(json, "retryPolicy.", Map.ofEntries(
                Map.entry("maxAttempts", v -> policy[0] = policy[0].withMaxAttempts(v.integer())),
                Map.entry("initialBackoff", v -> backoff[0] = v.duration()),
                Map.entry("maxBackoff", v -> backoff[1] = v.duration()),
                Map.entry("multiplier", v -> policy[0] = policy[0].withMultiplier(v.decimal())),
                Map.entry("jitter", v -> policy[0] = policy[0].withJitter(v.decimal())),
                Map.entry("maxRetryAfter", v -> policy[0] = policy[0].withMaxRetryAfter(v.duration())),
                Map.entry("retryStatuses", v -> policy[0] = policy[0].withRetryStatuses(v.integers().toArray(Integer[]::new))),
                Map.entry("createAttempts", v -> policy[0] = policy[0].withCreateAttempts(v.integer())),
                Map.entry("reconciles", v -> policy[0] = policy[0].withReconciliation(v.bool())),
                Map.entry("reconcileDelay", v -> policy[0] = policy[0].withReconcileDelay(v.duration())),
                Map.entry("clockSkewTolerance", v -> policy[0] = policy[0].withClockSkewTolerance(v.duration()))));
        // Together: each bound alone may be valid and still contradict the other.
        return policy[0].withBackoff(backoff[0], backoff[1]);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff=" + initialBackoff.toMillis() + ".."
                + maxBackoff.toMillis() + "ms x" + multiplier + " jitter " + jitter + ", maxRetryAfter=" + maxRetryAfter
                + ", retryStatuses=" + retryStatuses() + ", createAttempts=" + createAttempts
                + (reconcile ? ", reconcileDelay=" + reconcileDelay.toMillis() + "ms, clockSkewTolerance="
                + clockSkewTolerance : ", no reconciliation") + "]";
    }
}

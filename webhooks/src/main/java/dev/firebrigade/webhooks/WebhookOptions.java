package dev.firebrigade.webhooks;

import dev.firebrigade.error.InvalidInputException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a webhook receiver checks deliveries: the signing secrets it accepts (more than one while you rotate), how far
 * a delivery's timestamp may be from now, the largest body it reads, and how many message IDs it remembers to refuse
 * replays. Fluent setters; a copy is taken when a receiver is built.
 */
public final class WebhookOptions {
    /** Svix's own libraries allow five minutes either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** incident.io's events are a few kilobytes; an incident with many custom fields stays far below this. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** About a megabyte of memory at most; far more than the deliveries of a tolerance window. */
    public static final int DEFAULT_REPLAY_MEMORY = 10_000;
    /** Svix gives up waiting for an answer after 15 s; answering later helps nobody. */
    public static final Duration DEFAULT_LISTENER_TIMEOUT = Duration.ofSeconds(15);

    private final List<WebhookSecret> secrets = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int replayMemory = DEFAULT_REPLAY_MEMORY;
    private Duration listenerTimeout = DEFAULT_LISTENER_TIMEOUT;
    private Clock clock = Clock.systemUTC();

    public WebhookOptions() {
    }

    public WebhookOptions(WebhookOptions other) {
        this.secrets.addAll(other.secrets);
        this.tolerance = other.tolerance;
        this.maxBodyBytes = other.maxBodyBytes;
        this.replayMemory = other.replayMemory;
        this.listenerTimeout = other.listenerTimeout;
        this.clock = other.clock;
    }

    /** Accepts deliveries signed with this secret ({@code whsec_…}); call again to accept an old and a new one. */
    public WebhookOptions addSecret(String secret) {
        secrets.add(WebhookSecret.parse(secret));
        return this;
    }

    /** Accepts deliveries signed with this secret. */
    public WebhookOptions addSecret(WebhookSecret secret) {
        secrets.add(Objects.requireNonNull(secret, "secret"));
        return this;
    }

    public List<WebhookSecret> getSecrets() {
        return List.copyOf(secrets);
    }

    /** How far {@code webhook-timestamp} may be from now, in the past or the future; default five minutes. */
    public WebhookOptions setTolerance(Duration tolerance) {
        if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
            throw new InvalidInputException("tolerance", "must be positive, was " + tolerance,
                    "pass a duration such as Duration.ofMinutes(5)");
        }
        this.tolerance = tolerance;
        return this;
    }

    public Duration getTolerance() {
        return tolerance;
    }

    /** The largest body read; a larger one is answered 413 as soon as it exceeds this. Default 1 MiB. */
    public WebhookOptions setMaxBodyBytes(int maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw new InvalidInputException("maxBodyBytes", "must be positive, was " + maxBodyBytes,
                    "pass a size in bytes such as 1048576");
        }
        this.maxBodyBytes = maxBodyBytes;
        return this;
    }

    public int getMaxBodyBytes() {
        return maxBodyBytes;
    }

    /** How many message IDs are remembered to refuse replays and repeat deliveries; default 10,000. */
    public WebhookOptions setReplayMemory(int replayMemory) {
        if (replayMemory < 1) {
            throw new InvalidInputException("replayMemory", "must be positive, was " + replayMemory,
                    "pass a number of message IDs such as 10000");
        }
        this.replayMemory = replayMemory;
        return this;
    }

    public int getReplayMemory() {
        return replayMemory;
    }

    /**
     * How long the listener's future may take; then the delivery is answered 503 and its ID forgotten, so Svix's
     * retry reaches the listener again (a listener that finishes late may then see the event twice). Default 15 s.
     */
    public WebhookOptions setListenerTimeout(Duration listenerTimeout) {
        if (listenerTimeout == null || listenerTimeout.isNegative() || listenerTimeout.isZero()) {
            throw new InvalidInputException("listenerTimeout", "must be positive, was " + listenerTimeout,
                    "pass a duration such as Duration.ofSeconds(15)");
        }
        this.listenerTimeout = listenerTimeout;
        return this;
    }

    public Duration getListenerTimeout() {
        return listenerTimeout;
    }

    /** The clock timestamps are checked against; the system's by default (tests pass a fixed one). */
    public WebhookOptions setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    public Clock getClock() {
        return clock;
    }

    @Override
    public String toString() {
        return "WebhookOptions{secrets=" + secrets.size() + ", tolerance=" + tolerance + ", maxBodyBytes="
                + maxBodyBytes + ", replayMemory=" + replayMemory + ", listenerTimeout=" + listenerTimeout + "}";
    }
}

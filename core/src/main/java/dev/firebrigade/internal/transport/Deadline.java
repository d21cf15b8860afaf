package dev.firebrigade.internal.transport;

import java.time.Duration;

/** The moment one call must be over by, on the monotonic clock; shared by all its attempts and waits. */
public final class Deadline {
    private final long atNanos;
    private final Duration budget;

    private Deadline(long atNanos, Duration budget) {
        this.atNanos = atNanos;
        this.budget = budget;
    }

    /** The deadline {@code budget} from now. */
    public static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
    }

    /** Time left in nanoseconds, never negative. */
    long remainingNanos() {
        return Math.max(0, atNanos - System.nanoTime());
    }

    /** Whether a wait of {@code wait} would still end before the deadline. */
    public boolean allows(Duration wait) {
        return System.nanoTime() + wait.toNanos() < atNanos;
    }

    public boolean expired() {
        return System.nanoTime() - atNanos >= 0;
    }

    /** The whole budget this deadline was given, for messages. */
    public Duration budget() {
        return budget;
    }

    @Override
    public String toString() {
        return "Deadline[" + remaining().toMillis() + " ms left of " + budget.toMillis() + "]";
    }
}

package dev.firebrigade;

import java.time.Duration;
import java.time.Instant;

/**
 * A watch being set up, immutable like every draft: {@code actions().watch().forIncident("INC-2").every(ofSeconds(2))}.
 * {@link #start()} returns the running {@link Watch}, a stream of {@link Change}s. Subclasses add their resource's
 * filters.
 */
public abstract class WatchQuery<T extends Record, W extends WatchQuery<T, W>> {
    private final Watched<T> watched;
    private final WatchSettings settings;

    WatchQuery(Watched<T> watched, WatchSettings settings) {
        this.watched = watched;
        this.settings = settings;
    }

    /** This watch with other settings. */
    abstract W with(WatchSettings settings);

    /** The list to poll: items in scope updated at or after {@code from}, or every item in scope when null. */
    abstract PagedQuery<T> updatedSince(Instant from);

    WatchSettings settings() {
        return settings;
    }

    /** How often to poll when nothing fails (default 5 s, at least 100 ms). */
    public W every(Duration interval) {
        return with(new WatchSettings(interval, settings.overlap(), settings.since(), settings.sweepEvery(),
                settings.memory()));
    }

    /**
     * How far each poll reaches back before the previous one began (default 3 minutes): incident.io stamps
     * {@code updated_at} before it commits, so a change can appear late; duplicates are dropped.
     */
    public W overlap(Duration overlap) {
        return with(new WatchSettings(settings.interval(), overlap, settings.since(), settings.sweepEvery(),
                settings.memory()));
    }

    /** Reports changes from {@code since} on rather than from when the watch starts (catching up after a restart). */
    public W since(Instant since) {
        return with(new WatchSettings(settings.interval(), settings.overlap(), since, settings.sweepEvery(),
                settings.memory()));
    }

    /**
     * Every {@code polls}-th poll (and the first) lists everything in scope instead of recent changes: items that
     * disappeared are reported {@link Change.Kind#DELETED}, and every item's first change names its fields. Costs a
     * full listing each time: meant for a small scope such as one incident's actions. 0 (the default) never sweeps.
     */
    public W sweepEvery(int polls) {
        return with(new WatchSettings(settings.interval(), settings.overlap(), settings.since(), polls,
                settings.memory()));
    }

    /** How many items to remember beyond the overlap window to name the fields of their next change (default 10,000). */
    public W memory(int items) {
        return with(new WatchSettings(settings.interval(), settings.overlap(), settings.since(), settings.sweepEvery(),
                items));
    }

    /**
     * Starts watching; polling begins when a handler is set. Bad settings throw
     * {@link dev.firebrigade.error.InvalidInputException} here; a bad filter ends the stream with one at the first
     * poll, before anything is sent.
     */
    public Watch<T> start() {
        settings.check();
        return new Watch<>(updatedSince(null).pager().vertx(), this::updatedSince, watched, settings);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + updatedSince(null) + ", " + settings + "]";
    }
}

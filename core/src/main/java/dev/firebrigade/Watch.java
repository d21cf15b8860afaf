package dev.firebrigade;

import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.RateLimitException;
import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.internal.stream.HandOver;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.streams.ReadStream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Changes to a list, seen by polling it, as a Vert.x {@link ReadStream}: each poll asks for the items updated since
 * the previous poll began, less an overlap (incident.io stamps {@code updated_at} before committing), and reports
 * each new version of an item once, oldest first. Polls follow one another, never overlap, and cost one request per
 * page (one when nothing changed).
 *
 * <p>Back-pressure: the changes of one poll are buffered and the next poll waits until they were all handed over, so
 * {@link #pause()} stops polling. Failures: a fault that may pass (5xx, connection, timeout, a 429 after the client's
 * own retries) goes to the {@link #exceptionHandler} and polling goes on after a growing wait, at least the
 * {@code Retry-After} asked for, back to the interval after the next success; a failure that will not pass (bad
 * input, 401, 403, 404, 422), or a change handler that throws, goes to the exception handler and ends the watch.
 * {@link #close()} stops polling and calls the end handler. Changes, the end and failures arrive on the context the
 * watch was started on. Methods may be called from any thread.
 */
public final class Watch<T extends Record> implements ReadStream<Change<T>> {
    /** The longest wait after repeated failures, unless the interval or a Retry-After is longer. */
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final Vertx vertx;
    private final Context context;
    private final Function<Instant, PagedQuery<T>> source;
    private final Watched<T> watched;
    private final WatchSettings settings;
    private final Instant since;
    /** The last version seen of each remembered item, oldest change first. */
    private final LinkedHashMap<String, T> seen = new LinkedHashMap<>();
    private final HandOver<Change<T>> pending = new HandOver<>(this);
    private final Promise<Void> done = Promise.promise();

    private Handler<Change<T>> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private boolean stopped;
    private boolean polling;
    private long timer = -1;
    /** Items updated before this are not asked for again. */
    private Instant windowStart;
    private long nextPollNanos;
    private long polls;
    private int failuresInARow;

    Watch(Vertx vertx, Function<Instant, PagedQuery<T>> source, Watched<T> watched, WatchSettings settings) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.source = source;
        this.watched = watched;
        this.settings = settings;
        this.since = settings.since() != null ? settings.since() : Instant.now();
        this.windowStart = since.minus(settings.overlap());
        this.nextPollNanos = System.nanoTime();
    }

    /** Sets the handler and starts polling; {@code null} stops the watch as {@link #close()} does. */
    @Override
    public Watch<T> handler(Handler<Change<T>> handler) {
        if (handler == null) {
            close();
            return this;
        }
        synchronized (this) {
            this.handler = handler;
        }
        schedule();
        return this;
    }

    @Override
    public synchronized Watch<T> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public synchronized Watch<T> endHandler(Handler<Void> handler) {
        this.endHandler = handler;
        return this;
    }

    /** Stops handing changes over, and so polling once the buffered changes would be next. */
    @Override
    public Watch<T> pause() {
        pending.pause();
        return this;
    }

    @Override
    public Watch<T> resume() {
        return fetch(Long.MAX_VALUE);
    }

    @Override
    public Watch<T> fetch(long amount) {
        pending.fetch(amount);
        schedule();
        return this;
    }

    /**
     * Stops polling, drops changes not handed over yet and calls the end handler. The future completes once a poll
     * under way has finished, so that nothing is sent afterwards.
     */
    public Future<Void> close() {
        context.runOnContext(ignored -> stop(null));
        return done.future().recover(failure -> Future.succeededFuture());
    }

    /** Completes when the watch stops: normally after {@link #close()}, failed when a failure ended it. */
    public Future<Void> done() {
        return done.future();
    }

    /** How many polls completed, successful or not. */
    public synchronized long polls() {
        return polls;
    }

    private void schedule() {
        context.runOnContext(ignored -> drain());
    }

    /** Hands buffered changes over while there is demand, then arranges the next poll. On the context only. */
    private void drain() {
        if (pending.handOver(() -> stopped ? null : handler, thrown -> failed(thrown, System.nanoTime(), true))) {
            armTimer();
        }
    }

    /** Sets the timer for the next poll when nothing is buffered, nothing is under way and changes are wanted. */
    private void armTimer() {
        long delayMillis;
        synchronized (this) {
            if (stopped || handler == null || polling || timer != -1 || !pending.wanted() || !pending.isEmpty()) {
                return;
            }
            delayMillis = Math.max(1, (nextPollNanos - System.nanoTime()) / 1_000_000);
            timer = vertx.setTimer(delayMillis, id -> {
                synchronized (this) {
                    timer = -1;
                }
                poll();
            });
        }
    }

    private void poll() {
        boolean sweep;
        Instant from;
        synchronized (this) {
            if (stopped) {
                return;
            }
            polling = true;
            sweep = settings.sweepEvery() > 0 && polls % settings.sweepEvery() == 0;
            from = windowStart;
        }
        Instant began = Instant.now();
        long beganNanos = System.nanoTime();
        Future<List<T>> items = Futures.attempt(() -> source.apply(sweep ? null : from).fetch());
        items.onComplete(ar -> context.runOnContext(ignored -> polled(ar.result(), ar.cause(), sweep, began,
                beganNanos)));
    }

    private void polled(List<T> items, Throwable failure, boolean sweep, Instant began, long beganNanos) {
        synchronized (this) {
            polling = false;
            polls++;
            if (stopped) {
                done.tryComplete();
                return;
            }
        }
        if (failure != null) {
            failed(failure, beganNanos, lasting(failure));
            return;
        }
        List<Change<T>> found = sweep ? swept(items) : changesIn(items);
        synchronized (this) {
            failuresInARow = 0;
            nextPollNanos = beganNanos + settings.interval().toNanos();
            Instant reach = began.minus(settings.overlap());
            if (reach.isAfter(windowStart)) {
                windowStart = reach;
            }
            forgetBeyondMemory();
            pending.addAll(found);
        }
        drain();
    }

    /** The changes among {@code items}, oldest first, remembering each item's new version. */
    private List<Change<T>> changesIn(List<T> items) {
        var sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(watched.updatedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(watched.id()));
        var changes = new ArrayList<Change<T>>();
        for (T item : sorted) {
            Change<T> change = changeOf(item);
            if (change != null) {
                changes.add(change);
            }
        }
        return changes;
    }

    /**
     * A full listing: its changes as usual, then every remembered item it lacks as deleted. The first sweep only
     * learns what exists, so later changes name their fields.
     */
    private List<Change<T>> swept(List<T> items) {
        var changes = changesIn(items);
        var present = new HashSet<String>();
        for (T item : items) {
            present.add(watched.id().apply(item));
        }
        for (Iterator<Map.Entry<String, T>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, T> entry = it.next();
            if (!present.contains(entry.getKey())) {
                it.remove();
                changes.add(new Change<>(Change.Kind.DELETED, entry.getValue(), entry.getValue(), List.of()));
            }
        }
        return changes;
    }

    /** What {@code item} means given what was seen before, or null when it is nothing new. */
    private Change<T> changeOf(T item) {
        String id = watched.id().apply(item);
        T before = seen.get(id);
        Instant updated = watched.updatedAt().apply(item);
        if (before != null) {
            Instant wasUpdated = watched.updatedAt().apply(before);
            // An older version (a lagging replica) or the same one again (the overlap) is nothing new.
            if (item.equals(before) || updated != null && wasUpdated != null && updated.isBefore(wasUpdated)) {
                return null;
            }
        }
        seen.remove(id);
        seen.put(id, item);
        if (before == null && updated != null && updated.isBefore(since)) {
            return null;
        }
        if (watched.deleted().test(item)) {
            return before != null && watched.deleted().test(before) ? null
                    : new Change<>(Change.Kind.DELETED, item, before, changed(before, item));
        }
        if (before == null) {
            Instant created = watched.createdAt().apply(item);
            boolean isNew = created == null || !created.isBefore(since);
            return new Change<>(isNew ? Change.Kind.CREATED : Change.Kind.UPDATED, item, null, List.of());
        }
        boolean completed = watched.completed().test(item) && !watched.completed().test(before);
        return new Change<>(completed ? Change.Kind.COMPLETED : Change.Kind.UPDATED, item, before, changed(before, item));
    }

    private List<String> changed(T before, T after) {
        return before == null ? List.of() : watched.changedFields(before, after);
    }

    /**
     * Forgets the oldest items beyond {@code memory}, but never one updated inside the overlap window: the next
     * poll lists those again, and only remembering them keeps them from being reported twice.
     */
    private void forgetBeyondMemory() {
        Iterator<T> oldestFirst = seen.values().iterator();
        while (seen.size() > settings.memory() && oldestFirst.hasNext()) {
            Instant updated = watched.updatedAt().apply(oldestFirst.next());
            if (updated != null && updated.isBefore(windowStart)) {
                oldestFirst.remove();
            }
        }
    }

    private void failed(Throwable failure, long beganNanos, boolean fatal) {
        Handler<Throwable> report;
        synchronized (this) {
            report = exceptionHandler;
            if (!fatal) {
                failuresInARow++;
                nextPollNanos = beganNanos + backoff(failure).toNanos();
            }
        }
        if (report != null) {
            report.handle(failure);
        }
        if (fatal) {
            stop(failure);
        } else {
            armTimer();
        }
    }

    /** The interval doubled for each failure in a row, capped, and never shorter than a Retry-After. */
    private Duration backoff(Throwable failure) {
        Duration interval = settings.interval();
        Duration cap = interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
        Duration wait = interval.multipliedBy(1L << Math.min(failuresInARow, 20));
        if (wait.compareTo(cap) > 0) {
            wait = cap;
        }
        if (failure instanceof RateLimitException limited && limited.retryAfter() != null
                && limited.retryAfter().compareTo(wait) > 0) {
            wait = limited.retryAfter();
        }
        return wait;
    }

    /** Whether polling again cannot help: bad input, an unknown incident, a refused key, a missing list. */
    private static boolean lasting(Throwable failure) {
        if (failure instanceof InvalidInputException || failure instanceof UnresolvedReferenceException) {
            return true;
        }
        if (failure instanceof IncidentIoException answered) {
            int status = answered.status();
            return status >= 400 && status < 500 && status != 408 && status != 429;
        }
        return false;
    }

    /** Ends the watch once: no more polls, buffered changes dropped, the end handler called unless a failure ended it. */
    private void stop(Throwable failure) {
        Handler<Void> end;
        boolean settled;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            pending.clear();
            if (timer != -1) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
            end = failure == null ? endHandler : null;
            settled = !polling;
        }
        // The end handler runs first, so that whoever waits on close() finds it called.
        try {
            if (end != null) {
                end.handle(null);
            }
        } finally {
            if (failure != null) {
                done.tryFail(failure);
            } else if (settled) {
                done.tryComplete();
            }
        }
    }

    @Override
    public String toString() {
        return "Watch[every " + settings.interval().toMillis() + " ms, since " + since + ", polls " + polls() + "]";
    }
}

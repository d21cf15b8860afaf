package dev.firebrigade.internal.transport;

import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times out the exchanges in flight with one periodic check for all of them, running only while any is in flight.
 * Vert.x timers per exchange (three: the pool's connect timeout, the request timeout, the idle timeout), each armed
 * and then cancelled on every answer, cost about 0.6 KB and 1 µs per request (see docs/benchmarks.md); being watched costs
 * no allocation here, the watched object is its own entry.
 *
 * <p>An expiry is noticed up to one period late; the period is a tenth of the shortest configured timeout, between
 * 5 and 100 ms.
 */
final class TimeoutWatch {
    /** Something with a deadline; it leaves the watch by {@link #remove} or by expiring. */
    abstract static class Watched {
        /** Index in the watch's array, -1 when not watched. Guarded by the watch. */
        private int slot = -1;

        /**
         * Whether this has expired at {@code now} (System.nanoTime). Called under the watch's lock: only decide here,
         * fail in {@link #expire}.
         */
        abstract boolean expiredAt(long now);

        /** Fails this for its expiry; called outside the watch's lock, once. */
        abstract void expire(long now);
    }

    private final Vertx vertx;
    private final long periodMillis;
    private Watched[] watched = new Watched[16];
    private int size;
    private long timer = -1;

    TimeoutWatch(Vertx vertx, long shortestTimeoutMillis) {
        this.vertx = vertx;
        this.periodMillis = Math.max(5, Math.min(100, shortestTimeoutMillis / 10));
    }

    /** Starts watching {@code entry}. */
    synchronized void add(Watched entry) {
        if (size == watched.length) {
            watched = Arrays.copyOf(watched, size * 2);
        }
        entry.slot = size;
        watched[size++] = entry;
        if (timer < 0) {
            timer = vertx.setPeriodic(periodMillis, id -> check());
        }
    }

    /** Stops watching {@code entry}; nothing if it is not watched. */
    synchronized void remove(Watched entry) {
        int slot = entry.slot;
        if (slot < 0) {
            return;
        }
        Watched last = watched[--size];
        watched[slot] = last;
        last.slot = slot;
        watched[size] = null;
        entry.slot = -1;
        if (size == 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    synchronized int size() {
        return size;
    }

    private void check() {
        long now = System.nanoTime();
        List<Watched> expired = null;
        synchronized (this) {
            for (int i = size - 1; i >= 0; i--) {
                Watched entry = watched[i];
                if (entry.expiredAt(now)) {
                    if (expired == null) {
                        expired = new ArrayList<>();
                    }
                    expired.add(entry);
                    remove(entry);
                }
            }
        }
        if (expired != null) {
            expired.forEach(entry -> entry.expire(now));
        }
    }
}

package dev.firebrigade;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Remembers what references resolved to, per client: bounded (least recently used answers go first), each answer
 * kept for a fixed time, failures never kept. Concurrent lookups of one key share a single in-flight lookup, so a
 * thousand creates for {@code INC-7} started at once make one request. Thread-safe; small enough not to justify a
 * caching library.
 */
final class ResolutionCache<V> {
    private final int maxSize;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    /** Access-ordered, so iteration starts with the least recently used entry. */
    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

    private static final class Entry<V> {
        final Future<V> value;
        /** False while the lookup runs: such an entry neither expires nor is evicted, so latecomers can join it. */
        boolean settled;
        long expiresAt;

        Entry(Future<V> value) {
            this.value = value;
        }
    }

    /**
     * @param maxSize how many answers to keep; 0 keeps none (concurrent lookups are still shared)
     * @param ttl     how long an answer is trusted; zero keeps none
     */
    ResolutionCache(int maxSize, Duration ttl) {
        this(maxSize, ttl, System::nanoTime);
    }

    ResolutionCache(int maxSize, Duration ttl, LongSupplier nanoTime) {
        this.maxSize = Math.max(0, maxSize);
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The remembered or in-flight answer for {@code key}; otherwise starts {@code lookup}, shares it with concurrent
     * callers, and remembers its answer for the TTL if it succeeds.
     */
    Future<V> get(String key, Function<String, Future<V>> lookup) {
        Promise<V> promise;
        Entry<V> entry;
        synchronized (this) {
            Entry<V> existing = entries.get(key);
            if (existing != null && (!existing.settled || nanoTime.getAsLong() - existing.expiresAt < 0)) {
                return existing.value;
            }
            promise = Promise.promise();
            entry = new Entry<>(promise.future());
            entries.put(key, entry);
        }
        Future<V> started;
        try {
            started = lookup.apply(key);
        } catch (RuntimeException e) {
            started = Future.failedFuture(e);
        }
        started.onComplete(ar -> {
            settle(key, entry, ar.succeeded());
            promise.handle(ar);
        });
        return promise.future();
    }

    private synchronized void settle(String key, Entry<V> entry, boolean succeeded) {
        if (entries.get(key) != entry) {
            return;
        }
        if (!succeeded || ttlNanos <= 0 || maxSize == 0) {
            entries.remove(key);
            return;
        }
        entry.settled = true;
        entry.expiresAt = nanoTime.getAsLong() + ttlNanos;
        int excess = entries.size() - maxSize;
        for (Iterator<Entry<V>> it = entries.values().iterator(); excess > 0 && it.hasNext(); ) {
            Entry<V> candidate = it.next();
            if (candidate.settled) {
                it.remove();
                excess--;
            }
        }
    }

    /** Forgets every answer, for example after users were merged or offboarded. */
    synchronized void clear() {
        entries.values().removeIf(e -> e.settled);
    }

    /** How many answers and lookups in flight are held. */
    synchronized int size() {
        return entries.size();
    }
}

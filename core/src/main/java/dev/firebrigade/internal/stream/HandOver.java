package dev.firebrigade.internal.stream;

import io.vertx.core.Handler;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The part of a Vert.x {@code ReadStream} that hands buffered items to its handler: the consumer's demand
 * ({@code pause}, {@code resume}, {@code fetch}, saturating at {@code Long.MAX_VALUE}, which means flowing) and the
 * hand-over loop, which a handler calling {@code fetch} or {@code resume} does not re-enter. Its state is guarded by
 * the owning stream's monitor, so the stream reads it and its own state in one step.
 */
public final class HandOver<T> {
    private final Object lock;
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    /** Items the consumer still wants; {@code Long.MAX_VALUE} means flowing. */
    private long demand = Long.MAX_VALUE;
    /** Guards against re-entrance when a handler calls {@code fetch} or {@code resume}. */
    private boolean emitting;

    /** @param lock the owning stream's monitor */
    public HandOver(Object lock) {
        this.lock = lock;
    }

    /** The consumer wants nothing more for now. */
    public void pause() {
        synchronized (lock) {
            demand = 0;
        }
    }

    /** The consumer wants {@code amount} more items; {@code Long.MAX_VALUE} (resume) lets them flow. */
    public void fetch(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("fetch amount must be positive, was " + amount);
        }
        synchronized (lock) {
            demand = demand > Long.MAX_VALUE - amount ? Long.MAX_VALUE : demand + amount;
        }
    }

    /** Whether the consumer wants more items. */
    public boolean wanted() {
        synchronized (lock) {
            return demand != 0;
        }
    }

    /** Whether every buffered item was handed over. */
    public boolean isEmpty() {
        synchronized (lock) {
            return buffer.isEmpty();
        }
    }

    /** Buffers {@code items} to be handed over after those already buffered. */
    public void addAll(Collection<? extends T> items) {
        synchronized (lock) {
            buffer.addAll(items);
        }
    }

    /** Drops the items not handed over yet. */
    public void clear() {
        synchronized (lock) {
            buffer.clear();
        }
    }

    /**
     * Hands buffered items, one at a time, to the handler {@code target} gives while the consumer wants them.
     * {@code target} is asked under the stream's monitor before each item; null (the stream ended, or has no handler
     * yet) stops. Call it on the stream's context only.
     *
     * @param thrown gets what a handler threw; nothing more is handed over then
     * @return whether the stream may go on to its next step (fetch, poll, end): false when a hand-over was under way
     *         already further up the stack, or a handler threw
     */
    public boolean handOver(Supplier<Handler<T>> target, Consumer<RuntimeException> thrown) {
        synchronized (lock) {
            if (emitting) {
                return false;
            }
            emitting = true;
        }
        RuntimeException failure = null;
        try {
            while (true) {
                T item;
                Handler<T> handler;
                synchronized (lock) {
                    handler = demand == 0 || buffer.isEmpty() ? null : target.get();
                    if (handler == null) {
                        break;
                    }
                    item = buffer.poll();
                    if (demand != Long.MAX_VALUE) {
                        demand--;
                    }
                }
                try {
                    handler.handle(item);
                } catch (RuntimeException e) {
                    failure = e;
                    break;
                }
            }
        } finally {
            synchronized (lock) {
                emitting = false;
            }
        }
        if (failure != null) {
            thrown.accept(failure);
            return false;
        }
        return true;
    }
}

package dev.firebrigade.internal.paging;

import dev.firebrigade.Page;
import dev.firebrigade.internal.stream.HandOver;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.streams.ReadStream;

import java.util.function.Supplier;

/**
 * The items of a list, page after page, as a Vert.x {@link ReadStream}. A page is fetched only when the consumer
 * has demand left and every item of the previous page was handed over: {@link #pause()} stops the fetching too.
 * Items, the end and failures are delivered on the context the stream was created on, one at a time. A handler
 * that throws fails the stream. Methods may be called from any thread.
 */
public final class PageStream<T> implements ReadStream<T> {
    private final Context context;
    private final Supplier<Future<Page<T>>> first;
    private final HandOver<T> items = new HandOver<>(this);

    private Handler<T> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private boolean started;
    private boolean fetching;
    private Page<T> last;
    /** Ended, failed or cancelled: nothing more is delivered. */
    private boolean terminated;
    /**
     * The end, or a failure, that came before its handler was set: {@code collect()} sets {@code handler} (which
     * starts the stream) before {@code endHandler}, and from a non-Vert.x thread a short stream can end in between.
     */
    private boolean endUnheard;
    private Throwable failureUnheard;

    public PageStream(Context context, Supplier<Future<Page<T>>> first) {
        this.context = context;
        this.first = first;
    }

    @Override
    public PageStream<T> exceptionHandler(Handler<Throwable> handler) {
        Throwable unheard;
        synchronized (this) {
            this.exceptionHandler = handler;
            unheard = handler == null ? null : failureUnheard;
            if (unheard != null) {
                failureUnheard = null;
            }
        }
        if (unheard != null) {
            context.runOnContext(ignored -> handler.handle(unheard));
        }
        return this;
    }

    /** Starts the stream; {@code null} cancels it (no more pages are fetched, nothing more is delivered). */
    @Override
    public PageStream<T> handler(Handler<T> handler) {
        synchronized (this) {
            this.handler = handler;
            if (handler == null) {
                terminated = true;
                items.clear();
                return this;
            }
        }
        schedule();
        return this;
    }

    @Override
    public PageStream<T> pause() {
        items.pause();
        return this;
    }

    @Override
    public PageStream<T> resume() {
        return fetch(Long.MAX_VALUE);
    }

    @Override
    public PageStream<T> fetch(long amount) {
        items.fetch(amount);
        schedule();
        return this;
    }

    @Override
    public PageStream<T> endHandler(Handler<Void> handler) {
        boolean unheard;
        synchronized (this) {
            this.endHandler = handler;
            unheard = handler != null && endUnheard;
            if (unheard) {
                endUnheard = false;
            }
        }
        if (unheard) {
            context.runOnContext(ignored -> handler.handle(null));
        }
        return this;
    }

    private void schedule() {
        context.runOnContext(ignored -> drain());
    }

    /** Hands buffered items over while there is demand, then fetches the next page or ends. On the context only. */
    private void drain() {
        if (items.handOver(() -> terminated ? null : handler, this::fail)) {
            afterDrain();
        }
    }

    private void afterDrain() {
        Handler<Void> end = null;
        Supplier<Future<Page<T>>> fetchNext = null;
        synchronized (this) {
            if (terminated || handler == null || !items.isEmpty() || fetching) {
                return;
            }
            if (!started || (last != null && last.hasNext())) {
                if (!items.wanted()) {
                    return;
                }
                fetching = true;
                Page<T> current = last;
                fetchNext = !started ? first : current::next;
                started = true;
            } else {
                terminated = true;
                end = endHandler;
                endUnheard = end == null;
            }
        }
        if (end != null) {
            end.handle(null);
        } else if (fetchNext != null) {
            Future<Page<T>> next;
            try {
                next = fetchNext.get();
            } catch (RuntimeException e) {
                next = Future.failedFuture(e);
            }
            next.onComplete(ar -> context.runOnContext(ignored -> arrived(ar.succeeded() ? ar.result() : null, ar.cause())));
        }
    }

    private void arrived(Page<T> page, Throwable failure) {
        synchronized (this) {
            fetching = false;
            if (terminated) {
                return;
            }
            if (page != null) {
                last = page;
                items.addAll(page.items());
            }
        }
        if (failure != null) {
            fail(failure);
        } else {
            drain();
        }
    }

    private void fail(Throwable failure) {
        Handler<Throwable> target;
        synchronized (this) {
            if (terminated) {
                return;
            }
            terminated = true;
            items.clear();
            target = exceptionHandler;
            if (target == null) {
                failureUnheard = failure;
            }
        }
        if (target != null) {
            target.handle(failure);
        }
    }
}

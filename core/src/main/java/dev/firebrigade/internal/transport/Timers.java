package dev.firebrigade.internal.transport;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting on Vert.x timers, never a thread: a pause, and a wait bounded by a call's deadline. */
final class Timers {
    private final Vertx vertx;

    Timers(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * {@code waiter}'s outcome, unless {@code deadline} passes first: then {@code waiter} itself is failed with
     * {@code late} (so whoever would complete it sees it gave up) and {@code onGiveUp} runs.
     */
    <T> Future<T> within(Promise<T> waiter, Deadline deadline, Supplier<? extends Throwable> late, Runnable onGiveUp) {
        if (waiter.future().isComplete()) {
            return waiter.future();
        }
        long timer = vertx.setTimer(Math.max(1, deadline.remaining().toMillis()), id -> {
            if (waiter.tryFail(late.get())) {
                onGiveUp.run();
            }
        });
        return waiter.future().andThen(done -> vertx.cancelTimer(timer));
    }

    /** Completes after {@code wait} (at once for zero). */
    Future<Void> delay(Duration wait) {
        long millis = wait.toMillis();
        if (millis <= 0) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        vertx.setTimer(millis, id -> done.complete());
        return done.future();
    }
}

package dev.firebrigade;

import io.vertx.core.Future;

import java.util.function.Supplier;

/** Keeps the DSL's promise that misuse fails the returned Future rather than throwing at the caller. */
final class Futures {
    private Futures() {
    }

    static <T> Future<T> attempt(Supplier<Future<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}

package dev.firebrigade.internal.transport;

import io.vertx.core.Promise;

import java.util.ArrayDeque;

/**
 * A bound on requests on the wire at once. Beyond it requests wait in a first-come queue of promises: nothing
 * blocks, and a waiter whose call gives up (its promise already failed) is skipped.
 */
final class InFlightLimit {
    private final int max;
    private final ArrayDeque<Promise<Void>> waiting = new ArrayDeque<>();
    private int active;

    InFlightLimit(int max) {
        this.max = max;
    }

    /** A slot now, if one is free and nobody waits for one. */
    synchronized boolean tryAcquire() {
        if (active < max && waiting.isEmpty()) {
            active++;
            return true;
        }
        return false;
    }

    /** A slot, now or when one frees up; fail the returned promise to give up waiting. */
    Promise<Void> acquire() {
        Promise<Void> slot = Promise.promise();
        synchronized (this) {
            if (active >= max) {
                waiting.add(slot);
                return slot;
            }
            active++;
        }
        slot.complete();
        return slot;
    }

    /** Returns a slot, handing it to the first waiter still waiting. */
    void release() {
        while (true) {
            Promise<Void> next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    active--;
                    return;
                }
            }
            // Completed outside the lock: the waiter's continuation runs here.
            if (next.tryComplete()) {
                return;
            }
        }
    }

    /** Forgets a waiter that gave up. */
    synchronized void abandon(Promise<Void> slot) {
        waiting.remove(slot);
    }

    synchronized int active() {
        return active;
    }
}

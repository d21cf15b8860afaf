package dev.firebrigade.internal.create;

import io.vertx.core.Promise;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one client knows about its own creates, per {@link CreateKey} (incident, description, assignee), so that
 * reconciling a create whose outcome is unknown never takes an action that belongs to another create of this client.
 *
 * <ul>
 *   <li>Every action this client created, or recognised as its own, is <em>claimed</em>: a reconciliation never
 *       takes it again. Two identical drafts created on purpose therefore stay two actions.</li>
 *   <li>A reconciliation waits until no create of the same kind is on the wire (their answers could still claim what
 *       it would see) and runs alone; creates of that kind that start meanwhile wait for it. Creates of other kinds
 *       never wait.</li>
 * </ul>
 * Nothing blocks: waiting is a promise completed when the turn comes.
 * <p>
 * Claims are forgotten as soon as no create can need them. A reconciliation only looks at items stamped
 * ({@link Creatable.Listed#stamp()}: created, or for a follow-up from a link written) since its create's first
 * attempt, less the clock tolerance (and less the error of the measured clock offset, which only opens the window
 * early). So a claim made before the oldest create still in progress started, less
 * {@code horizon}, can matter to no create now running nor to any later one. A bulk of a million creates at full
 * speed therefore keeps only the last seconds' claims, not every action it made.
 */
final class CreateLedger {
    private static final class Entry {
        int sending;
        boolean reconciling;
        // Small at first: a bulk at full speed holds tens of thousands of entries, nearly all with one claim, no waiter.
        final ArrayDeque<Promise<Void>> reconcilers = new ArrayDeque<>(1);
        final ArrayDeque<Promise<Void>> senders = new ArrayDeque<>(1);

        boolean idle() {
            return sending == 0 && !reconciling && reconcilers.isEmpty() && senders.isEmpty();
        }
    }

    private final Map<CreateKey, Entry> entries = new HashMap<>();
    /** When the creates in progress started, to the 100 ms. */
    private final StartSlices inProgress = new StartSlices();
    /** Every claim, of any key: action IDs are unique, so whose create claimed one does not matter. */
    private final ClaimLog claims = new ClaimLog();
    private final long horizonNanos;

    /**
     * @param horizon how long before the oldest create in progress a claim is still kept: the clock tolerance of
     *                reconciliation plus a margin for the measured clock offset
     */
    CreateLedger(Duration horizon) {
        this.horizonNanos = horizon.toNanos();
    }

    /** A create begins; returns its token for {@link #finished(long)}. Its window needs the claims around it. */
    synchronized long started() {
        long now = System.nanoTime();
        return inProgress.start(now);
    }

    /** The create begun with {@code token} is over, whatever its outcome. */
    synchronized void finished(long token) {
        inProgress.finish(token);
        sweepNow();
    }

    /** Admits one POST of {@code key}: at once, or after the reconciliations of that key queued before it. */
    Promise<Void> beginSend(CreateKey key) {
        Promise<Void> turn = Promise.promise();
        synchronized (this) {
            sweepNow();
            Entry entry = entries.computeIfAbsent(key, k -> new Entry());
            if (entry.reconciling || !entry.reconcilers.isEmpty()) {
                entry.senders.add(turn);
                return turn;
            }
            entry.sending++;
        }
        turn.complete();
        return turn;
    }

    /** A POST of {@code key} is over; {@code createdId} is the action it created, or null when it failed. */
    void endSend(CreateKey key, String createdId) {
        synchronized (this) {
            Entry entry = entries.get(key);
            entry.sending--;
            claim(createdId);
            forgetIfUnused(key, entry);
        }
        admitNext(key);
    }

    /** Admits one reconciliation of {@code key}, when no POST of that key is on the wire and no other runs. */
    Promise<Void> beginReconcile(CreateKey key) {
        Promise<Void> turn = Promise.promise();
        synchronized (this) {
            entries.computeIfAbsent(key, k -> new Entry()).reconcilers.add(turn);
        }
        admitNext(key);
        return turn;
    }

    /** A reconciliation of {@code key} is over; {@code claimedId} is what it recognised as its own, or null. */
    void endReconcile(CreateKey key, String claimedId) {
        synchronized (this) {
            Entry entry = entries.get(key);
            entry.reconciling = false;
            claim(claimedId);
            forgetIfUnused(key, entry);
        }
        admitNext(key);
    }

    /** Forgets a waiter whose call gave up before its turn came. */
    void abandon(CreateKey key, Promise<Void> turn) {
        synchronized (this) {
            Entry entry = entries.get(key);
            if (entry != null) {
                entry.reconcilers.remove(turn);
                entry.senders.remove(turn);
                forgetIfUnused(key, entry);
            }
        }
        admitNext(key);
    }

    /** Those of {@code ids} that no reconciliation may take. */
    synchronized Set<String> claimedAmong(Collection<String> ids) {
        return claims.claimedAmong(ids);
    }

    /**
     * Gives the next turn of {@code key}: a reconciliation first, else every waiting POST. Promises are completed
     * outside the lock, since their continuations run at once.
     */
    private void admitNext(CreateKey key) {
        while (true) {
            List<Promise<Void>> admitted;
            boolean reconciler;
            synchronized (this) {
                Entry entry = entries.get(key);
                if (entry == null || entry.reconciling) {
                    return;
                }
                if (!entry.reconcilers.isEmpty()) {
                    if (entry.sending > 0) {
                        return;
                    }
                    entry.reconciling = true;
                    admitted = List.of(entry.reconcilers.poll());
                    reconciler = true;
                } else if (!entry.senders.isEmpty()) {
                    entry.sending += entry.senders.size();
                    admitted = new ArrayList<>(entry.senders);
                    entry.senders.clear();
                    reconciler = false;
                } else {
                    return;
                }
            }
            int refused = 0;
            for (Promise<Void> turn : admitted) {
                if (!turn.tryComplete()) {
                    refused++;
                }
            }
            if (refused == 0) {
                return;
            }
            // Those waiters gave up meanwhile: take back their turns and look again.
            synchronized (this) {
                Entry entry = entries.get(key);
                if (reconciler) {
                    entry.reconciling = false;
                } else {
                    entry.sending -= refused;
                }
            }
        }
    }

    private void claim(String id) {
        if (id != null) {
            claims.add(id, System.nanoTime());
        }
    }

    private void forgetIfUnused(CreateKey key, Entry entry) {
        if (entry.idle()) {
            entries.remove(key);
        }
    }

    /** Forgets the claims no create can need any more (see the class comment), oldest first. */
    private void sweepNow() {
        long oldest = inProgress.isEmpty() ? System.nanoTime() : inProgress.oldestNanos();
        claims.forgetBefore(oldest - horizonNanos);
    }

    /** How many claims are kept, for tests. */
    synchronized int claimCount() {
        return claims.size();
    }
}

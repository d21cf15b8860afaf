package dev.firebrigade.bulk;

import dev.firebrigade.internal.create.ClaimStore;
import dev.firebrigade.internal.create.Fingerprint;
import dev.firebrigade.internal.create.LongSet;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The IDs (of actions or follow-ups) already given to rows, which settling must never take again: the create engine's
 * {@link ClaimStore} for a bulk, whose rows are settled long after the engine's own ledger forgot them. With a journal
 * they are read back from it (its {@code created} lines) only when a settling has candidates, so a run holds nothing
 * per created row; without a journal they are kept in memory, 64 bits each.
 */
interface Claims extends ClaimStore {
    /** Claims kept in memory, as fingerprints. */
    static Claims inMemory() {
        var ids = new LongSet(1024);
        return new Claims() {
            @Override
            public Future<Set<String>> claimedAmong(Set<String> candidates) {
                var claimed = new HashSet<String>();
                for (String id : candidates) {
                    if (ids.contains(Fingerprint.of(id))) {
                        claimed.add(id);
                    }
                }
                return Future.succeededFuture(claimed);
            }

            @Override
            public void claim(String id) {
                ids.add(Fingerprint.of(id));
            }
        };
    }

    /**
     * Claims read from the journal: {@code scan} flushes it and scans it on a worker thread for {@code created}
     * lines naming one of the candidates. A row's own create is journaled before anything settles; what settling
     * finds is journaled only when its wave ends, so those few IDs are also kept here meanwhile. Rows settle many at
     * a time, so questions asked while a scan runs are answered together by the next one: a scan per wave, not per
     * row.
     */
    static Claims fromJournal(Function<Set<String>, Future<Set<String>>> scan) {
        return new Claims() {
            private final List<Promise<Set<String>>> waiting = new ArrayList<>();
            private final Set<String> asked = new HashSet<>();
            private final Set<String> settled = new HashSet<>();
            private boolean scanning;

            @Override
            public synchronized Future<Set<String>> claimedAmong(Set<String> candidates) {
                if (candidates.isEmpty()) {
                    return Future.succeededFuture(Set.of());
                }
                Promise<Set<String>> answer = Promise.promise();
                waiting.add(answer);
                asked.addAll(candidates);
                if (!scanning) {
                    scanNext();
                }
                Set<String> own = Set.copyOf(candidates);
                return answer.future().map(found -> {
                    var claimed = new HashSet<>(found);
                    claimed.retainAll(own);
                    synchronized (this) {
                        own.stream().filter(settled::contains).forEach(claimed::add);
                    }
                    return claimed;
                });
            }

            /** Starts a scan for every question asked so far; called with the lock held. */
            private void scanNext() {
                if (waiting.isEmpty()) {
                    scanning = false;
                    return;
                }
                scanning = true;
                var answers = List.copyOf(waiting);
                var ids = Set.copyOf(asked);
                waiting.clear();
                asked.clear();
                scan.apply(ids).onComplete(done -> {
                    answers.forEach(answer -> answer.handle(done));
                    synchronized (this) {
                        scanNext();
                    }
                });
            }

            @Override
            public synchronized void claim(String id) {
                settled.add(id);
            }
        };
    }
}

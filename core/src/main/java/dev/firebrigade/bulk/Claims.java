package dev.firebrigade.bulk;

import io.vertx.core.Future;

import java.util.Set;

/**
 * The action IDs already given to rows, which reconciliation must never take again. With a journal they are read
 * back from it (its {@code created} lines) only when a reconciliation needs them, and only those among the
 * candidates are kept, so a run holds nothing per created row; without a journal they are kept in memory, 64 bits
 * each.
 */
interface Claims {
    /** Which of {@code ids} are claimed. */
    Future<Set<String>> among(Set<String> ids);

    /** An action this run created or recognised. */
    void add(String id);

    /** Claims kept in memory, as fingerprints. */
    static Claims inMemory() {
        var ids = new LongSet(1024);
        return new Claims() {
            @Override
            public Future<Set<String>> among(Set<String> candidates) {
                var claimed = new java.util.HashSet<String>();
                for (String id : candidates) {
                    if (ids.contains(Fingerprint.of(id))) {
                        claimed.add(id);
                    }
                }
                return Future.succeededFuture(claimed);
            }

            @Override
            public void add(String id) {
                ids.add(Fingerprint.of(id));
            }
        };
    }

    /**
     * Claims read from the journal: {@code read} flushes it and scans it on a worker thread for {@code created}
     * lines naming one of the candidates. Every claim this run makes is journaled, so adding is free.
     */
    static Claims fromJournal(java.util.function.Function<Set<String>, Future<Set<String>>> read) {
        return new Claims() {
            @Override
            public Future<Set<String>> among(Set<String> candidates) {
                return candidates.isEmpty() ? Future.succeededFuture(Set.of()) : read.apply(candidates);
            }

            @Override
            public void add(String id) {
            }
        };
    }
}

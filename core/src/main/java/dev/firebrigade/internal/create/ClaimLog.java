package dev.firebrigade.internal.create;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;

/**
 * The action IDs a client claimed recently, oldest first, kept as primitives: a 64-bit fingerprint of each ID, in
 * chunks of {@code long} arrays that remember when their newest claim was made. A bulk at full speed claims tens of
 * thousands of IDs a second and keeps them for seconds; held as objects (a map node, a boxed time, the ID string) they
 * made every young collection copy them, and its pauses grew from 4–5 ms to 20–27 ms at 13,000 creates/s (see
 * docs/benchmarks.md). A chunk is forgotten whole, once its newest claim is old enough: keeping a claim longer than needed
 * is always safe (a reconciliation only skips what this client claimed).
 *
 * <p>Two IDs share a fingerprint with odds of 2<sup>-64</sup>; the cost of that would be one duplicate action, and
 * only when it also matched a reconciled create's incident, description, assignee and time window.
 */
final class ClaimLog {
    /** Claims per chunk: 8 KB, allocated as claims come and dropped whole. */
    static final int CHUNK = 1024;

    private static final class Chunk {
        final long[] fingerprints = new long[CHUNK];
        int end;
        /** When (System.nanoTime) the newest of its claims was made. */
        long newest;
    }

    /** Oldest chunk first. A ring that doubled would copy megabytes under the ledger's lock at full speed. */
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private int size;

    /** Records {@code id} as claimed at {@code at} (System.nanoTime); claims must come in time order. */
    void add(String id, long at) {
        Chunk last = chunks.peekLast();
        if (last == null || last.end == CHUNK) {
            last = new Chunk();
            chunks.addLast(last);
        }
        last.fingerprints[last.end++] = Fingerprint.of(id);
        last.newest = at;
        size++;
    }

    /** Forgets the claims made before {@code cutoff} (System.nanoTime), a chunk at a time: some may stay longer. */
    void forgetBefore(long cutoff) {
        Chunk first;
        while ((first = chunks.peekFirst()) != null && first.newest - cutoff < 0) {
            chunks.pollFirst();
            size -= first.end;
        }
    }

    /** Those of {@code ids} that were claimed: one pass over the log, whatever the number of IDs asked about. */
    Set<String> claimedAmong(Collection<String> ids) {
        var asked = new HashMap<Long, String>();
        for (String id : ids) {
            asked.put(Fingerprint.of(id), id);
        }
        Set<String> claimed = new HashSet<>();
        for (Chunk chunk : chunks) {
            for (int i = 0; i < chunk.end && !asked.isEmpty(); i++) {
                String id = asked.remove(chunk.fingerprints[i]);
                if (id != null) {
                    claimed.add(id);
                }
            }
        }
        return claimed;
    }

    int size() {
        return size;
    }

    /** Chunks held, for tests. */
    int chunks() {
        return chunks.size();
    }
}

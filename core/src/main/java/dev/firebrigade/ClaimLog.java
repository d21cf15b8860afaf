package dev.firebrigade;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;

/**
 * The action IDs a client claimed recently, oldest first, kept as primitives: a 64-bit fingerprint of each ID and
 * the time of its claim, in two rings of {@code long}. A bulk at full speed claims tens of thousands of IDs a second
 * and keeps them for seconds; held as objects (a map node, a boxed time, the ID string) they made every young
 * collection copy them, and its pauses grew from 4–5 ms to 20–27 ms at 13,000 creates/s (see BENCHMARKS.md).
 *
 * <p>Two IDs share a fingerprint with odds of 2<sup>-64</sup>; the cost of that would be one duplicate action, and
 * only when it also matched a reconciled create's incident, description, assignee and time window.
 */
final class ClaimLog {
    private static final int INITIAL_CAPACITY = 64;

    private long[] fingerprints = new long[INITIAL_CAPACITY];
    private long[] times = new long[INITIAL_CAPACITY];
    /** Index of the oldest claim; the ring's capacity is always a power of two. */
    private int head;
    private int size;

    /** Records {@code id} as claimed at {@code at} (System.nanoTime); claims must come in time order. */
    void add(String id, long at) {
        if (size == fingerprints.length) {
            resize(fingerprints.length * 2);
        }
        int slot = (head + size) & (fingerprints.length - 1);
        fingerprints[slot] = fingerprint(id);
        times[slot] = at;
        size++;
    }

    /** Forgets every claim made before {@code cutoff} (System.nanoTime). */
    void forgetBefore(long cutoff) {
        int mask = fingerprints.length - 1;
        while (size > 0 && times[head] - cutoff < 0) {
            head = (head + 1) & mask;
            size--;
        }
        if (fingerprints.length > INITIAL_CAPACITY && size < fingerprints.length / 4) {
            resize(fingerprints.length / 2);
        }
    }

    /** Those of {@code ids} that were claimed: one pass over the log, whatever the number of IDs asked about. */
    Set<String> claimedAmong(Collection<String> ids) {
        var asked = new HashMap<Long, String>();
        for (String id : ids) {
            asked.put(fingerprint(id), id);
        }
        Set<String> claimed = new HashSet<>();
        int mask = fingerprints.length - 1;
        for (int i = 0; i < size && !asked.isEmpty(); i++) {
            String id = asked.remove(fingerprints[(head + i) & mask]);
            if (id != null) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    int size() {
        return size;
    }

    private void resize(int capacity) {
        long[] movedFingerprints = new long[capacity];
        long[] movedTimes = new long[capacity];
        int mask = fingerprints.length - 1;
        for (int i = 0; i < size; i++) {
            movedFingerprints[i] = fingerprints[(head + i) & mask];
            movedTimes[i] = times[(head + i) & mask];
        }
        fingerprints = movedFingerprints;
        times = movedTimes;
        head = 0;
    }

    /** 64-bit FNV-1a over the ID's characters. */
    static long fingerprint(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash ^= id.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}

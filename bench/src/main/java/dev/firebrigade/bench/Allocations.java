package dev.firebrigade.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated on the heap by every live thread of this JVM, from HotSpot's per-thread TLAB counters. A thread that
 * dies between two snapshots takes its bytes with it; the clients' threads are long-lived, so that loss is small.
 */
final class Allocations {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    /** Allocated bytes per live thread ID. */
    static Map<Long, Long> snapshot() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        var out = new HashMap<Long, Long>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                out.put(ids[i], bytes[i]);
            }
        }
        return out;
    }

    /** What the threads alive now allocated since {@code before} (threads born since count from zero). */
    static long since(Map<Long, Long> before) {
        long total = 0;
        for (var entry : snapshot().entrySet()) {
            total += entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
        }
        return total;
    }
}

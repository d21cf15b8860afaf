package dev.firebrigade.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Heap peak of a bulk import of {@code --rows} actions (1,000,000 by default) from a generated CSV.
 * <pre>
 * java -Xmx256m -cp bench/target/firebrigade-bench.jar dev.firebrigade.bench.BulkMemory --rows 1000000
 * </pre>
 * TODO(issue 6): bulk does not exist yet. Until it does, this measures the floor any streaming bulk must stay near:
 * reading the same CSV row by row and building each row's draft. When bulk lands, {@link #bulk} sends the file through
 * it against a child-JVM sandbox (rate limit off) and the report gains a "bulk" line next to the floor.
 */
public final class BulkMemory {
    private static final List<MemoryPoolMXBean> HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();

    private BulkMemory() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length == 2 && args[0].equals("--rows") ? Integer.parseInt(args[1]) : 1_000_000;
        Path csv = Files.createTempFile("bulk", ".csv");
        try {
            write(csv, rows);
            System.out.printf(Locale.ROOT, "%d rows, %d MB of CSV; max heap %d MB%n", rows, Files.size(csv) >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.gc();
            long before = resetPeak();
            var live = new LivePeak();
            long read = streamRows(csv);
            System.out.printf(Locale.ROOT, "floor (stream the CSV, one draft per row): %d rows; heap in use at most "
                    + "%d MB (garbage included), live after GC at most %d MB over %d GCs (%d MB before)%n", read,
                    peakBytes() >> 20, live.maxBytes() >> 20, live.collections(), before >> 20);
            live.close();
            bulk(csv);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** TODO(issue 6): run the bulk import here and print its heap peak like the floor's. */
    static void bulk(Path csv) {
        System.out.println("bulk: not measured, bulk does not exist yet (issue 6)");
    }

    static void write(Path csv, int rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("incident,description,assignee\n");
            for (int i = 0; i < rows; i++) {
                out.write(Workload.INCIDENT + ",Check pump " + i + " on engine " + (i % 97) + "," + Workload.USER + "\n");
            }
        }
    }

    /** Reads every row and builds its draft payload, keeping nothing: a streaming bulk's lower bound. */
    static long streamRows(Path csv) throws IOException {
        long count = 0;
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",", 3);
                if (new RawJacksonClient.CreatePayload(cells[0], cells[1], cells[2]).description() != null) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * The largest heap in use right after a collection while it is open: the live set's peak, which is what decides
     * whether a bulk fits in a given -Xmx (the pools' peaks include garbage not yet collected).
     */
    static final class LivePeak implements AutoCloseable {
        private final java.util.List<Runnable> removals = new java.util.ArrayList<>();
        private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

        LivePeak() {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    javax.management.NotificationListener listener = (notification, handback) -> {
                        if (notification.getType().equals(
                                com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                    (javax.management.openmbean.CompositeData) notification.getUserData());
                            long after = 0;
                            for (MemoryPoolMXBean pool : HEAP) {
                                var usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                                after += usage == null ? 0 : usage.getUsed();
                            }
                            max.accumulateAndGet(after, Math::max);
                            count.incrementAndGet();
                        }
                    };
                    emitter.addNotificationListener(listener, null, null);
                    removals.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (javax.management.ListenerNotFoundException ignored) {
                            // already gone
                        }
                    });
                }
            }
        }

        long maxBytes() {
            return max.get();
        }

        int collections() {
            return count.get();
        }

        @Override
        public void close() {
            removals.forEach(Runnable::run);
        }
    }

    /** Forgets the heap pools' peaks and returns the heap in use now. */
    static long resetPeak() {
        long used = 0;
        for (MemoryPoolMXBean pool : HEAP) {
            pool.resetPeakUsage();
            used += pool.getUsage().getUsed();
        }
        return used;
    }

    /** The sum of each heap pool's peak since {@link #resetPeak}: an upper bound of the true peak. */
    static long peakBytes() {
        return HEAP.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}

package dev.firebrigade.bench;

import dev.firebrigade.IncidentIo;
import dev.firebrigade.RateLimitPolicy;
import dev.firebrigade.bulk.Bulk;
import dev.firebrigade.bulk.BulkReport;
import io.vertx.core.Vertx;

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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap peak of a bulk import of {@code --rows} actions (1,000,000 by default) from a generated CSV.
 * <pre>
 * java -Xmx256m -cp bench/target/firebrigade-bench.jar dev.firebrigade.bench.BulkMemory --rows 1000000
 * </pre>
 * It first measures the floor any streaming bulk must stay near (reading the same CSV row by row and building each
 * row's draft), then sends the file through {@code actions().bulk(file).journal(…)} against a child-JVM sandbox (rate
 * limit off, reset every 100,000 rows so that its heap, not ours, stays flat) and prints the bulk's heap peak next to
 * the floor's. {@code --rows N} changes the size; {@code --no-bulk} measures the floor only.
 */
public final class BulkMemory {
    private static final List<MemoryPoolMXBean> HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();

    private BulkMemory() {
    }

    public static void main(String[] args) throws IOException {
        int rows = 1_000_000;
        boolean bulk = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--no-bulk" -> bulk = false;
                default -> throw new IllegalArgumentException("usage: BulkMemory [--rows N] [--no-bulk]");
            }
        }
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
            if (bulk) {
                bulk(csv, rows);
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /**
     * Sends the CSV through the bulk, with a journal, against a child-JVM sandbox without a rate limit, and prints the
     * heap peak. The sandbox is reset every 100,000 rows (off the event loop) so that it does not hold a million
     * actions; the report's count and the journal are the proof that every row was created.
     */
    static void bulk(Path csv, int rows) throws IOException {
        Path journal = Files.createTempFile("bulk", ".journal");
        Files.delete(journal);
        Vertx vertx = Vertx.vertx();
        try (SandboxHandle sandbox = SandboxHandle.child(List.of("-Xmx2g"))) {
            IncidentIo io = IncidentIo.create(vertx, Workload.options(sandbox.baseUrl(), sandbox.apiKey(), 64)
                    .setRateLimit(RateLimitPolicy.none()));
            var resets = Executors.newSingleThreadExecutor();
            var nextReset = new AtomicLong(100_000);
            var liveMax = new AtomicLong();
            System.gc();
            long before = resetPeak();
            long start = System.nanoTime();
            BulkReport report = io.actions().bulk(csv).journal(journal).onProgress(progress -> {
                liveMax.accumulateAndGet(afterLastGc(), Math::max);
                if (progress.done() >= nextReset.get()) {
                    nextReset.addAndGet(100_000);
                    resets.execute(sandbox::reset);
                }
            }).run().await();
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = peakBytes();
            resets.shutdown();
            io.close().await();
            System.out.printf(Locale.ROOT, "bulk (CSV, journal, concurrency %d, sandbox in a child JVM): %d of %d rows "
                            + "created in %.0f s (%.0f rows/s), %d failed, %d unknown; heap peak %d MB (%d MB before; "
                            + "the sum of each pool's peak, an upper bound), at most %d MB live after a GC; journal "
                            + "%d MB%n", Bulk.DEFAULT_CONCURRENCY, report.created(), rows, seconds,
                    report.created() / seconds, report.failed(), report.unknown(), peak >> 20, before >> 20,
                    liveMax.get() >> 20, Files.size(journal) >> 20);
        } finally {
            Files.deleteIfExists(journal);
            vertx.close().await();
        }
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

    /** The heap in use just after the last collection of each pool: what was live then, garbage aside. */
    static long afterLastGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : HEAP) {
            var usage = pool.getCollectionUsage();
            used += usage == null ? 0 : usage.getUsed();
        }
        return used;
    }

    /** The sum of each heap pool's peak since {@link #resetPeak}: an upper bound of the true peak. */
    static long peakBytes() {
        return HEAP.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}

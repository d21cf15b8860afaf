package dev.firebrigade.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Sends {@code total} creates through one client keeping {@code concurrency} in flight: each completion starts the next
 * create (a closed loop, like a bulk import with a concurrency limit). Latencies go into a preallocated array so the
 * harness itself allocates next to nothing per request. CPU time per create (this JVM's, and the server's) is the
 * figure least disturbed by other work on a shared machine.
 */
final class LoadRun {
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private final CreateClient client;
    private final int total;
    private final long[] latencies;
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final CountDownLatch finished;

    private LoadRun(CreateClient client, int total) {
        this.client = client;
        this.total = total;
        this.latencies = new long[total];
        this.finished = new CountDownLatch(total);
    }

    /**
     * One measured cell: the creates, their latencies, elapsed time and bytes allocated by this JVM meanwhile, and the
     * time its JIT compilers spent (on two cores, a JIT still busy takes a core from the client and the server).
     */
    record Sample(String client, int concurrency, int creates, long elapsedNanos, long allocatedBytes,
                  long clientCpuNanos, long serverCpuNanos, long jitMillis, long gcCount, long gcMillis, int failures,
                  Throwable firstFailure, long[] latencies) {

        /** The JIT's share of the cell's wall time. */
        double jitShare() {
            return jitMillis * 1e6 / elapsedNanos;
        }
    }

    /**
     * Runs one cell. {@code serverCpu} reads the server's CPU time in nanoseconds, or -1 when it shares this JVM.
     */
    static Sample run(CreateClient client, int total, int concurrency, long timeoutSeconds, LongSupplier serverCpu)
            throws InterruptedException {
        var run = new LoadRun(client, total);
        Map<Long, Long> allocatedBefore = Allocations.snapshot();
        long serverCpuBefore = serverCpu.getAsLong();
        long clientCpuBefore = CPU.getProcessCpuTime();
        long jitBefore = JIT.getTotalCompilationTime();
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        long start = System.nanoTime();
        for (int i = 0; i < Math.min(concurrency, total); i++) {
            run.next();
        }
        if (!run.finished.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException(client.name() + " at concurrency " + concurrency + ": only "
                    + (total - run.finished.getCount()) + " of " + total + " creates finished in " + timeoutSeconds + " s");
        }
        long elapsed = System.nanoTime() - start;
        long clientCpu = CPU.getProcessCpuTime() - clientCpuBefore;
        long jit = JIT.getTotalCompilationTime() - jitBefore;
        long gcs = gcCount() - gcCountBefore;
        long gcTime = gcMillis() - gcMillisBefore;
        long serverCpuAfter = serverCpu.getAsLong();
        long allocated = Allocations.since(allocatedBefore);
        Arrays.sort(run.latencies);
        return new Sample(client.name(), concurrency, total, elapsed, allocated, clientCpu,
                serverCpuBefore < 0 ? -1 : serverCpuAfter - serverCpuBefore, jit, gcs, gcTime, run.failures.get(),
                run.firstFailure.get(), run.latencies);
    }

    /** Collections so far, by every collector of this JVM. */
    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** Milliseconds of collection so far (for G1's young collections, their pauses). */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private void next() {
        int i = issued.getAndIncrement();
        if (i >= total) {
            return;
        }
        long sent = System.nanoTime();
        client.create(failure -> {
            latencies[i] = System.nanoTime() - sent;
            if (failure != null && failures.getAndIncrement() == 0) {
                firstFailure.set(failure);
            }
            finished.countDown();
            next();
        });
    }
}

package dev.firebrigade.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The figures of one client at one concurrency, over every measured round.
 *
 * @param throughput      creates per second over all rounds (total creates / total time)
 * @param slowestRound    creates per second of the slowest round, to show the noise
 * @param fastestRound    creates per second of the fastest round
 * @param p50Micros       median latency, send to completion, in microseconds
 * @param p99Micros       99th percentile latency in microseconds
 * @param bytesPerCreate  bytes allocated by the whole JVM per create
 * @param clientCpuMicros CPU time of the client's JVM per create (every thread: event loops, JIT, GC)
 * @param serverCpuMicros CPU time of the sandbox's JVM per create, or -1 when it runs in the client's JVM
 * @param gcCount         collections of the client's JVM over all rounds
 * @param gcMillis        their time (for G1's young collections, pauses) in milliseconds
 * @param roundThroughput creates per second of each round, in round order
 * @param roundP99Micros  p99 of each round, in round order
 */
record Cell(String client, int concurrency, int creates, int rounds, double throughput, double slowestRound,
            double fastestRound, double p50Micros, double p99Micros, double bytesPerCreate, double clientCpuMicros,
            double serverCpuMicros, long gcCount, long gcMillis, int failures, Throwable firstFailure, double[] roundThroughput,
            double[] roundP99Micros) {

    static Cell of(List<LoadRun.Sample> samples) {
        LoadRun.Sample first = samples.get(0);
        int creates = 0;
        int failures = 0;
        long elapsed = 0;
        long allocated = 0;
        long clientCpu = 0;
        long serverCpu = 0;
        long gcCount = 0;
        long gcMillis = 0;
        double slowest = Double.MAX_VALUE;
        double fastest = 0;
        double[] roundThroughput = new double[samples.size()];
        double[] roundP99 = new double[samples.size()];
        Throwable firstFailure = null;
        for (int r = 0; r < samples.size(); r++) {
            var s = samples.get(r);
            roundThroughput[r] = s.creates() * 1e9 / s.elapsedNanos();
            roundP99[r] = percentile(s.latencies(), 0.99) / 1e3;
            creates += s.creates();
            failures += s.failures();
            elapsed += s.elapsedNanos();
            allocated += s.allocatedBytes();
            clientCpu += s.clientCpuNanos();
            gcCount += s.gcCount();
            gcMillis += s.gcMillis();
            serverCpu = serverCpu < 0 || s.serverCpuNanos() < 0 ? -1 : serverCpu + s.serverCpuNanos();
            double rate = s.creates() * 1e9 / s.elapsedNanos();
            slowest = Math.min(slowest, rate);
            fastest = Math.max(fastest, rate);
            if (firstFailure == null) {
                firstFailure = s.firstFailure();
            }
        }
        long[] all = new long[creates];
        int at = 0;
        for (var s : samples) {
            System.arraycopy(s.latencies(), 0, all, at, s.latencies().length);
            at += s.latencies().length;
        }
        Arrays.sort(all);
        return new Cell(first.client(), first.concurrency(), creates, samples.size(), creates * 1e9 / elapsed,
                slowest, fastest, percentile(all, 0.50) / 1e3, percentile(all, 0.99) / 1e3,
                (double) allocated / creates, clientCpu / 1e3 / creates, serverCpu < 0 ? -1 : serverCpu / 1e3 / creates,
                gcCount, gcMillis, failures, firstFailure, roundThroughput, roundP99);
    }

    /**
     * The median over rounds of this cell's figure divided by {@code other}'s in the same round. Both ran seconds
     * apart, so a burst of load from elsewhere on the machine spoils one round's ratio instead of the totals.
     */
    static double medianRoundRatio(double[] mine, double[] other) {
        int n = Math.min(mine.length, other.length);
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = mine[i] / other[i];
        }
        Arrays.sort(ratios);
        return n == 0 ? Double.NaN : n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}

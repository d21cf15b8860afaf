package dev.firebrigade.bench;

import dev.firebrigade.ActionDraft;
import dev.firebrigade.IncidentIo;
import dev.firebrigade.IncidentIoOptions;
import dev.firebrigade.RateLimitPolicy;
import dev.firebrigade.bulk.BulkReport;
import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bulk's two speed goals (issue 6), each a separate run:
 * <pre>
 * java -cp bench/target/firebrigade-bench.jar dev.firebrigade.bench.BulkBench limit [--creates 2000] [--latency-ms 100] [--concurrency 64] [--repeat 1] [--compare-dsl true]
 * java -cp bench/target/firebrigade-bench.jar dev.firebrigade.bench.BulkBench throughput [--creates 20000] [--concurrency 64] [--rounds 5]
 *      [--clients raw,dsl,bulk,bulk csv+journal]
 * </pre>
 * <b>limit</b>: a sandbox in this JVM with incident.io's limit (a bucket of 1,200 refilled at 20 per second) and
 * {@code --latency-ms} added to every create; a client with its default rate limiter. {@code --creates} rows through
 * {@code actions().bulk(...)}; the theoretical minimum is the time the bucket allows them: (creates - 1,200) / 20 s
 * plus one latency. Goal: within 5%. {@code --compare-dsl true} then runs the same creates as a plain loop of DSL calls,
 * to tell the bulk's share of any gap from the client's rate limiter's.
 * <p>
 * <b>throughput</b>: the sandbox in a child JVM without a limit or latency; in interleaved rounds, the raw Vert.x
 * WebClient loop ({@link RawWebClient} in {@link LoadRun}'s closed loop) and the bulk at the same concurrency, from an
 * in-memory list without a journal, and from a CSV file with a journal; and, for reference, a closed loop of plain DSL
 * creates on the bulk's client (the bulk's floor). Reports creates/s and client CPU per create;
 * the ratio to raw is the median of the per-round ratios. Goal: bulk at least 90% of raw.
 */
public final class BulkBench {
    private BulkBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("limit") || args[0].equals("throughput"))) {
            System.err.println("usage: BulkBench limit|throughput [--creates N] [--concurrency C] [--rounds R] [--latency-ms L]");
            System.exit(2);
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int concurrency = Integer.parseInt(given.getOrDefault("concurrency", "64"));
        boolean met = args[0].equals("limit")
                ? limit(Integer.parseInt(given.getOrDefault("creates", "2000")),
                        Integer.parseInt(given.getOrDefault("latency-ms", "100")), concurrency,
                        Boolean.parseBoolean(given.getOrDefault("compare-dsl", "false")),
                        Integer.parseInt(given.getOrDefault("repeat", "1")))
                : throughput(Integer.parseInt(given.getOrDefault("creates", "20000")), concurrency,
                        Integer.parseInt(given.getOrDefault("rounds", "5")),
                        List.of(given.getOrDefault("clients", "raw,dsl,bulk,bulk csv+journal").split(",")));
        System.exit(met ? 0 : 1);
    }

    /** 2,000 creates against incident.io's limit with added latency, against the bucket's theoretical minimum. */
    static boolean limit(int creates, int latencyMillis, int concurrency, boolean compareDsl, int repeat) {
        int capacity = 1200;
        double perSecond = 20;
        Vertx vertx = Vertx.vertx();
        try {
            Sandbox sandbox = Sandbox.start(vertx, new SandboxOptions()
                    .setRateLimitCapacity(capacity).setRateLimitRefillPerSecond(perSecond)).await();
            sandbox.faults().on("POST", "/v3/actions").latency(Duration.ofMillis(latencyMillis));
            // The client as shipped: incident.io's bucket on our side too, 64 requests in flight.
            IncidentIo io = IncidentIo.create(vertx, new IncidentIoOptions().setBaseUrl(sandbox.baseUrl())
                    .setApiKey(sandbox.apiKey()).setMaxConnections(concurrency).setMaxInFlight(concurrency));
            List<ActionDraft> drafts = drafts(io, creates);
            double minimum = Math.max(0, creates - capacity) / perSecond + latencyMillis / 1000.0;
            System.out.printf(Locale.ROOT, "bulk limit: %d creates, sandbox bucket %d refilled at %.0f/s, +%d ms per "
                            + "create, concurrency %d; %s%n", creates, capacity, perSecond, latencyMillis, concurrency,
                    jvm());
            boolean met = true;
            for (int run = 1; run <= repeat; run++) {
                if (run > 1) {
                    // Both buckets, ours and the sandbox's, full again.
                    sandbox.state().reset();
                    sleep(Duration.ofSeconds((long) Math.ceil(capacity / perSecond) + 1));
                }
                int before = sandbox.state().actionCount();
                sandbox.clearRequests();
                long start = System.nanoTime();
                BulkReport report = io.actions().bulk(drafts).concurrency(concurrency).keepOutcomes(0).run().await();
                double seconds = (System.nanoTime() - start) / 1e9;
                long posts = sandbox.requests().stream().filter(r -> r.method().equals("POST")).count();
                int landed = sandbox.state().actionCount() - before;
                double over = seconds / minimum - 1;
                System.out.printf(Locale.ROOT, "  run %d: %.2f s (theoretical minimum %.2f s: %+.1f%%), %d created, %d "
                                + "landed, %d POSTs sent (%d answered 429)%n", run, seconds, minimum, over * 100,
                        report.created(), landed, posts, posts - landed);
                met &= over <= 0.05 && report.ok() && landed == creates;
            }
            System.out.println("  goal: within 5% of the minimum, every row created once: " + (met ? "met" : "NOT met"));
            if (compareDsl) {
                // The same creates as a plain closed loop of DSL calls on a fresh client, once the bucket is full
                // again: what the client's rate limiting alone achieves, without the bulk.
                sandbox.state().reset();
                sleep(Duration.ofSeconds((long) Math.ceil(capacity / perSecond) + 1));
                var dsl = new DslClient(vertx, sandbox.baseUrl(), sandbox.apiKey(), concurrency);
                try {
                    var sample = LoadRun.run(dsl, creates, concurrency, 600, () -> -1);
                    double dslSeconds = sample.elapsedNanos() / 1e9;
                    System.out.printf(Locale.ROOT, "  plain DSL loop at the same concurrency: %.2f s (%+.1f%%), %d failed%n",
                            dslSeconds, (dslSeconds / minimum - 1) * 100, sample.failures());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    dsl.close();
                }
            }
            io.close().await();
            sandbox.close().await();
            return met;
        } finally {
            vertx.close().await();
        }
    }

    /** Bulk vs the raw WebClient loop at the same concurrency, no limit, no latency, interleaved rounds. */
    static boolean throughput(int creates, int concurrency, int rounds, List<String> names)
            throws IOException, InterruptedException {
        Vertx vertx = Vertx.vertx();
        Path dir = Files.createTempDirectory("bulk-bench");
        try (SandboxHandle sandbox = SandboxHandle.child(List.of("-Xmx2g"))) {
            Workload workload = Workload.of(vertx, sandbox.baseUrl(), sandbox.apiKey());
            var raw = new RawWebClient(vertx, workload, concurrency);
            IncidentIo io = IncidentIo.create(vertx, Workload.options(sandbox.baseUrl(), sandbox.apiKey(), concurrency)
                    .setRateLimit(RateLimitPolicy.none()).setMaxInFlight(concurrency));
            List<ActionDraft> drafts = drafts(io, creates);
            Path csv = csv(dir.resolve("bench.csv"), creates);
            System.out.printf(Locale.ROOT, "bulk throughput: %d creates per cell, concurrency %d, %d rounds after "
                    + "warm-up rounds for %d s; %s; sandbox %s%n", creates, concurrency, rounds, EndToEnd.WARMUP_SECONDS, jvm(),
                    sandbox.describe());
            CreateClient dsl = new CreateClient() {
                @Override
                public String name() {
                    return "dsl";
                }

                @Override
                public void create(java.util.function.Consumer<Throwable> done) {
                    io.actions().forIncident(Workload.INCIDENT).describe(Workload.DESCRIPTION).assignTo(Workload.USER)
                            .create().onComplete(ar -> done.accept(ar.failed() ? ar.cause() : null));
                }

                @Override
                public void close() {
                }
            };
            Map<String, List<double[]>> results = new LinkedHashMap<>();
            // Warm-up rounds (round 0) last at least as long as EndToEnd's, for the same reasons (see EndToEnd.warmUp).
            long warmUntil = System.nanoTime() + EndToEnd.WARMUP_SECONDS * 1_000_000_000L;
            for (int round = 0; round <= rounds; round = round > 0 || System.nanoTime() - warmUntil >= 0 ? round + 1 : 0) {
                for (int k = 0; k < names.size(); k++) {
                    String name = names.get((k + round) % names.size());
                    var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                    long cpuBefore = cpu.getProcessCpuTime();
                    long start = System.nanoTime();
                    switch (name) {
                        case "raw", "dsl" -> {
                            var sample = LoadRun.run(name.equals("raw") ? raw : dsl, creates, concurrency, 600, () -> -1);
                            if (sample.failures() > 0) {
                                throw new IllegalStateException(name + " failed: " + sample.firstFailure());
                            }
                        }
                        case "bulk" -> check(io.actions().bulk(drafts).concurrency(concurrency).keepOutcomes(0)
                                .run().await(), creates);
                        default -> {
                            Path journal = dir.resolve("journal-" + round);
                            check(io.actions().bulk(csv).journal(journal).concurrency(concurrency).keepOutcomes(0)
                                    .run().await(), creates);
                            Files.delete(journal);
                        }
                    }
                    long elapsed = System.nanoTime() - start;
                    long cpuNanos = cpu.getProcessCpuTime() - cpuBefore;
                    settle(sandbox, creates, name);
                    double rate = creates * 1e9 / elapsed;
                    System.out.printf(Locale.ROOT, "%s %-17s %8.0f creates/s  client CPU %6.1f µs/create%n",
                            round == 0 ? "warm-up" : "round " + round, name, rate, cpuNanos / 1e3 / creates);
                    if (round > 0) {
                        results.computeIfAbsent(name, n -> new ArrayList<>()).add(new double[] {rate, cpuNanos / 1e3 / creates});
                    }
                }
            }
            raw.close();
            io.close().await();
            System.out.println();
            System.out.println("| client | creates/s (median) | vs raw (median of per-round ratios) | client CPU µs/create |");
            System.out.println("|---|---:|---:|---:|");
            double worst = Double.MAX_VALUE;
            for (String name : names) {
                List<double[]> mine = results.get(name);
                double ratio = results.containsKey("raw") ? medianRatio(mine, results.get("raw")) : Double.NaN;
                if (name.startsWith("bulk")) {
                    worst = Math.min(worst, ratio);
                }
                System.out.printf(Locale.ROOT, "| %s | %.0f | %.3f | %.1f |%n", name, median(mine, 0), ratio,
                        median(mine, 1));
            }
            boolean met = worst >= 0.90;
            System.out.printf(Locale.ROOT, "%ngoal: bulk at least 90%% of raw (the lower of the two bulk rows): %.3f, %s%n", worst, met ? "met" : "NOT met");
            return met;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
            vertx.close().await();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void check(BulkReport report, int creates) {
        if (!report.ok() || report.created() != creates) {
            throw new IllegalStateException("the bulk did not create every row: " + report.summary());
        }
    }

    /** Checks the sandbox holds the expected new actions, then resets it so its heap stays flat. */
    private static void settle(SandboxHandle sandbox, int expected, String name) {
        int seeded = sandbox.actionCount();
        sandbox.reset();
        int created = seeded - sandbox.actionCount();
        if (created != expected) {
            throw new IllegalStateException(name + ": the sandbox holds " + created + " new actions, expected " + expected);
        }
    }

    /** The workload's create, as a list of drafts: the same bytes the raw loop sends. */
    private static List<ActionDraft> drafts(IncidentIo io, int creates) {
        var drafts = new ArrayList<ActionDraft>(creates);
        for (int i = 0; i < creates; i++) {
            drafts.add(io.actions().forIncident(Workload.INCIDENT).describe(Workload.DESCRIPTION).assignTo(Workload.USER));
        }
        return drafts;
    }

    private static Path csv(Path file, int rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("incident,description,assignee\n");
            for (int i = 0; i < rows; i++) {
                out.write(Workload.INCIDENT + "," + Workload.DESCRIPTION + "," + Workload.USER + "\n");
            }
        }
        return file;
    }

    private static double median(List<double[]> samples, int index) {
        double[] values = samples.stream().mapToDouble(s -> s[index]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static double medianRatio(List<double[]> mine, List<double[]> raw) {
        double[] ratios = new double[mine.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = mine.get(i)[0] / raw.get(i)[0];
        }
        Arrays.sort(ratios);
        return ratios.length % 2 == 1 ? ratios[ratios.length / 2]
                : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
    }

    private static String jvm() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        return String.format(Locale.ROOT, "%s %s, %d CPUs, max heap %d MB", runtime.getVmName(), runtime.getVmVersion(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    }
}

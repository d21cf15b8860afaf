package dev.firebrigade.repl;

import dev.firebrigade.IncidentIoOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code firebrigade bulk} as processes against a server with a key: the journal's lock, signals, start-up failures. */
class BulkProcessTest extends KeyedServerFixture {
    /** The creates' path, whichever actions API is the default. */
    private static final String CREATES = new IncidentIoOptions().getActionsApi().path();

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        incidentIo.faults().clear();
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aSecondProcessOnAHeldJournalRefusesAtOnceNamingTheHolderAndEveryRowLandsOnce() throws Exception {
        Path csv = csv("twice", 200);
        Path journal = dir.resolve("twice.csv.journal");
        // About 20 s of creates: the second process starts well within them.
        incidentIo.faults().on("POST", CREATES).latency(Duration.ofMillis(200));
        Process first = bulk(csv, "first", "--concurrency", "2");
        awaitJournal(journal, "\"event\":\"created\"", Duration.ofSeconds(60));

        long before = System.nanoTime();
        Process second = bulk(csv, "second");
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("the second run ended").isTrue();
        long refusedMillis = (System.nanoTime() - before) / 1_000_000;
        String secondErr = Files.readString(dir.resolve("second.err"));

        assertThat(second.exitValue()).as(secondErr).isEqualTo(2);
        assertThat(ours(secondErr)).as(secondErr).hasSize(1);
        assertThat(secondErr).contains(journal.toString(), "in use by another bulk run", "PID " + first.pid());
        assertThat(refusedMillis).as("refused without waiting for the first run").isLessThan(20_000);
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(dir.resolve("first.err"))).isZero();

        Map<String, Long> landed = incidentIo.state().actions().stream().map(a -> a.getString("description"))
                .filter(d -> d.startsWith("twice-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(landed).hasSize(200).allSatisfy((d, copies) -> assertThat(copies).as(d).isEqualTo(1));
        assertThat(incidentIo.requests()).filteredOn(r -> r.method().equals("POST") && r.path().equals(CREATES)
                && r.body().contains("twice-")).hasSize(200);
        assertEveryLineParses(journal);
        // Once the journal is free, the same command resumes it: everything is done already.
        Process again = bulk(csv, "again");
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).as(Files.readString(dir.resolve("again.err"))).isZero();
        assertThat(Files.readString(dir.resolve("again.out"))).contains("skipped               200");
    }

    @Test
    void sigtermEndsAWedgedRunWithinTenSecondsJournalingRowsInFlightAsUnknown() throws Exception {
        Path csv = csv("wedged", 20);
        Path journal = dir.resolve("wedged.csv.journal");
        // incident.io takes the creates and never answers within the client's timeouts.
        incidentIo.faults().on("POST", CREATES).latency(Duration.ofMinutes(5));
        Process run = bulk(csv, "wedged", "--concurrency", "3");
        awaitJournal(journal, "\"event\":\"sending\"", Duration.ofSeconds(60));
        Thread.sleep(500);

        long before = System.nanoTime();
        run.destroy(); // SIGTERM
        boolean ended = run.waitFor(15, TimeUnit.SECONDS);
        long tookMillis = (System.nanoTime() - before) / 1_000_000;

        assertThat(ended).as("the process ended").isTrue();
        assertThat(tookMillis).isLessThan(10_000);
        assertThat(run.exitValue()).isEqualTo(143);
        List<JsonObject> events = assertEveryLineParses(journal);
        assertThat(events).filteredOn(e -> e.getString("event").equals("unknown")).hasSize(3);
        assertThat(events).last().satisfies(e -> assertThat(e.getString("event")).isEqualTo("end"));
        assertThat(Files.readString(dir.resolve("wedged.out"))).contains("unknown                 3");
    }

    @Test
    void startUpFailuresPrintOneLineExitTwoAndLeaveNoJournal() throws Exception {
        Path badHeader = Files.writeString(dir.resolve("bad.csv"), "incident,what\nINC-1,Roll back\n");
        Path good = csv("good", 1);

        Process missing = bulk(dir.resolve("nope.csv"), "missing");
        Process header = bulk(badHeader, "header");
        Process zero = bulk(good, "zero", "--concurrency", "0");

        for (var p : List.of(Map.entry(missing, "missing"), Map.entry(header, "header"), Map.entry(zero, "zero"))) {
            assertThat(p.getKey().waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(dir.resolve(p.getValue() + ".err"));
            assertThat(p.getKey().exitValue()).as(err).isEqualTo(2);
            assertThat(ours(err)).as(err).hasSize(1);
            assertThat(String.join("\n", ours(err))).as(err).startsWith("firebrigade bulk: ")
                    .doesNotContain("Exception", "\tat ");
        }
        assertThat(Files.readString(dir.resolve("missing.err"))).contains("does not exist");
        assertThat(Files.readString(dir.resolve("header.err"))).contains("lacks the description column");
        assertThat(Files.readString(dir.resolve("zero.err"))).contains("--concurrency is 0");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".journal"));
        }
    }

    /** {@code firebrigade bulk FILE ARGS} in a JVM of its own, with the key; output in NAME.out and NAME.err. */
    private Process bulk(Path file, String name, String... args) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BulkCommand.class.getName(), file.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().put("INCIDENT_IO_API_KEY", incidentIo.apiKey());
        builder.environment().put("INCIDENT_IO_BASE_URL", incidentIo.baseUrl());
        builder.environment().put("FIREBRIGADE_HOME", dir.resolve("home").toString());
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /**
     * The lines the command printed: without Vert.x's warnings of a slow event loop, which a loaded test machine
     * provokes in any JVM while it loads classes.
     */
    private static List<String> ours(String err) {
        var lines = new ArrayList<String>();
        boolean skipNext = false;
        for (String line : err.strip().lines().toList()) {
            if (line.contains("io.vertx.core.impl.BlockedThreadChecker")) {
                skipNext = true;
            } else if (skipNext) {
                skipNext = line.startsWith("WARNING: Thread") || line.startsWith("\tat ") || line.startsWith("io.vertx");
                if (!skipNext) {
                    lines.add(line);
                }
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    private static void awaitJournal(Path journal, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Files.size and reading from another process are safe: only this JVM's own descriptors matter to a lock.
        while (!(Files.exists(journal) && Files.readString(journal).contains(text))) {
            assertThat(System.nanoTime()).as("the journal shows " + text).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static List<JsonObject> assertEveryLineParses(Path journal) throws IOException {
        var events = new ArrayList<JsonObject>();
        for (String line : Files.readAllLines(journal)) {
            events.add(new JsonObject(line));
        }
        return events;
    }

    private Path csv(String prefix, int rows) throws IOException {
        var text = new StringBuilder("incident,description,assignee\n");
        for (int i = 1; i <= rows; i++) {
            text.append("INC-1,").append(prefix).append('-').append(i).append(",\n");
        }
        return Files.writeString(dir.resolve(prefix + ".csv"), text);
    }
}

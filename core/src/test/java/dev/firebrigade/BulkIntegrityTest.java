package dev.firebrigade;

import dev.firebrigade.bulk.BulkReport;
import dev.firebrigade.bulk.JournalInUseException;
import dev.firebrigade.bulk.JournalMismatchException;
import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A journal is never shared, never reused for another server or key, and a run never nests or hangs. */
class BulkIntegrityTest extends SandboxFixture {
    @TempDir
    Path dir;

    @Test
    void aJournalIsRefusedByARunAgainstAnotherServerOrKeyAndRebindingIsExplicit() throws IOException {
        Path csv = csv("bound", 5);
        Path journal = dir.resolve("bound.journal");
        BulkReport first = io.actions().bulk(csv).journal(journal).run().await();
        assertThat(first.created()).isEqualTo(5);
        String written = Files.readString(journal);
        JsonObject run = new JsonObject(written.lines().findFirst().orElseThrow());
        assertThat(run.getString("base_url")).isEqualTo(sandbox.baseUrl());
        assertThat(run.getString("key_name")).isEqualTo(SandboxOptions.DEMO_API_KEY_NAME);
        assertThat(run.getString("organisation")).isEqualTo("https://app.incident.io/firebrigade-sandbox");
        assertThat(run.getString("actions_api")).isEqualTo(io.options().getActionsApi().name().toLowerCase());
        assertThat(run.getLong("pid")).isEqualTo(ProcessHandle.current().pid());
        assertThat(written).doesNotContain(sandbox.apiKey());

        var options = new SandboxOptions().addApiKey("second-key", "Another key");
        Sandbox other = Sandbox.start(vertx, options).await();
        IncidentIo elsewhere = IncidentIo.create(vertx, clientOptions().setBaseUrl(other.baseUrl()).setApiKey(other.apiKey()));
        IncidentIo anotherKey = IncidentIo.create(vertx, clientOptions().setBaseUrl(other.baseUrl())
                .setApiKey("second-key"));
        try {
            // Against another server: refused, run or dry run, and nothing is sent or written.
            assertThatThrownBy(() -> elsewhere.actions().bulk(csv).journal(journal).run().await())
                    .isInstanceOf(JournalMismatchException.class)
                    .hasMessageContaining(sandbox.baseUrl()).hasMessageContaining(other.baseUrl())
                    .hasMessageContaining("use another journal");
            assertThatThrownBy(() -> elsewhere.actions().bulk(csv).journal(journal).dryRun().await())
                    .isInstanceOf(JournalMismatchException.class);
            assertThat(other.requests()).noneMatch(r -> r.method().equals("POST"));
            assertThat(Files.readString(journal)).isEqualTo(written);

            // Rebound explicitly to the other server with the same key name: allowed, and the journal says so.
            BulkReport rebound = elsewhere.actions().bulk(csv).journal(journal).rebindJournal(true).run().await();
            assertThat(rebound.skipped()).isEqualTo(5);
            assertThat(Files.readString(journal)).contains("\"base_url\":\"" + other.baseUrl() + "\"");

            // Same server, another key: refused.
            assertThatThrownBy(() -> anotherKey.actions().bulk(csv).journal(journal).run().await())
                    .isInstanceOf(JournalMismatchException.class).hasMessageContaining("'Another key'");
        } finally {
            elsewhere.close().await();
            anotherKey.close().await();
            other.close().await();
        }
    }

    @Test
    void aJournalOlderThanBindingsResumesAndIsBoundByThatRun() throws IOException {
        Path csv = csv("legacy", 3);
        Path journal = dir.resolve("legacy.journal");
        BulkReport first = io.actions().bulk(csv).journal(journal).run().await();
        assertThat(first.created()).isEqualTo(3);
        // As version 1 wrote it: the run line without binding or holder.
        List<String> legacy = new ArrayList<>();
        for (String line : Files.readAllLines(journal)) {
            JsonObject event = new JsonObject(line);
            if (event.getString("event").equals("run")) {
                line = new JsonObject().put("event", "run").put("version", 1).put("source", csv.toString())
                        .put("at", event.getString("at")).encode();
            }
            legacy.add(line);
        }
        Files.write(journal, legacy);

        BulkReport resumed = io.actions().bulk(csv).journal(journal).run().await();

        assertThat(resumed.skipped()).isEqualTo(3);
        assertThat(resumed.created()).isZero();
        assertThat(Files.readAllLines(journal)).filteredOn(l -> l.contains("\"event\":\"run\""))
                .last().asString().contains("\"base_url\":\"" + sandbox.baseUrl() + "\"");
    }

    @Test
    void aSecondRunInThisProcessIsRefusedAtOnceNamingTheHolder() throws Exception {
        Path csv = csv("held", 40);
        Path journal = dir.resolve("held.journal");
        sandbox.faults().on("POST", io.options().getActionsApi().path()).latency(Duration.ofMillis(50));
        var first = io.actions().bulk(csv).journal(journal).concurrency(2).start();
        first.started().await();

        assertThatThrownBy(() -> io.actions().bulk(csv).journal(journal).run().await())
                .isInstanceOf(JournalInUseException.class)
                .hasMessageContaining(journal.toString())
                .hasMessageContaining("PID " + ProcessHandle.current().pid());
        assertThatThrownBy(() -> io.actions().bulk(csv).journal(journal).dryRun().await())
                .isInstanceOf(JournalInUseException.class);
        BulkReport done = first.report().await();
        assertThat(done.created()).isEqualTo(40);
        assertThat(BulkTest.countWithPrefix("held-")).isEqualTo(40);
    }

    @Test
    void twoHundredThousandRowsThatFailValidationAreAllReportedFailedWithNothingSent() throws Exception {
        // No description: each create fails at once, without I/O, which once nested the pump until the stack broke.
        var drafts = new ArrayList<ActionDraft>();
        var draft = io.actions().forIncident(INCIDENT);
        for (int i = 0; i < 200_000; i++) {
            drafts.add(draft);
        }

        BulkReport report = io.actions().bulk(drafts).concurrency(1024).keepOutcomes(10).run()
                .await(120, TimeUnit.SECONDS);

        assertThat(report.ending()).isEqualTo(BulkReport.Ending.COMPLETED);
        assertThat(report.failed()).isEqualTo(200_000);
        assertThat(report.problems().get(0).error().getMessage()).contains("description");
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void aMillionRowDryRunOfIdsCompletesIn256Megabytes() throws Exception {
        Path csv = dir.resolve("million.csv");
        try (var out = Files.newBufferedWriter(csv)) {
            out.write("incident,description,assignee\n");
            for (int i = 1; i <= 1_000_000; i++) {
                out.write(INCIDENT + ",Check " + i + "," + LISA + "\n");
            }
        }
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), MillionRowDryRun.class.getName(),
                csv.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("the dry run ended").isTrue();
            String log = Files.readString(dir.resolve("child.log"));
            assertThat(process.exitValue()).as(log).isZero();
            assertThat(log).contains("valid 1000000 of 1000000", "completed");
        } finally {
            process.destroyForcibly();
        }
    }

    private Path csv(String prefix, int rows) throws IOException {
        var text = new StringBuilder("incident,description,assignee\n");
        for (int i = 1; i <= rows; i++) {
            text.append(INCIDENT).append(',').append(prefix).append('-').append(i).append(",\n");
        }
        return Files.writeString(dir.resolve(prefix + ".csv"), text);
    }
}

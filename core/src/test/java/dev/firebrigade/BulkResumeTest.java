package dev.firebrigade;

import dev.firebrigade.bulk.BulkJob;
import dev.firebrigade.bulk.BulkReport;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stopping a bulk midway, by request, by closing its client or by crashing, and finishing it with the journal. */
class BulkResumeTest extends SandboxFixture {
    @TempDir
    Path dir;

    @Test
    void stoppedMidwayThenResumedCreatesEachRowOnce() throws IOException {
        Path csv = csv("stop", 300);
        Path journal = dir.resolve("stop.journal");
        sandbox.faults().on("POST", "/v3/actions").latency(Duration.ofMillis(15));
        BulkReport stopped;
        try {
            BulkJob job = io.actions().bulk(csv).journal(journal).concurrency(8)
                    .progressEvery(Duration.ofMillis(20)).start();
            BulkTest.await(() -> job.progress().done() >= 60, Duration.ofSeconds(20));
            stopped = job.stop().await();
        } finally {
            sandbox.faults().clear();
        }

        BulkReport resumed = io.actions().bulk(csv).journal(journal).run().await();

        assertThat(stopped.ending()).isEqualTo(BulkReport.Ending.STOPPED);
        assertThat(stopped.created()).isBetween(60L, 299L);
        assertThat(stopped.remaining()).isEqualTo(300 - stopped.rows());
        assertThat(stopped.ok()).isFalse();
        assertThat(resumed.ending()).isEqualTo(BulkReport.Ending.COMPLETED);
        assertThat(resumed.skipped()).isEqualTo(stopped.created());
        assertThat(resumed.created()).isEqualTo(300 - stopped.created());
        assertExactlyOnce("stop-", 300);
        assertThat(BulkTest.lastEvents(journal)).hasSize(300).containsOnlyKeys(BulkTest.lastEvents(journal).keySet())
                .allSatisfy((key, event) -> assertThat(event).isEqualTo("created"));
    }

    @Test
    void aCrashBetweenSendingAndJournalingIsReconciledNotRepeated() throws IOException {
        Path csv = csv("crash", 200);
        Path journal = dir.resolve("crash.journal");
        BulkReport first = io.actions().bulk(csv).journal(journal).run().await();
        assertThat(first.created()).isEqualTo(200);
        // As if the process died with rows 151..200 in flight: their "sending" lines were written, their outcomes
        // were not. Rows 151..190 reached incident.io; rows 191..200 never left the machine.
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(journal)) {
            JsonObject event = new JsonObject(line);
            long row = event.getLong("row", 0L);
            if (row > 150 && !"sending".equals(event.getString("event"))) {
                if (row > 190 && "created".equals(event.getString("event"))) {
                    io.actions().delete(event.getString("action")).await();
                }
                continue;
            }
            if (!"end".equals(event.getString("event"))) {
                kept.add(line);
            }
        }
        // A crash mid-write leaves a partial line.
        Files.writeString(journal, String.join("\n", kept) + "\n{\"event\":\"sen");
        sandbox.clearRequests();

        BulkReport resumed = io.actions().bulk(csv).journal(journal).run().await();

        assertThat(resumed.ok()).isTrue();
        assertThat(resumed.skipped()).isEqualTo(190);
        assertThat(resumed.created()).isEqualTo(10);
        assertThat(sandbox.requests().stream().filter(r -> r.method().equals("POST")).count()).isEqualTo(10);
        assertExactlyOnce("crash-", 200);
        Map<String, String> last = BulkTest.lastEvents(journal);
        assertThat(last).hasSize(200).allSatisfy((key, event) -> assertThat(event).isEqualTo("created"));
        try (var lines = Files.lines(journal)) {
            assertThat(lines.filter(l -> l.contains("\"reconciled\":true")).count()).isEqualTo(40);
        }
    }

    @Test
    void aJournalWrittenOnV2ResumesOnV3WithTheSameActionIds() throws IOException {
        Path csv = csv("upgrade", 120);
        Path journal = dir.resolve("upgrade.journal");
        IncidentIo v2 = IncidentIo.create(vertx, clientOptions().setActionsApi(ActionsApi.V2));
        try {
            assertThat(v2.actions().bulk(csv).journal(journal).run().await().created()).isEqualTo(120);
        } finally {
            v2.close().await();
        }
        Map<Long, String> createdOnV2 = createdIds(journal);
        // As if the v2 run died with rows 81..120 in flight: sent and created, but their outcomes never journaled.
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(journal)) {
            JsonObject event = new JsonObject(line);
            if (!(event.getLong("row", 0L) > 80 && !"sending".equals(event.getString("event")))
                    && !"end".equals(event.getString("event"))) {
                kept.add(line);
            }
        }
        Files.writeString(journal, String.join("\n", kept) + "\n");
        sandbox.clearRequests();

        BulkReport resumed = io.actions().bulk(csv).journal(journal).run().await();

        assertThat(io.actions().api()).isEqualTo(ActionsApi.V3);
        assertThat(resumed.ok()).isTrue();
        assertThat(resumed.skipped()).isEqualTo(120);
        assertThat(resumed.created()).isZero();
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("POST") || r.path().startsWith("/v2/actions"));
        assertThat(createdIds(journal)).isEqualTo(createdOnV2);
        assertExactlyOnce("upgrade-", 120);
    }

    /** Row number to the action ID its last {@code created} event names. */
    private static Map<Long, String> createdIds(Path journal) throws IOException {
        Map<Long, String> ids = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(journal)) {
            JsonObject event = new JsonObject(line);
            if ("created".equals(event.getString("event"))) {
                ids.put(event.getLong("row"), event.getString("action"));
            }
        }
        return ids;
    }

    @Test
    void closingTheClientMidwayLeavesRowsUnknownThatAResumeSettles() throws IOException {
        Path csv = csv("close", 300);
        Path journal = dir.resolve("close.journal");
        IncidentIo doomed = IncidentIo.create(vertx, clientOptions());
        sandbox.faults().on("POST", "/v3/actions").latency(Duration.ofMillis(20));
        BulkReport cut;
        try {
            BulkJob job = doomed.actions().bulk(csv).journal(journal).concurrency(8)
                    .reconcileUnknown(1, Duration.ofMillis(10)).progressEvery(Duration.ofMillis(20)).start();
            BulkTest.await(() -> job.progress().done() >= 50, Duration.ofSeconds(20));
            doomed.close().await();
            cut = job.report().await();
        } finally {
            sandbox.faults().clear();
        }
        assertThat(cut.ok()).isFalse();
        assertThat(cut.unknown() + cut.failed()).isPositive();

        BulkReport resumed = io.actions().bulk(csv).journal(journal).run().await();

        assertThat(resumed.ok()).as(resumed.summary()).isTrue();
        assertThat(resumed.created() + resumed.skipped()).isEqualTo(300);
        assertExactlyOnce("close-", 300);
    }

    @Test
    void aJournalServesOneRunAtATime() throws IOException {
        Path csv = csv("locked", 50);
        Path journal = dir.resolve("locked.journal");
        sandbox.faults().on("POST", "/v3/actions").latency(Duration.ofMillis(50));
        BulkJob first = io.actions().bulk(csv).journal(journal).concurrency(2).start();
        BulkTest.await(() -> {
            try {
                return Files.exists(journal) && Files.size(journal) > 0;
            } catch (IOException e) {
                return false;
            }
        }, Duration.ofSeconds(10));

        assertThatThrownBy(() -> io.actions().bulk(csv).journal(journal).run().await())
                .hasMessageContaining("in use by another bulk run");
        first.stop().await();
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedAndLeftAlone() throws IOException {
        Path csv = csv("notjournal", 3);
        String before = Files.readString(csv);

        assertThatThrownBy(() -> io.actions().bulk(csv).journal(csv).run().await())
                .hasMessageContaining("unreadable lines");
        assertThat(Files.readString(csv)).isEqualTo(before);
        assertThat(BulkTest.countWithPrefix("notjournal-")).isZero();
    }

    private void assertExactlyOnce(String prefix, int rows) {
        Map<String, Long> landed = sandbox.state().actions().stream().map(a -> a.getString("description"))
                .filter(d -> d.startsWith(prefix))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(landed).hasSize(rows).allSatisfy((d, copies) -> assertThat(copies).as(d).isEqualTo(1));
    }

    private Path csv(String prefix, int rows) throws IOException {
        var text = new StringBuilder("incident,description,assignee\n");
        for (int i = 1; i <= rows; i++) {
            text.append(i % 2 == 0 ? "INC-1" : "INC-2").append(',').append(prefix).append('-').append(i).append(',')
                    .append(i % 3 == 0 ? "lisa@incident.io" : "").append('\n');
        }
        return Files.writeString(dir.resolve(prefix + ".csv"), text);
    }

}

package dev.firebrigade;

import dev.firebrigade.bulk.BulkReport;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulks through lost answers, server errors, dropped connections and 429s: each row lands exactly once. A sandbox of
 * its own without the rate limit (and a client without one), so that a thousand rows take seconds, not a minute.
 */
@Unthrottled
class BulkFaultsTest extends SandboxFixture {
    @TempDir
    Path dir;

    @Test
    void aThousandRowsLandExactlyOnceThroughFaultsAndTheJournalIsComplete() throws IOException {
        Path csv = csv("faults", 1000);
        Path journal = dir.resolve("faults.journal");
        injectFaults("/v3/actions");
        int fired;
        BulkReport report;
        try {
            report = io.actions().bulk(csv).journal(journal).concurrency(16)
                    .reconcileUnknown(6, Duration.ofMillis(50)).run().await();
        } finally {
            fired = sandbox.faults().triggered();
            sandbox.faults().clear();
        }

        assertThat(fired).isGreaterThan(100);
        assertThat(report.ending()).isEqualTo(BulkReport.Ending.COMPLETED);
        assertThat(report.created()).as(report.summary()).isEqualTo(1000);
        assertThat(report.failed() + report.unknown()).isZero();
        assertLandedOnceWithACompleteJournal("faults-", 1000, journal);
    }

    /**
     * The client's own safe creates settle almost every lost answer within the call. Without them (no retries, no
     * reconciliation), every lost answer is the bulk's to settle: it must find the processed ones and resend only the
     * rest.
     */
    @Test
    void theBulkSettlesUnknownCreatesItselfWhenTheClientDoesNot() throws IOException {
        Path csv = csv("bare", 300);
        Path journal = dir.resolve("bare.journal");
        IncidentIo bare = IncidentIo.create(vertx, clientOptions().setRetryPolicy(RetryPolicy.none()));
        injectFaults("/v3/actions");
        int fired;
        BulkReport report;
        try {
            report = bare.actions().bulk(csv).journal(journal).concurrency(16)
                    .reconcileUnknown(8, Duration.ofMillis(50)).run().await();
        } finally {
            fired = sandbox.faults().triggered();
            sandbox.faults().clear();
            bare.close().await();
        }

        assertThat(fired).isGreaterThan(20);
        assertThat(report.created()).as(report.summary()).isEqualTo(300);
        assertThat(report.reconciled()).as("answers lost after processing were found, not re-sent").isPositive();
        assertThat(report.failed() + report.unknown()).isZero();
        assertLandedOnceWithACompleteJournal("bare-", 300, journal);
    }

    /** Faults on every create sent to {@code path}, the same for each kind of bulk (seeded: the same each run). */
    static void injectFaults(String path) {
        var faults = sandbox.faults().seed(42);
        // Processed, but the answer is lost: only reconciliation can tell.
        faults.on("POST", path).resetAfterProcessing().probability(0.05);
        // Not processed, and the client cannot know: reconciled, found absent, sent again.
        faults.on("POST", path).resetBeforeProcessing().probability(0.05);
        faults.on("POST", path).status(503).probability(0.05);
        // Not processed, and the client knows: everything waits out Retry-After (1 s), then it is sent again.
        faults.on("POST", path).tooManyRequests(Duration.ofMillis(10)).probability(0.004);
    }

    private void assertLandedOnceWithACompleteJournal(String prefix, int rows, Path journal) throws IOException {
        Map<String, Long> landed = sandbox.state().actions().stream().map(a -> a.getString("description"))
                .filter(d -> d.startsWith(prefix))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(landed).hasSize(rows).allSatisfy((description, copies) -> assertThat(copies).as(description).isEqualTo(1));
        Map<String, String> last = BulkTest.lastEvents(journal);
        assertThat(last).hasSize(rows).allSatisfy((key, event) -> assertThat(event).as(key).isEqualTo("created"));
        // Every created line names an action the sandbox holds, and no action twice.
        try (var lines = Files.lines(journal)) {
            var ids = lines.map(JsonObject::new).filter(j -> "created".equals(j.getString("event")))
                    .map(j -> j.getString("action")).toList();
            assertThat(ids).hasSize(rows).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(sandbox.state().action(id)).isPresent());
        }
    }

    private Path csv(String prefix, int rows) throws IOException {
        var text = new StringBuilder("incident,description,assignee\n");
        for (int i = 1; i <= rows; i++) {
            text.append(i % 2 == 0 ? "INC-1" : "INC-2").append(',').append(prefix).append('-').append(i).append(',')
                    .append(i % 5 == 0 ? "lisa@incident.io" : "").append('\n');
        }
        return Files.writeString(dir.resolve(prefix + ".csv"), text);
    }
}

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

/** A 1,000-row bulk through lost answers, server errors and dropped connections: each row lands exactly once. */
class BulkFaultsTest extends SandboxFixture {
    @TempDir
    Path dir;

    @Test
    void everyRowLandsExactlyOnceThroughFaultsAndTheJournalIsComplete() throws IOException {
        Path csv = dir.resolve("faults.csv");
        var text = new StringBuilder("incident,description,assignee\n");
        for (int i = 1; i <= 1000; i++) {
            text.append(i % 2 == 0 ? "INC-1" : "INC-2").append(",faults-").append(i).append(',')
                    .append(i % 5 == 0 ? "lisa@incident.io" : "").append('\n');
        }
        Files.writeString(csv, text);
        Path journal = dir.resolve("faults.journal");
        var faults = sandbox.faults().seed(42);
        // Processed, but the answer is lost: only reconciliation can tell.
        faults.on("POST", "/v2/actions").resetAfterProcessing().probability(0.05);
        // Not processed, and the client cannot know: reconciled, found absent, sent again.
        faults.on("POST", "/v2/actions").resetBeforeProcessing().probability(0.05);
        faults.on("POST", "/v2/actions").status(503).probability(0.05);
        // Not processed, and the client knows: the whole bulk waits out Retry-After (1 s), then sends it again.
        faults.on("POST", "/v2/actions").tooManyRequests(Duration.ofMillis(10)).probability(0.004);
        BulkReport report;
        int fired;
        try {
            report = io.actions().bulk(csv).journal(journal).concurrency(16)
                    .reconcileUnknown(6, Duration.ofMillis(50)).run().await();
        } finally {
            fired = faults.triggered();
            sandbox.faults().clear();
        }

        assertThat(fired).isGreaterThan(100);
        assertThat(report.ending()).isEqualTo(BulkReport.Ending.COMPLETED);
        assertThat(report.created()).isEqualTo(1000);
        assertThat(report.reconciled()).as("answers lost after processing were found, not re-sent").isPositive();
        assertThat(report.failed() + report.unknown()).isZero();
        Map<String, Long> landed = sandbox.state().actions().stream().map(a -> a.getString("description"))
                .filter(d -> d.startsWith("faults-")).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(landed).hasSize(1000).allSatisfy((description, copies) -> assertThat(copies).as(description).isEqualTo(1));
        Map<String, String> last = BulkTest.lastEvents(journal);
        assertThat(last).hasSize(1000).allSatisfy((key, event) -> assertThat(event).as(key).isEqualTo("created"));
        // Every created line names an action the sandbox holds, and no action twice.
        try (var lines = Files.lines(journal)) {
            var ids = lines.map(JsonObject::new).filter(j -> "created".equals(j.getString("event")))
                    .map(j -> j.getString("action")).toList();
            assertThat(ids).hasSize(1000).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(sandbox.state().action(id)).isPresent());
        }
    }
}

package dev.firebrigade;

import dev.firebrigade.bulk.BulkReport;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulks of follow-ups through lost answers, server errors, dropped connections and 429s: each row lands exactly once,
 * counted on the server, through the same engine as actions. Unthrottled, so that hundreds of rows take seconds.
 */
@Unthrottled
class FollowUpBulkFaultsTest extends SandboxFixture {
    @TempDir
    Path dir;

    @Test
    void fiveHundredRowsLandExactlyOnceThroughFaultsAndTheJournalIsComplete() throws IOException {
        Path csv = csv("faults", 500);
        Path journal = dir.resolve("faults.journal");
        int fired;
        BulkReport report;
        BulkFaultsTest.injectFaults("/v3/follow_ups");
        try {
            report = io.followUps().bulk(csv).journal(journal).concurrency(16)
                    .reconcileUnknown(6, Duration.ofMillis(50)).run().await();
        } finally {
            fired = sandbox.faults().triggered();
            sandbox.faults().clear();
        }

        assertThat(fired).isGreaterThan(40);
        assertThat(report.ending()).isEqualTo(BulkReport.Ending.COMPLETED);
        assertThat(report.created()).as(report.summary()).isEqualTo(500);
        assertThat(report.failed() + report.unknown()).isZero();
        assertLandedOnceWithACompleteJournal("faults-", 500, journal);
    }

    /** Without the client's own safe creates every lost answer is the bulk's to settle: found, or sent again. */
    @Test
    void theBulkSettlesLostFollowUpsItselfWhenTheClientDoesNot() throws IOException {
        Path csv = csv("bare", 200);
        Path journal = dir.resolve("bare.journal");
        IncidentIo bare = IncidentIo.create(vertx, clientOptions().setRetryPolicy(RetryPolicy.none()));
        int fired;
        BulkReport report;
        BulkFaultsTest.injectFaults("/v3/follow_ups");
        try {
            report = bare.followUps().bulk(csv).journal(journal).concurrency(16)
                    .reconcileUnknown(8, Duration.ofMillis(50)).run().await();
        } finally {
            fired = sandbox.faults().triggered();
            sandbox.faults().clear();
            bare.close().await();
        }

        assertThat(fired).isGreaterThan(15);
        assertThat(report.created()).as(report.summary()).isEqualTo(200);
        assertThat(report.reconciled()).as("answers lost after processing were found, not re-sent").isPositive();
        assertThat(report.failed() + report.unknown()).isZero();
        assertLandedOnceWithACompleteJournal("bare-", 200, journal);
    }

    private static void assertLandedOnceWithACompleteJournal(String prefix, int rows, Path journal) throws IOException {
        FollowUpBulkTest.assertExactlyOnce(prefix, rows);
        assertThat(BulkTest.lastEvents(journal)).hasSize(rows)
                .allSatisfy((key, event) -> assertThat(event).as(key).isEqualTo("created"));
        try (var lines = Files.lines(journal)) {
            var ids = lines.map(JsonObject::new).filter(j -> "created".equals(j.getString("event")))
                    .map(j -> j.getString("follow_up")).toList();
            assertThat(ids).hasSize(rows).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(sandbox.state().followUp(id)).isPresent());
        }
    }

    private Path csv(String prefix, int rows) throws IOException {
        var text = new StringBuilder("incident,title,description,assignee\n");
        for (int i = 1; i <= rows; i++) {
            // Some rows have a description over two lines, some an assignee: the match compares both.
            text.append(i % 2 == 0 ? "INC-1" : "INC-2").append(',').append(prefix).append('-').append(i).append(',')
                    .append(i % 3 == 0 ? "\"Line one\nline " + i + "\"" : "").append(',')
                    .append(i % 5 == 0 ? "lisa@incident.io" : "").append('\n');
        }
        return Files.writeString(dir.resolve(prefix + ".csv"), text);
    }
}

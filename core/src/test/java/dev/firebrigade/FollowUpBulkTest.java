package dev.firebrigade;

import dev.firebrigade.bulk.Bulk;
import dev.firebrigade.bulk.BulkJob;
import dev.firebrigade.bulk.BulkKind;
import dev.firebrigade.bulk.BulkReport;
import dev.firebrigade.bulk.BulkSource;
import dev.firebrigade.bulk.JournalKindMismatchException;
import dev.firebrigade.bulk.RowOutcome;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.model.FollowUp;
import dev.firebrigade.sandbox.DemoData;
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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulks of follow-ups over loopback: files, drafts, bad rows, dry runs, stop and resume, and the journal's kind. */
class FollowUpBulkTest extends SandboxFixture {
    private static final String FOLLOW_UPS = "/v3/follow_ups";

    @TempDir
    Path dir;

    @Test
    void createsAFollowUpPerCsvRowWithEveryColumnAndJournalsTheKind() throws IOException {
        Path csv = write("every.csv", "incident,title,description,assignee,priority,category,labels,key\n"
                + "INC-2,every-1 Add a replica,\"Lag **alerts**, too\",lisa@incident.io," + DemoData.PRIORITY_HIGH + ","
                + DemoData.CATEGORY_INFRASTRUCTURE + ", database ;post-mortem,replica\n"
                + "INC-1,every-2 Write the runbook,,,,,,runbook\n");
        Path journal = dir.resolve("every.journal");

        BulkReport report = io.followUps().bulk(csv).journal(journal).run().await();

        assertThat(report.kind()).isEqualTo(BulkKind.FOLLOW_UPS);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.summary()).startsWith("Bulk of " + csv + " (follow-ups): completed");
        FollowUp first = io.followUps().get(report.outcomes().get(0).id()).await();
        assertThat(first.incidentId()).isEqualTo(DemoData.INCIDENT_2);
        assertThat(first.title()).isEqualTo("every-1 Add a replica");
        assertThat(first.description()).isEqualTo("Lag **alerts**, too");
        assertThat(first.assignee().id()).isEqualTo(DemoData.USER_LISA);
        assertThat(first.priority().id()).isEqualTo(DemoData.PRIORITY_HIGH);
        assertThat(first.category().id()).isEqualTo(DemoData.CATEGORY_INFRASTRUCTURE);
        assertThat(first.labels()).containsExactly("database", "post-mortem");
        FollowUp second = io.followUps().get(report.outcomes().get(1).id()).await();
        assertThat(second.incidentId()).isEqualTo(DemoData.INCIDENT_1);
        assertThat(second.assignee()).isNull();
        assertThat(second.labels()).isEmpty();
        assertThat(requests("POST")).filteredOn(r -> r.body().contains("every-2")).singleElement()
                .satisfies(r -> assertThat(r.body()).doesNotContain("description", "labels", "assignee_id"));

        List<JsonObject> lines = lines(journal);
        assertThat(lines.get(0).getString("event")).isEqualTo("run");
        assertThat(lines.get(0).getString("kind")).isEqualTo("follow-ups");
        assertThat(lines.get(0).getInteger("version")).isEqualTo(3);
        assertThat(lines).filteredOn(l -> "sending".equals(l.getString("event"))).extracting(l -> l.getString("title"))
                .containsExactly("every-1 Add a replica", "every-2 Write the runbook");
        assertThat(lines).filteredOn(l -> "created".equals(l.getString("event")))
                .extracting(l -> l.getString("follow_up"))
                .containsExactly(first.id(), second.id());
        assertThat(lines).noneMatch(l -> l.containsKey("action"));
    }

    @Test
    void readsJsonLinesWithLabelsAsArrays() throws IOException {
        Path jsonl = write("rows.jsonl", "{\"incident\":\"INC-1\",\"title\":\"jsonl-1\",\"assignee\":\"lisa@incident.io\","
                + "\"labels\":[\"database\",\"on-call\"]}\n"
                + "\n"
                + "{\"incident_id\":\"" + DemoData.INCIDENT_2 + "\",\"title\":\"jsonl-2\",\"description\":\"Two\","
                + "\"follow_up_priority_option_id\":\"" + DemoData.PRIORITY_LOW + "\"}\n"
                + "{\"incident\":\"INC-1\",\"title\":\"jsonl-3\",\"labels\":\"database\"}\n");

        BulkReport report = io.followUps().bulk(jsonl).run().await();

        assertThat(report.created()).as(report.summary()).isEqualTo(2);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.error()).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo("labels"));
        });
        assertThat(stored("jsonl-1").getJsonArray("labels").getList()).containsExactly("database", "on-call");
        assertThat(stored("jsonl-2").getJsonObject("priority").getString("id")).isEqualTo(DemoData.PRIORITY_LOW);
        assertThat(countTitled("jsonl-")).isEqualTo(2);
    }

    @Test
    void badRowsFailNamingTheirColumnWithoutBeingSentAndTheOthersAreCreated() throws IOException {
        Path csv = write("bad.csv", """
                incident,title,assignee,labels,status
                INC-1,bad-1 fine,lisa@incident.io,ops,
                INC-1,   ,lisa@incident.io,,
                INC-1,bad-3 unknown assignee,nobody@incident.io,,
                INC-1,bad-4 empty label,,ops;;database,
                INC-1,bad-5 a status,,,completed
                INC-1,bad-6 deleted,,,deleted
                INC-404,bad-7 no such incident,,,
                ,bad-8 no incident,,,
                INC-2,bad-9 fine too,,,
                """);

        BulkReport report = io.followUps().bulk(csv).journal(dir.resolve("bad.journal")).run().await();

        assertThat(report.ending()).isEqualTo(BulkReport.Ending.COMPLETED);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(7);
        List<RowOutcome> problems = report.problems();
        assertThat(problems).extracting(RowOutcome::row).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(field(problems.get(0))).isEqualTo("title");
        assertThat(problems.get(1).error()).isInstanceOfSatisfying(UnresolvedReferenceException.class,
                e -> assertThat(e.field()).isEqualTo("assignee_id")).hasMessageContaining("nobody@incident.io");
        assertThat(field(problems.get(2))).isEqualTo("labels");
        assertThat(field(problems.get(3))).isEqualTo("status");
        assertThat(problems.get(3).error()).hasMessageContaining("created outstanding");
        assertThat(field(problems.get(4))).isEqualTo("status");
        assertThat(problems.get(4).error()).hasMessageContaining("followUps().delete(id)");
        assertThat(problems.get(5).error()).isInstanceOf(UnresolvedReferenceException.class)
                .hasMessageContaining("INC-404");
        assertThat(field(problems.get(6))).isEqualTo("incident");
        // Only the two good rows were sent.
        assertThat(requests("POST")).hasSize(2);
        assertThat(countTitled("bad-")).isEqualTo(2);
    }

    @Test
    void aDryRunChecksEveryRowAndCreatesNothing() throws IOException {
        Path csv = write("dry.csv", """
                incident,title,assignee
                INC-1,dry-1,lisa@incident.io
                INC-1,dry-2,nobody@incident.io
                INC-2,,
                """);
        Path journal = dir.resolve("dry.journal");

        BulkReport report = io.followUps().bulk(csv).journal(journal).dryRun().await();

        assertThat(report.dryRun()).isTrue();
        assertThat(report.valid()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.summary()).startsWith("Dry run of " + csv + " (follow-ups)");
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("POST"));
        assertThat(journal).doesNotExist();
        assertThat(countTitled("dry-")).isZero();
    }

    @Test
    void stoppedMidwayThenResumedCreatesEachRowOnce() throws IOException {
        Path csv = csv("stop", 120);
        Path journal = dir.resolve("stop.journal");
        sandbox.faults().on("POST", FOLLOW_UPS).latency(Duration.ofMillis(15));
        BulkReport stopped;
        try {
            BulkJob job = io.followUps().bulk(csv).journal(journal).concurrency(4)
                    .progressEvery(Duration.ofMillis(20)).start();
            BulkTest.await(() -> job.progress().done() >= 30, Duration.ofSeconds(20));
            stopped = job.stop().await();
        } finally {
            sandbox.faults().clear();
        }

        BulkReport resumed = io.followUps().bulk(csv).journal(journal).run().await();

        assertThat(stopped.ending()).isEqualTo(BulkReport.Ending.STOPPED);
        assertThat(stopped.created()).isBetween(30L, 119L);
        assertThat(resumed.ok()).as(resumed.summary()).isTrue();
        assertThat(resumed.skipped()).isEqualTo(stopped.created());
        assertThat(resumed.created()).isEqualTo(120 - stopped.created());
        assertExactlyOnce("stop-", 120);
    }

    @Test
    void followUpsInFlightWhenARunDiedAreFoundByTheirTitleNotSentAgain() throws IOException {
        Path csv = csv("crash", 60);
        Path journal = dir.resolve("crash.journal");
        assertThat(io.followUps().bulk(csv).journal(journal).run().await().created()).isEqualTo(60);
        // As if the process died with rows 41..60 in flight: their "sending" lines were written, their outcomes were
        // not. Rows 41..55 reached incident.io; rows 56..60 never left the machine.
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(journal)) {
            JsonObject event = new JsonObject(line);
            long row = event.getLong("row", 0L);
            if (row > 40 && !"sending".equals(event.getString("event"))) {
                if (row > 55 && "created".equals(event.getString("event"))) {
                    io.followUps().delete(event.getString("follow_up")).await();
                }
            } else if (!"end".equals(event.getString("event"))) {
                kept.add(line);
            }
        }
        Files.writeString(journal, String.join("\n", kept) + "\n");
        sandbox.clearRequests();

        BulkReport resumed = io.followUps().bulk(csv).journal(journal).run().await();

        assertThat(resumed.ok()).as(resumed.summary()).isTrue();
        assertThat(resumed.skipped()).isEqualTo(55);
        assertThat(resumed.created()).isEqualTo(5);
        assertThat(requests("POST")).hasSize(5);
        assertExactlyOnce("crash-", 60);
        assertThat(lines(journal)).filteredOn(l -> l.getBoolean("reconciled", false)).hasSize(15)
                .allSatisfy(l -> assertThat(l.getString("follow_up")).isNotNull());
    }

    @Test
    void aJournalIsRefusedByABulkOfTheOtherKindBeforeAnythingIsSent() throws IOException {
        Path actions = write("actions.csv", "incident,description\nINC-1,kinds-action-1\nINC-2,kinds-action-2\n");
        Path followUps = write("followups.csv", "incident,title\nINC-1,kinds-1\nINC-2,kinds-2\n");
        Path ofActions = dir.resolve("actions.journal");
        Path ofFollowUps = dir.resolve("followups.journal");
        assertThat(io.actions().bulk(actions).journal(ofActions).run().await().created()).isEqualTo(2);
        assertThat(io.followUps().bulk(followUps).journal(ofFollowUps).run().await().created()).isEqualTo(2);
        String actionsJournal = Files.readString(ofActions);
        sandbox.clearRequests();

        assertThatThrownBy(() -> io.followUps().bulk(followUps).journal(ofActions).run().await())
                .isInstanceOfSatisfying(JournalKindMismatchException.class, e -> {
                    assertThat(e.recorded()).isEqualTo("actions");
                    assertThat(e.current()).isEqualTo(BulkKind.FOLLOW_UPS);
                })
                .hasMessageContaining("records a bulk of actions, but this run creates follow-ups");
        assertThatThrownBy(() -> io.followUps().bulk(followUps).journal(ofActions).dryRun().await())
                .isInstanceOf(JournalKindMismatchException.class);
        assertThatThrownBy(() -> io.actions().bulk(actions).journal(ofFollowUps).run().await())
                .isInstanceOf(JournalKindMismatchException.class)
                .hasMessageContaining("records a bulk of follow-ups, but this run creates actions");
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("POST"));
        assertThat(Files.readString(ofActions)).isEqualTo(actionsJournal);

        // A journal from before kinds were recorded is one of actions.
        Files.writeString(ofActions, actionsJournal.replace("\"kind\":\"actions\",", ""));
        assertThatThrownBy(() -> io.followUps().bulk(followUps).journal(ofActions).run().await())
                .isInstanceOf(JournalKindMismatchException.class);
        assertThat(io.actions().bulk(actions).journal(ofActions).run().await().skipped()).isEqualTo(2);
    }

    @Test
    void aFileOfTheOtherKindIsRefusedNamingTheColumnBeforeAnythingIsSent() throws IOException {
        Path followUps = write("titled.csv", "incident,title,description\nINC-1,refused-1,x\n");
        Path actions = write("untitled.csv", "incident,description\nINC-1,refused-2\n");
        Path journal = dir.resolve("refused.journal");

        assertThatThrownBy(() -> io.actions().bulk(followUps).journal(journal).run().await())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has a title column: its rows are follow-ups, but this bulk creates actions")
                .hasMessageContaining("--kind follow-ups");
        assertThatThrownBy(() -> io.followUps().bulk(actions).journal(journal).run().await())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no title column: its rows are actions, but this bulk creates follow-ups");
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("POST"));
        assertThat(journal).doesNotExist();
        assertThat(BulkSource.file(followUps).guessKind()).isEqualTo(BulkKind.FOLLOW_UPS);
        assertThat(BulkSource.file(actions).guessKind()).isEqualTo(BulkKind.ACTIONS);
    }

    @Test
    void bulksDraftsFromTheLibraryAndRefusesDraftsOfTheOtherKind() {
        List<FollowUpDraft> drafts = IntStream.rangeClosed(1, 20).mapToObj(i -> io.followUps().forIncident("INC-1")
                .title("drafts-" + i).labels("batch")).toList();

        BulkReport report = Bulk.of(vertx, io.followUps(), BulkSource.ofFollowUps(drafts)).concurrency(4).run().await();

        assertThat(report.created()).as(report.summary()).isEqualTo(20);
        assertThat(report.source()).isEqualTo("list of 20 drafts");
        assertExactlyOnce("drafts-", 20);
        assertThat(io.followUps().bulk(drafts.stream()).kind()).isEqualTo(BulkKind.FOLLOW_UPS);
        assertThatThrownBy(() -> Bulk.of(vertx, io.actions(), BulkSource.ofFollowUps(drafts)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds drafts of follow-ups, but this bulk creates actions")
                .hasMessageContaining("followUps().bulk(...)");
    }

    // ---- helpers ----

    private Path csv(String prefix, int rows) throws IOException {
        var text = new StringBuilder("incident,title,description,assignee,labels\n");
        for (int i = 1; i <= rows; i++) {
            text.append(i % 2 == 0 ? "INC-1" : "INC-2").append(',').append(prefix).append('-').append(i).append(',')
                    .append(i % 4 == 0 ? "Details of " + i : "").append(',')
                    .append(i % 3 == 0 ? "lisa@incident.io" : "").append(',')
                    .append(i % 5 == 0 ? "bulk;follow-up" : "").append('\n');
        }
        return write(prefix + ".csv", text.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String field(RowOutcome outcome) {
        assertThat(outcome.error()).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) outcome.error()).field();
    }

    private static List<dev.firebrigade.sandbox.RecordedRequest> requests(String method) {
        return sandbox.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(FOLLOW_UPS))
                .toList();
    }

    private static JsonObject stored(String title) {
        return sandbox.state().followUps().stream().filter(f -> title.equals(f.getString("title"))).findFirst()
                .orElseThrow();
    }

    static long countTitled(String prefix) {
        return sandbox.state().followUps().stream().filter(f -> f.getString("title").startsWith(prefix)).count();
    }

    static void assertExactlyOnce(String prefix, int rows) {
        Map<String, Long> landed = sandbox.state().followUps().stream().map(f -> f.getString("title"))
                .filter(t -> t.startsWith(prefix))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(landed).hasSize(rows).allSatisfy((title, copies) -> assertThat(copies).as(title).isEqualTo(1));
    }

    private static List<JsonObject> lines(Path journal) throws IOException {
        return Files.readAllLines(journal).stream().map(JsonObject::new).toList();
    }
}

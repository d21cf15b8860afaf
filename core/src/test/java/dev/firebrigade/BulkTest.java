package dev.firebrigade;

import dev.firebrigade.bulk.BulkProgress;
import dev.firebrigade.bulk.BulkReport;
import dev.firebrigade.bulk.RowOutcome;
import dev.firebrigade.bulk.RowStatus;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.error.ValidationException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkTest extends SandboxFixture {
    @TempDir
    Path dir;

    @Test
    void createsEveryDraftOfAListAndReportsEachRow() {
        List<ActionDraft> drafts = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> io.actions().forIncident(INCIDENT).describe("list-" + i).assignTo(LISA)).toList();

        BulkReport report = io.actions().bulk(drafts).concurrency(8).run().await();

        assertThat(report.ending()).isEqualTo(BulkReport.Ending.COMPLETED);
        assertThat(report.ok()).isTrue();
        assertThat(report.created()).isEqualTo(50);
        assertThat(report.total()).isEqualTo(50);
        assertThat(report.outcomesComplete()).isTrue();
        assertThat(report.outcomes()).extracting(RowOutcome::row)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 50).mapToObj(i -> (long) i).toList());
        assertThat(report.outcomes()).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(RowStatus.CREATED);
            assertThat(sandbox.state().action(o.id())).isPresent();
        });
        assertThat(sandbox.state().action(report.outcomes().get(6).id()).orElseThrow().getString("description"))
                .isEqualTo("list-7");
        assertThat(countWithPrefix("list-")).isEqualTo(50);
    }

    @Test
    void readsACsvWithReferencesAndEmails() throws IOException {
        Path csv = Files.writeString(dir.resolve("refs.csv"), "incident,description,assignee\n"
                + "INC-1,csv-refs-1,lisa@incident.io\n"
                + "INC-2,csv-refs-2,\n");

        BulkReport report = io.actions().bulk(csv).run().await();

        assertThat(report.created()).isEqualTo(2);
        JsonObject first = sandbox.state().action(report.outcomes().get(0).id()).orElseThrow();
        assertThat(first.getString("incident_id")).isEqualTo(INCIDENT);
        assertThat(first.getJsonObject("assignee").getString("id")).isEqualTo(LISA);
        JsonObject second = sandbox.state().action(report.outcomes().get(1).id()).orElseThrow();
        assertThat(second.getString("incident_id")).isEqualTo(OTHER_INCIDENT);
        assertThat(second.getValue("assignee")).isNull();
    }

    @Test
    void reportsBadRowsWithTheirRowNumbersAndCreatesTheRest() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "incident,description,assignee\n"
                + "INC-1,bad-rows-1,lisa@incident.io\n"
                + "INC-1,,lisa@incident.io\n"
                + "INC-1,bad-rows-3,nobody@incident.io\n"
                + "INC-999,bad-rows-4,\n"
                + "01ZZZZZZZZZZZZZZZZZZZZZZZZ,bad-rows-5,\n"
                + "INC-2,bad-rows-6,\n");
        Path journal = dir.resolve("bad.journal");

        BulkReport report = io.actions().bulk(csv).journal(journal).run().await();

        assertThat(report.ending()).isEqualTo(BulkReport.Ending.COMPLETED);
        assertThat(report.ok()).isFalse();
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(4);
        assertThat(report.problems()).extracting(RowOutcome::row).containsExactly(2L, 3L, 4L, 5L);
        assertThat(report.problems()).extracting(RowOutcome::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(report.problems().get(0).error()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("description is empty");
        assertThat(report.problems().get(1).error()).isInstanceOf(UnresolvedReferenceException.class)
                .hasMessageContaining("nobody@incident.io");
        assertThat(report.problems().get(2).error()).isInstanceOf(UnresolvedReferenceException.class)
                .hasMessageContaining("INC-999");
        assertThat(report.problems().get(3).error()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("incident_id");
        assertThat(report.summary()).contains("row 3 (line 4)  failed", "nobody@incident.io", "created", "failed");
        assertThat(countWithPrefix("bad-rows-")).isEqualTo(2);
        assertThat(lastEvents(journal)).containsValues("created", "failed").hasSize(6);
    }

    @Test
    void readsJsonLines() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("a.jsonl"),
                "{\"incident\":\"INC-1\",\"description\":\"jsonl-1\",\"assignee\":\"lisa@incident.io\"}\n"
                        + "{\"incident_id\":\"" + OTHER_INCIDENT + "\",\"description\":\"jsonl-2\"}\n");

        BulkReport report = io.actions().bulk(jsonl).run().await();

        assertThat(report.created()).isEqualTo(2);
        assertThat(countWithPrefix("jsonl-")).isEqualTo(2);
    }

    @Test
    void aDryRunResolvesEveryRowAndCreatesNothing() throws IOException {
        Path csv = Files.writeString(dir.resolve("dry.csv"), "incident,description,assignee\n"
                + "INC-1,dry-1,lisa@incident.io\n"
                + "INC-1,dry-2,nobody@incident.io\n"
                + "INC-404,dry-3,\n");
        Path journal = dir.resolve("dry.journal");
        sandbox.clearRequests();

        BulkReport report = io.actions().bulk(csv).journal(journal).dryRun().await();

        assertThat(report.dryRun()).isTrue();
        assertThat(report.valid()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.problems()).extracting(RowOutcome::row).containsExactly(2L, 3L);
        assertThat(countWithPrefix("dry-")).isZero();
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("POST"));
        assertThat(journal).doesNotExist();
        assertThat(report.summary()).startsWith("Dry run of").contains("valid");
    }

    @Test
    void aSecondRunWithTheSameJournalSendsNothing() throws IOException {
        Path csv = csv("again", 40);
        Path journal = dir.resolve("again.journal");
        BulkReport first = io.actions().bulk(csv).journal(journal).run().await();
        sandbox.clearRequests();

        BulkReport second = io.actions().bulk(csv).journal(journal).run().await();

        assertThat(first.created()).isEqualTo(40);
        assertThat(second.created()).isZero();
        assertThat(second.skipped()).isEqualTo(40);
        assertThat(second.ok()).isTrue();
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("POST"));
        assertThat(countWithPrefix("again-")).isEqualTo(40);
    }

    @Test
    void aRepeatedKeyFailsItsRow() throws IOException {
        Path csv = Files.writeString(dir.resolve("keys.csv"), "key,incident,description\n"
                + "a,INC-1,keys-1\nb,INC-1,keys-2\na,INC-1,keys-3\n");

        BulkReport report = io.actions().bulk(csv).run().await();

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.error()).hasMessageContaining("repeats the key of an earlier row: a");
        });
    }

    @Test
    void reportsProgressWithATotal() throws IOException {
        Path csv = csv("progress", 60);
        var seen = new CopyOnWriteArrayList<BulkProgress>();
        sandbox.faults().on("POST", "/v3/actions").latency(Duration.ofMillis(20));
        io.actions().bulk(csv).concurrency(4).progressEvery(Duration.ofMillis(50)).onProgress(seen::add).run().await();

        assertThat(seen.size()).isGreaterThan(2);
        BulkProgress last = seen.get(seen.size() - 1);
        assertThat(last.done()).isEqualTo(60);
        assertThat(last.total()).isEqualTo(60);
        assertThat(last.created()).isEqualTo(60);
        assertThat(last.eta()).isEqualTo(Duration.ZERO);
        assertThat(seen).anySatisfy(p -> {
            assertThat(p.done()).isBetween(1L, 59L);
            assertThat(p.rowsPerSecond()).isPositive();
            assertThat(p.eta()).isNotNull();
        });
        assertThat(last.toString()).contains("60/60 rows");
    }

    @Test
    void keepsAtMostTheConfiguredConcurrencyInFlight() throws IOException {
        Path csv = csv("window", 24);
        sandbox.faults().on("POST", "/v3/actions").latency(Duration.ofMillis(100));
        long started = System.nanoTime();
        io.actions().bulk(csv).concurrency(4).run().await();
        long millis = (System.nanoTime() - started) / 1_000_000;

        // 24 rows, 4 at a time, 100 ms each: at least 6 rounds.
        assertThat(millis).isGreaterThanOrEqualTo(600);
    }

    @Test
    void pullsAStreamOnlyAsFastAsItSends() {
        var pulled = new AtomicLong();
        Stream<ActionDraft> endless = Stream.generate(() -> io.actions().forIncident(INCIDENT)
                .describe("stream-" + pulled.incrementAndGet()));
        var job = io.actions().bulk(endless).concurrency(4).start();
        sandbox.faults().on("POST", "/v3/actions").latency(Duration.ofMillis(10));
        await(() -> job.progress().done() >= 40, Duration.ofSeconds(10));
        BulkReport report = job.stop().await();

        assertThat(report.ending()).isEqualTo(BulkReport.Ending.STOPPED);
        assertThat(report.total()).isEqualTo(-1);
        assertThat(report.created()).isEqualTo(countWithPrefix("stream-"));
        // Read ahead: at most the buffer (a chunk or two) beyond what was sent, never the endless rest.
        assertThat(pulled.get()).isLessThan(report.created() + 1024);
    }

    @Test
    void anUnreadableSourceFailsBeforeAnythingIsSent() {
        assertThatThrownBy(() -> io.actions().bulk(dir.resolve("nope.csv")).run().await())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
    }

    // ---- helpers ----

    private Path csv(String prefix, int rows) throws IOException {
        var text = new StringBuilder("incident,description,assignee\n");
        for (int i = 1; i <= rows; i++) {
            text.append(i % 2 == 0 ? "INC-1" : OTHER_INCIDENT).append(',').append(prefix).append('-').append(i)
                    .append(',').append(i % 3 == 0 ? "lisa@incident.io" : "").append('\n');
        }
        return Files.writeString(dir.resolve(prefix + ".csv"), text);
    }

    static long countWithPrefix(String prefix) {
        return sandbox.state().actions().stream().filter(a -> a.getString("description").startsWith(prefix)).count();
    }

    /** The last event of every key in a journal (a partial line left by a crash is skipped). */
    static java.util.Map<String, String> lastEvents(Path journal) throws IOException {
        var last = new java.util.LinkedHashMap<String, String>();
        try (var lines = Files.lines(journal)) {
            lines.filter(l -> l.startsWith("{") && l.endsWith("}")).map(JsonObject::new).filter(j -> j.containsKey("key"))
                    .forEach(j -> last.put(j.getString("key"), j.getString("event")));
        }
        return last;
    }

    static void await(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

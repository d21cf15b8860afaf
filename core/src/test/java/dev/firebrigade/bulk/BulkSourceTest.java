package dev.firebrigade.bulk;

import dev.firebrigade.IncidentIo;
import dev.firebrigade.IncidentIoOptions;
import dev.firebrigade.error.InvalidInputException;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the sources, without a server: nothing here sends a request. */
class BulkSourceTest {
    static Vertx vertx;
    static IncidentIo io;

    @TempDir
    Path dir;

    @BeforeAll
    static void client() {
        vertx = Vertx.vertx();
        io = IncidentIo.create(vertx, new IncidentIoOptions().setBaseUrl("http://127.0.0.1:9").setApiKey("unused-key"));
    }

    @AfterAll
    static void close() {
        io.close().await();
        vertx.close().await();
    }

    @Test
    void readsCsvColumnsInAnyOrderWithBomQuotesAndLineNumbers() throws IOException {
        Path csv = write("actions.csv", "\uFEFFDescription , Assignee,notes,Incident\n"
                + "Call the fire brigade,lisa@incident.io,ignored,INC-1\n"
                + "\n"
                + "\"Two\nlines, quoted\",,x, 01FCNDV6P870EA6S7TK1DSYD5H \n"
                + "Roll back,,,INC-2\n");

        List<SourceRow> rows = readAll(BulkSource.csv(csv));

        assertThat(rows).extracting(SourceRow::row).containsExactly(1L, 2L, 3L);
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 4L, 6L);
        assertThat(rows.get(0).fields().incident()).isEqualTo("INC-1");
        assertThat(rows.get(0).fields().assignee()).isEqualTo("lisa@incident.io");
        assertThat(rows.get(1).fields().description()).isEqualTo("Two\nlines, quoted");
        assertThat(rows.get(1).fields().incident()).isEqualTo("01FCNDV6P870EA6S7TK1DSYD5H");
        assertThat(rows.get(1).fields().assignee()).isNull();
        assertThat(rows).allSatisfy(row -> assertThat(row.problem()).isNull());
        assertThat(rows.get(0).key()).startsWith("row:1:");
    }

    @Test
    void keysRowsByTheKeyColumnWhenThereIsOne() throws IOException {
        Path csv = write("keyed.csv", "key,incident,description,assignee\nfirst,INC-1,One,\n,INC-1,Two,\n");

        List<SourceRow> rows = readAll(BulkSource.csv(csv));

        assertThat(rows.get(0).key()).isEqualTo("key:first");
        assertThat(rows.get(0).explicitKey()).isTrue();
        assertThat(rows.get(1).key()).startsWith("row:2:");
        assertThat(rows.get(1).explicitKey()).isFalse();
    }

    @Test
    void aRowKeyChangesWithTheRowsContent() throws IOException {
        Path before = write("a.csv", "incident,description,assignee\nINC-1,Call,lisa@incident.io\n");
        Path after = write("b.csv", "incident,description,assignee\nINC-1,Call,ops@incident.io\n");

        assertThat(readAll(BulkSource.csv(before)).get(0).key()).isNotEqualTo(readAll(BulkSource.csv(after)).get(0).key());
        assertThat(readAll(BulkSource.csv(before)).get(0).key()).isEqualTo(readAll(BulkSource.csv(before)).get(0).key());
    }

    @Test
    void flagsRowsWithoutIncidentOrDescription() throws IOException {
        Path csv = write("bad.csv", "incident,description,assignee\n,Orphan,\nINC-1,   ,\nINC-1\n");

        List<SourceRow> rows = readAll(BulkSource.csv(csv));

        assertThat(rows).extracting(r -> r.problem().field()).containsExactly("incident", "description", "description");
        assertThat(rows).allSatisfy(row -> assertThat(row.draft()).isNull());
    }

    @Test
    void refusesACsvWithoutTheRequiredColumns() throws IOException {
        Path csv = write("wrong.csv", "incident,what\nINC-1,x\n");

        assertThatThrownBy(() -> readAll(BulkSource.csv(csv))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).contains("lacks the description column", "incident,description,assignee"));
        assertThatThrownBy(() -> readAll(BulkSource.csv(dir.resolve("missing.csv"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
    }

    @Test
    void readsJsonLinesWithApiNamesAndFlagsBadLines() throws IOException {
        Path jsonl = write("actions.jsonl", "{\"incident\":\"INC-1\",\"description\":\"One\",\"assignee\":\"lisa@incident.io\"}\n"
                + "\n"
                + "{\"incident_id\":\"01FCNDV6P870EA6S7TK1DSYD5H\",\"description\":\"Two\",\"key\":\"k2\"}\n"
                + "not json\n"
                + "[1,2]\n"
                + "{\"incident\":\"INC-1\",\"description\":7}\n");

        List<SourceRow> rows = readAll(BulkSource.file(jsonl));

        assertThat(rows).extracting(SourceRow::row).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 3L, 4L, 5L, 6L);
        assertThat(rows.get(1).fields().incident()).isEqualTo("01FCNDV6P870EA6S7TK1DSYD5H");
        assertThat(rows.get(1).key()).isEqualTo("key:k2");
        assertThat(rows.subList(0, 2)).allSatisfy(row -> assertThat(row.problem()).isNull());
        assertThat(rows.subList(2, 5)).allSatisfy(row -> assertThat(row.problem()).isNotNull());
        assertThat(rows.get(4).problem().getMessage()).contains("description is not a string");
    }

    @Test
    void countsRowsForTheProgressTotal() throws Exception {
        Path csv = write("count.csv", "incident,description\nINC-1,\"a\nb\"\n\nINC-1,c\n");
        Path jsonl = write("count.jsonl", "{}\n\n{}\n{}\n");

        assertThat(BulkSource.csv(csv).count()).isEqualTo(2);
        assertThat(BulkSource.jsonLines(jsonl).count()).isEqualTo(3);
    }

    @Test
    void aStreamCanBeReadOnce() throws Exception {
        var source = BulkSource.of(java.util.stream.Stream.of(io.actions().forIncident("INC-1").describe("x")));
        readAll(source);

        assertThatThrownBy(() -> readAll(source)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already used");
    }

    @Test
    void guessesTheKindFromACsvHeaderOrTheFirstJsonRow() throws IOException {
        assertThat(BulkSource.file(write("f.csv", "Incident,Title\nINC-1,x\n")).guessKind()).isEqualTo(BulkKind.FOLLOW_UPS);
        assertThat(BulkSource.file(write("a.csv", "incident,description\n")).guessKind()).isEqualTo(BulkKind.ACTIONS);
        assertThat(BulkSource.file(write("f.jsonl", "\n{\"incident\":\"INC-1\",\"title\":\"x\"}\n")).guessKind())
                .isEqualTo(BulkKind.FOLLOW_UPS);
        assertThat(BulkSource.file(write("a.jsonl", "{\"incident\":\"INC-1\",\"description\":\"x\",\"title\":null}\n"))
                .guessKind()).isEqualTo(BulkKind.ACTIONS);
        assertThat(BulkSource.ofFollowUps(List.of()).guessKind()).isEqualTo(BulkKind.FOLLOW_UPS);

        assertThatThrownBy(() -> BulkSource.file(write("p.csv", "incident,description,Priority\n")).guessKind())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has a priority column")
                .hasMessageContaining("no title column").hasMessageContaining("--kind actions|follow-ups");
        // Without a title a file is one of actions, as before follow-ups: their check says what it lacks.
        Path neither = write("n.csv", "incident,notes\n");
        assertThat(BulkSource.file(neither).guessKind()).isEqualTo(BulkKind.ACTIONS);
        assertThatThrownBy(() -> readAll(BulkSource.file(neither))).hasMessageContaining("lacks the description column")
                .hasMessageContaining("for follow-ups, incident,title,");
        assertThatThrownBy(() -> BulkSource.file(write("x.jsonl", "not json\n")).guessKind())
                .hasMessageContaining("first row").hasMessageContaining("--kind");
    }

    @Test
    void readsFollowUpRowsWithLabelsSplitAtSemicolonsAndFlagsWhatNoCreateMaySet() throws IOException {
        Path csv = write("followups.csv", "incident,title,description,assignee,priority,category,labels,status,key\n"
                + "INC-1,Add a replica,Lag,lisa@incident.io,p1,c1, database ; post-mortem ,,replica\n"
                + "INC-1,Write the runbook,,,,,,,\n"
                + "INC-1,  ,,,,,,,\n"
                + "INC-1,Labels,,,,,a;,,\n"
                + "INC-1,Done already,,,,,,completed,\n");

        List<SourceRow> rows = readAll(BulkSource.csv(csv), new FollowUpCreator(io.followUps()));

        RowFields first = rows.get(0).fields();
        assertThat(first).isEqualTo(new RowFields("INC-1", "Add a replica", "Lag", "lisa@incident.io", "p1", "c1",
                List.of("database", "post-mortem"), null));
        assertThat(rows.get(0).key()).isEqualTo("key:replica");
        assertThat(rows.get(1).fields().labels()).isNull();
        assertThat(rows.get(1).problem()).isNull();
        assertThat(rows.get(1).key()).startsWith("row:2:");
        assertThat(rows.subList(2, 5)).extracting(r -> r.problem().field()).containsExactly("title", "labels", "status");
        assertThat(rows.subList(2, 5)).allSatisfy(row -> assertThat(row.draft()).isNull());
    }

    @Test
    void aFileOfTheOtherKindIsRefusedWhenOpened() throws IOException {
        Path titled = write("titled.csv", "incident,title\n");
        Path untitled = write("untitled.jsonl", "{\"incident\":\"INC-1\",\"description\":\"x\"}\n");

        assertThatThrownBy(() -> readAll(BulkSource.csv(titled))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("csv header"))
                .hasMessageContaining("has a title column: its rows are follow-ups, but this bulk creates actions");
        assertThatThrownBy(() -> readAll(BulkSource.file(untitled), new FollowUpCreator(io.followUps())))
                .hasMessageContaining("first row has a description column but no title column");
        assertThatThrownBy(() -> readAll(BulkSource.csv(write("t.csv", "incident,description\n")),
                new FollowUpCreator(io.followUps()))).hasMessageContaining("run it as actions (--kind actions");
    }

    private List<SourceRow> readAll(BulkSource source) throws IOException {
        return readAll(source, new ActionCreator(io.actions()));
    }

    private List<SourceRow> readAll(BulkSource source, Creator<?, ?> creator) throws IOException {
        var rows = new ArrayList<SourceRow>();
        try (RowReader reader = source.open(creator)) {
            List<SourceRow> chunk;
            while (!(chunk = reader.read(2)).isEmpty()) {
                rows.addAll(chunk);
            }
        }
        return rows;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}

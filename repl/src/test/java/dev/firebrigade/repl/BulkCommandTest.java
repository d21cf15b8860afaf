package dev.firebrigade.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code firebrigade bulk} against the embedded sandbox (no key in the environment). */
class BulkCommandTest {
    @TempDir
    Path dir;

    @Test
    void createsTheGoodRowsListsTheBadOnesAndExitsOne() throws IOException {
        Path csv = Files.writeString(dir.resolve("actions.csv"), """
                incident,description,assignee
                INC-2,Call the fire brigade,lisa@incident.io
                INC-2,,lisa@incident.io
                INC-1,Check the sprinklers,nobody@incident.io
                INC-404,Roll back,
                INC-1,Write the timeline,
                """);

        Run first = bulk(csv.toString());
        Run again = bulk(csv.toString());

        assertThat(first.code()).as(first.all()).isEqualTo(1);
        assertThat(first.err()).as(first.all())
                .contains("Bulk of " + csv + " against the embedded sandbox")
                .contains("Journal: " + csv + ".journal")
                .contains("Creating: 5/5 rows");
        assertThat(first.out()).as(first.all())
                .contains("completed", "created                 2", "failed                  3")
                .contains("row 2 (line 3)  failed   invalid_input: description is empty")
                .contains("row 3 (line 4)  failed", "nobody@incident.io")
                .contains("row 4 (line 5)  failed", "INC-404");
        assertThat(dir.resolve("actions.csv.journal")).exists();
        // A new embedded sandbox is another, empty server: the journal of the last one is not resumed against it.
        assertThat(again.code()).as(again.all()).isEqualTo(2);
        assertThat(again.err().strip().lines()).as(again.all()).hasSize(1);
        assertThat(again.err()).contains("records rows created against", "starts empty", "--journal NEW");
    }

    @Test
    void aDryRunChecksEveryRowAndWritesNothing() throws IOException {
        Path csv = Files.writeString(dir.resolve("dry.csv"), """
                incident,description,assignee
                INC-2,Call the fire brigade,lisa@incident.io
                INC-1,Write the timeline,
                """);

        Run dry = bulk(csv.toString(), "--dry-run");

        assertThat(dry.code()).as(dry.all()).isZero();
        assertThat(dry.out()).contains("Dry run of " + csv, "valid                   2");
        assertThat(dry.err()).contains("Checking: 2/2 rows");
        assertThat(dir.resolve("dry.csv.journal")).doesNotExist();
    }

    @Test
    void exitsTwoWhenItCannotStart() {
        Run noFile = bulk();
        Run missing = bulk(dir.resolve("missing.csv").toString());
        Run both = bulk("a.csv", "--journal", "j", "--no-journal");

        assertThat(noFile.code()).isEqualTo(2);
        assertThat(noFile.err()).contains("usage: firebrigade bulk FILE");
        assertThat(missing.code()).as(missing.all()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("contradict");
    }

    @Test
    void theScriptRunsTheCommandAndTheExample() throws IOException {
        Path csv = Files.writeString(dir.resolve("script.csv"), """
                incident,description,assignee,key
                INC-2,Call the fire brigade,lisa@incident.io,one
                INC-1,Write the timeline,,two
                """);
        Path example = Run.ROOT.resolve("scripts/examples/actions.csv");
        Path exampleCopy = Files.copy(example, dir.resolve("example.csv"));

        Run command = Run.script(Map.of(), "", "bulk", csv.toString(), "--journal", dir.resolve("j").toString());
        Run script = Run.script(Map.of(), "", "run", Run.ROOT.resolve("scripts/examples/bulk.jsh").toString(),
                exampleCopy.toString());

        assertThat(command.code()).as(command.all()).isZero();
        assertThat(command.out()).contains("created                 2");
        assertThat(script.code()).as(script.all()).isZero();
        assertThat(script.out()).contains("created                 5");
        assertThat(dir.resolve("example.csv.journal")).exists();
    }

    @Test
    void aFileWithATitleColumnCreatesFollowUpsAndTheFlagChoosesForAnother() throws IOException {
        Path csv = Files.writeString(dir.resolve("followups.csv"), """
                incident,title,description,assignee,labels
                INC-2,Add a replica,"Lag alerts, too",lisa@incident.io,database;post-mortem
                INC-1,Write the runbook,,,
                """);
        Path jsonl = Files.writeString(dir.resolve("followups.jsonl"),
                "{\"incident\":\"INC-2\",\"title\":\"From JSON Lines\",\"labels\":[\"database\"]}\n");

        Path example = Files.copy(Run.ROOT.resolve("scripts/examples/followups.csv"), dir.resolve("example.csv"));

        Run guessed = bulk(csv.toString());
        Run flagged = bulk(jsonl.toString(), "--kind", "follow-ups", "--dry-run");
        Run fromExample = bulk(example.toString(), "--no-journal");

        assertThat(guessed.code()).as(guessed.all()).isZero();
        assertThat(guessed.err()).as(guessed.all())
                .contains("Bulk of " + csv + " against the embedded sandbox", "nothing reaches incident.io), follow-ups"
                        + " (/v3/follow_ups)")
                .contains("Rows are follow-ups (the file has a title column; --kind to choose)")
                .contains("Creating: 2/2 rows");
        assertThat(guessed.out()).as(guessed.all()).contains("(follow-ups): completed", "created                 2");
        assertThat(Files.readString(dir.resolve("followups.csv.journal"))).contains("\"kind\":\"follow-ups\"",
                "\"follow_up\":");
        assertThat(flagged.code()).as(flagged.all()).isZero();
        assertThat(flagged.err()).contains("Rows are follow-ups (--kind)");
        assertThat(flagged.out()).contains("valid                   1");
        assertThat(fromExample.code()).as(fromExample.all()).isZero();
        assertThat(fromExample.out()).contains("created                 4");
    }

    @Test
    void aKindTheColumnsContradictOrDoNotTellExitsTwoInOneLineCreatingNothing() throws IOException {
        Path titled = Files.writeString(dir.resolve("titled.csv"), "incident,title\nINC-2,Add a replica\n");
        Path unclear = Files.writeString(dir.resolve("unclear.csv"), "incident,description,priority\nINC-2,x,p\n");

        Path actions = Files.writeString(dir.resolve("actions.csv"), "incident,description\nINC-2,Call\n");
        Path journal = dir.resolve("shared.journal");

        Run contradicted = bulk(titled.toString(), "--kind", "actions");
        Run ambiguous = bulk(unclear.toString());
        Run unknownKind = bulk(titled.toString(), "--kind", "incidents");
        Run ofActions = bulk(actions.toString(), "--journal", journal.toString());
        Run otherKind = bulk(titled.toString(), "--journal", journal.toString());

        assertThat(contradicted.code()).as(contradicted.all()).isEqualTo(2);
        assertThat(contradicted.err().strip().lines()).as(contradicted.all()).hasSize(1);
        assertThat(contradicted.err()).contains("has a title column: its rows are follow-ups, but this bulk creates"
                + " actions", "--kind follow-ups");
        assertThat(contradicted.out()).isEmpty();
        assertThat(dir.resolve("titled.csv.journal")).doesNotExist();
        assertThat(ambiguous.code()).as(ambiguous.all()).isEqualTo(2);
        assertThat(ambiguous.err().strip().lines()).hasSize(1);
        assertThat(ambiguous.err()).contains("has a priority column, which only follow-ups have, but no title column",
                "--kind actions|follow-ups");
        assertThat(dir.resolve("unclear.csv.journal")).doesNotExist();
        assertThat(unknownKind.code()).isEqualTo(2);
        assertThat(unknownKind.err()).contains("--kind is 'incidents': pass --kind actions or --kind follow-ups");
        // A journal of actions given to a bulk of follow-ups: refused before its binding is even compared.
        assertThat(ofActions.code()).as(ofActions.all()).isZero();
        assertThat(otherKind.code()).as(otherKind.all()).isEqualTo(2);
        assertThat(otherKind.err().strip().lines()).hasSize(1);
        assertThat(otherKind.err()).contains("records a bulk of actions, but this run creates follow-ups", "--journal NEW");
    }

    private Run bulk(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = BulkCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Run.env(Map.of()), false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

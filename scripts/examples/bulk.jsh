// Creates one action or follow-up per row of a CSV or JSON Lines file: resumable, with a progress display and a summary
// table.
//
//   scripts/firebrigade run scripts/examples/bulk.jsh FILE [JOURNAL]
//
// FILE is a CSV with the header incident,description,assignee for actions, or incident,title,description,assignee,
// priority,category,labels for follow-ups (a title column means follow-ups; an optional key column keys the rows for
// re-runs), or JSON Lines (.jsonl). Incidents may be IDs or references (INC-123), assignees user IDs or emails. Each row's
// outcome goes to JOURNAL (default FILE.journal) as it happens: run the same command again after a failure, a crash
// or Ctrl-C and it finishes the rest, creating nothing twice. Try it on the sandbox (no INCIDENT_IO_API_KEY set):
//   scripts/firebrigade run scripts/examples/bulk.jsh scripts/examples/actions.csv
//   scripts/firebrigade run scripts/examples/bulk.jsh scripts/examples/followups.csv
// The same as a command, without JShell: scripts/firebrigade bulk FILE [--journal JOURNAL] [--dry-run]
// Exit code: 0 when every row was created, 1 when any failed or is unknown (see the table), 2 when it could not start.

import dev.firebrigade.bulk.*;
import dev.firebrigade.repl.BulkDisplay;

int bulk(List<String> args) {
    if (args.isEmpty() || args.size() > 2) {
        System.err.println("usage: scripts/firebrigade run scripts/examples/bulk.jsh FILE [JOURNAL]");
        return 2;
    }
    var file = Path.of(args.get(0));
    var journal = Path.of(args.size() > 1 ? args.get(1) : args.get(0) + ".journal");
    var source = BulkSource.file(file);
    BulkReport report;
    try (var display = BulkDisplay.forConsole("Creating")) {
        var bulk = source.guessKind() == BulkKind.FOLLOW_UPS ? followUps().bulk(source) : actions().bulk(source);
        report = bulk.journal(journal).onProgress(display).run().await();
    } catch (IncidentIoException e) {
        System.err.println("The bulk could not start: " + e.getMessage());
        return 2;
    }
    println(report.summary());
    return report.ok() ? 0 : 1;
}

// A method and /exit with its result: the script ends with exactly that exit code.
/exit bulk(args())

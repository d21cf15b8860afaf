package dev.firebrigade.repl;

import dev.firebrigade.ActionsApi;
import dev.firebrigade.bulk.Bulk;
import dev.firebrigade.bulk.BulkJob;
import dev.firebrigade.bulk.BulkKind;
import dev.firebrigade.bulk.BulkReport;
import dev.firebrigade.bulk.BulkSource;
import dev.firebrigade.bulk.JournalKindMismatchException;
import dev.firebrigade.bulk.JournalMismatchException;
import dev.firebrigade.error.IncidentIoException;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code firebrigade bulk FILE [--kind actions|follow-ups] [--journal F | --no-journal] [--rebind-journal] [--dry-run]
 * [--concurrency N]}: creates one action or follow-up per row of a CSV or JSON Lines file (a {@code title} column
 * means follow-ups, unless {@code --kind} says otherwise), with a progress display, a summary table at the end, and
 * an exit code: 0 every row created (or valid), 1 some row failed or is unknown or the run stopped early, 2 it could
 * not start (one line on standard error says why), 130 Ctrl-C (143 SIGTERM). The journal defaults to
 * {@code FILE.journal}, so running the same command again after Ctrl-C or a crash finishes the rest without creating
 * anything twice.
 */
public final class BulkCommand {
    static final String USAGE = """
            usage: firebrigade bulk FILE [--kind actions|follow-ups] [--journal JOURNAL | --no-journal]
                                   [--rebind-journal] [--dry-run] [--concurrency N]
              FILE              CSV or JSON Lines (.jsonl) with a header (first row's fields) naming its columns:
                                  actions:    incident,description,assignee              (key optional)
                                  follow-ups: incident,title,description,assignee,priority,category,labels
                                              (only incident and title required; labels separated by ;)
              --kind K          actions or follow-ups; without it, a title column means follow-ups
              --journal F       where each row's outcome is recorded (default FILE.journal); the same journal resumes.
                                One run at a time; a journal is bound to the server and API key it was written with
              --no-journal      no journal: a re-run creates every row again
              --rebind-journal  use a journal written with another base URL or key: only when it is the same place
                                under another name (a proxy, a renamed key); its created rows are skipped
              --dry-run         check every row (complete, references and emails resolve) and create nothing
              --concurrency N   rows in flight at once, 1 to 1024 (default %d)
            exit code: 0 all rows done, 1 some row failed or is unknown or the run stopped early (see the table),
                       2 could not start, 130 interrupted (Ctrl-C; 143 for SIGTERM): run the same command to resume
            """.formatted(Bulk.DEFAULT_CONCURRENCY);

    /** How long rows in flight may take to finish after Ctrl-C or SIGTERM before they are journaled unknown. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** How long the process waits, after a signal, for the run to end and its summary to print: under 10 s. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(8);

    /** What the command line asked for. */
    record Options(Path file, BulkKind kind, Path journal, boolean dryRun, int concurrency, boolean rebindJournal) {
        static Options parse(List<String> args) {
            Path file = null;
            BulkKind kind = null;
            Path journal = null;
            boolean noJournal = false;
            boolean rebind = false;
            boolean dryRun = false;
            int concurrency = Bulk.DEFAULT_CONCURRENCY;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--journal" -> journal = Path.of(value(args, ++i, arg));
                    case "--kind" -> {
                        String given = value(args, ++i, arg);
                        try {
                            kind = BulkKind.parse(given);
                        } catch (IncidentIoException e) {
                            throw new IllegalArgumentException("--kind is '" + given + "': pass --kind actions or"
                                    + " --kind follow-ups");
                        }
                    }
                    case "--no-journal" -> noJournal = true;
                    case "--rebind-journal" -> rebind = true;
                    case "--dry-run" -> dryRun = true;
                    case "--concurrency" -> {
                        try {
                            concurrency = Integer.parseInt(value(args, ++i, arg));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--concurrency takes a number");
                        }
                        if (concurrency < 1 || concurrency > 1024) {
                            throw new IllegalArgumentException("--concurrency is " + concurrency
                                    + ", outside 1..1024: pass e.g. --concurrency 32");
                        }
                    }
                    default -> {
                        if (arg.startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument: " + arg);
                        }
                        file = Path.of(arg);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("which file? give a CSV or JSON Lines file");
            }
            if (noJournal && (journal != null || rebind)) {
                throw new IllegalArgumentException((rebind ? "--rebind-journal" : "--journal")
                        + " and --no-journal contradict each other");
            }
            if (!noJournal && journal == null) {
                journal = Path.of(file + ".journal");
            }
            return new Options(file, kind, journal, dryRun, concurrency, rebind);
        }

        private static String value(List<String> args, int i, String flag) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args.get(i);
        }
    }

    private BulkCommand() {
    }

    public static void main(String[] args) {
        LibraryLogs.configure(System.getenv(), System.err);
        int code = run(List.of(args), System.out, System.err, System.getenv(), true);
        System.exit(code);
    }

    /**
     * Runs the command; returns the exit code. With {@code interruptible}, Ctrl-C stops the bulk cleanly (rows in
     * flight finish and are journaled) and the summary is still printed.
     */
    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env,
                   boolean interruptible) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            (args.isEmpty() ? err : out).print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("firebrigade bulk: " + e.getMessage() + " (firebrigade bulk --help for usage)");
            return 2;
        }
        ActionsApi actionsApi = Session.checkedActionsApi(env, err, "firebrigade bulk");
        if (actionsApi == null) {
            return 2;
        }
        BulkKind kind;
        try {
            // Before connecting: a file whose columns tell no kind, or the wrong one, fails at once.
            kind = options.kind() != null ? options.kind() : BulkSource.file(options.file()).guessKind();
        } catch (IncidentIoException e) {
            err.println("firebrigade bulk: " + e.getMessage());
            return 2;
        }
        Session session = Session.open(env);
        try {
            if (session.kind() == Session.Kind.NOT_CONNECTED) {
                err.println("firebrigade bulk: not connected to " + session.baseUrl() + ": " + session.problem());
                return 2;
            }
            if (kind == BulkKind.ACTIONS && actionsApi.deprecated()) {
                err.println(actionsApi.deprecationNotice());
            }
            return bulk(session, options, kind, out, err, interruptible);
        } finally {
            session.close(3_000);
        }
    }

    private static int bulk(Session session, Options options, BulkKind kind, PrintStream out, PrintStream err,
                            boolean interruptible) {
        String task = options.dryRun() ? "Checking" : "Creating";
        try (BulkDisplay display = BulkDisplay.forConsole(task, err)) {
            Bulk bulk = (kind == BulkKind.FOLLOW_UPS ? session.io().followUps().bulk(options.file())
                    : session.io().actions().bulk(options.file()))
                    .concurrency(options.concurrency()).onProgress(display);
            if (options.journal() != null) {
                bulk = bulk.journal(options.journal()).rebindJournal(options.rebindJournal());
            }
            boolean resuming = options.journal() != null && Files.exists(options.journal());
            BulkJob job = options.dryRun() ? bulk.startDryRun() : bulk.start();
            var summaryPrinted = new CountDownLatch(1);
            Thread stopper = new Thread(() -> stopOnSignal(job, summaryPrinted, err), "firebrigade-bulk-stop");
            if (interruptible) {
                Runtime.getRuntime().addShutdownHook(stopper);
            }
            try {
                BulkReport report;
                try {
                    // The header only once the run has begun: a run that cannot start says so in one line.
                    job.started().await();
                    err.println(header(session, options, kind, resuming));
                    report = job.report().await();
                } catch (IncidentIoException e) {
                    err.println("firebrigade bulk: " + cannotStart(e, session));
                    return 2;
                } finally {
                    display.close();
                }
                out.println();
                out.print(report.summary(50));
                if (report.ending() == BulkReport.Ending.STOPPED && options.journal() != null) {
                    out.println("Run the same command again to finish the rest.");
                } else if (report.unknown() > 0 && options.journal() != null) {
                    out.println("Run the same command again to check the unknown rows (nothing is created twice).");
                }
                out.flush();
                return report.ok() ? 0 : 1;
            } finally {
                summaryPrinted.countDown();
                if (interruptible) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(stopper);
                    } catch (IllegalStateException shuttingDown) {
                        // A signal came: the hook waits for this summary, then the JVM ends (130 for Ctrl-C).
                    }
                }
            }
        } catch (IncidentIoException e) {
            // Bad settings caught before the run started.
            err.println("firebrigade bulk: " + e.getMessage());
            return 2;
        }
    }

    /**
     * The shutdown hook: stops the run, gives rows in flight {@link #STOP_GRACE} to finish (then they are journaled
     * unknown), and lets the JVM end once the summary is printed or {@link #STOP_DEADLINE} has passed, whichever is
     * first, so that even a wedged run cannot hold the process.
     */
    private static void stopOnSignal(BulkJob job, CountDownLatch summaryPrinted, PrintStream err) {
        long deadline = System.nanoTime() + STOP_DEADLINE.toNanos();
        try {
            err.println();
            err.println("Stopping: rows in flight get " + STOP_GRACE.toSeconds() + " s to finish, then are journaled"
                    + " unknown; run the same command to resume.");
            job.stop(STOP_GRACE);
            summaryPrinted.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Vert.x already closed: nothing is left to stop.
        }
    }

    /** One line for a run that could not start, with the command-line way out of a journal problem. */
    private static String cannotStart(IncidentIoException e, Session session) {
        if (e instanceof JournalMismatchException mismatch && session.kind() == Session.Kind.SANDBOX) {
            return mismatch.getMessage() + ". The embedded sandbox starts empty every time, so its journals cannot"
                    + " be resumed: give this run a new journal (--journal NEW) or --no-journal.";
        }
        if (e instanceof JournalKindMismatchException mismatch) {
            return mismatch.getMessage() + " (--journal NEW), or check that the file is the one this journal was"
                    + " written for.";
        }
        if (e instanceof JournalMismatchException mismatch) {
            return mismatch.getMessage() + ". Give this run a new journal (--journal NEW), or pass --rebind-journal"
                    + " if it is the same place under another name (a proxy, a renamed key).";
        }
        return e.getMessage();
    }

    private static String header(Session session, Options options, BulkKind kind, boolean resuming) {
        var lines = new ArrayList<String>();
        String target = switch (session.kind()) {
            case SANDBOX -> "the embedded sandbox (no " + dev.firebrigade.IncidentIo.API_KEY_ENV
                    + " set: demo data, nothing reaches incident.io)";
            default -> session.baseUrl() + (session.keyName() == null ? "" : " as '" + session.keyName() + "'");
        };
        lines.add((options.dryRun() ? "Dry run of " : "Bulk of ") + options.file() + " against " + target + ", "
                + (kind == BulkKind.ACTIONS ? "actions API " + session.actionsApi() + " (" + session.actionsApi().path()
                + ")" : "follow-ups (/v3/follow_ups)"));
        lines.add("Rows are " + kind + (options.kind() != null ? " (--kind)"
                : " (the file has " + (kind == BulkKind.FOLLOW_UPS ? "a" : "no") + " title column; --kind to choose)"));
        if (options.journal() != null) {
            lines.add("Journal: " + options.journal() + (options.dryRun() ? " (read only)"
                    : resuming ? " (resuming: rows it records as created are skipped)" : ""));
        } else {
            lines.add("No journal: running this again creates every row again.");
        }
        return String.join(System.lineSeparator(), lines);
    }
}

package dev.firebrigade.repl;

import dev.firebrigade.bulk.Bulk;
import dev.firebrigade.bulk.BulkJob;
import dev.firebrigade.bulk.BulkReport;
import dev.firebrigade.error.IncidentIoException;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code firebrigade bulk FILE [--journal F | --no-journal] [--dry-run] [--concurrency N]}: creates one action per
 * row of a CSV (header {@code incident,description,assignee}, optional {@code key}) or JSON Lines file, with a
 * progress display, a summary table at the end, and an exit code: 0 every row created (or valid), 1 some row failed
 * or is unknown or the run was stopped, 2 it could not start. The journal defaults to {@code FILE.journal}, so
 * running the same command again after Ctrl-C or a crash finishes the rest without creating anything twice.
 */
public final class BulkCommand {
    static final String USAGE = """
            usage: firebrigade bulk FILE [--journal JOURNAL | --no-journal] [--dry-run] [--concurrency N]
              FILE           CSV with the header incident,description,assignee (key optional), or JSON Lines (.jsonl)
              --journal F    where each row's outcome is recorded (default FILE.journal); the same journal resumes
              --no-journal   no journal: a re-run creates every row again
              --dry-run      check every row (complete, references and emails resolve) and create nothing
              --concurrency  rows in flight at once (default %d)
            exit code: 0 all rows done, 1 some row failed or is unknown (see the table), 2 could not start
            """.formatted(Bulk.DEFAULT_CONCURRENCY);

    /** What the command line asked for. */
    record Options(Path file, Path journal, boolean dryRun, int concurrency) {
        static Options parse(List<String> args) {
            Path file = null;
            Path journal = null;
            boolean noJournal = false;
            boolean dryRun = false;
            int concurrency = Bulk.DEFAULT_CONCURRENCY;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--journal" -> journal = Path.of(value(args, ++i, arg));
                    case "--no-journal" -> noJournal = true;
                    case "--dry-run" -> dryRun = true;
                    case "--concurrency" -> {
                        try {
                            concurrency = Integer.parseInt(value(args, ++i, arg));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--concurrency takes a number");
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
            if (noJournal && journal != null) {
                throw new IllegalArgumentException("--journal and --no-journal contradict each other");
            }
            if (!noJournal && journal == null) {
                journal = Path.of(file + ".journal");
            }
            return new Options(file, journal, dryRun, concurrency);
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
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("firebrigade bulk: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        Session session = Session.open(env);
        try {
            if (session.kind() == Session.Kind.NOT_CONNECTED) {
                err.println("firebrigade bulk: not connected to " + session.baseUrl() + ": " + session.problem());
                return 2;
            }
            err.println(header(session, options));
            return bulk(session, options, out, err, interruptible);
        } finally {
            session.close(3_000);
        }
    }

    private static int bulk(Session session, Options options, PrintStream out, PrintStream err, boolean interruptible) {
        String task = options.dryRun() ? "Checking" : "Creating";
        try (BulkDisplay display = BulkDisplay.forConsole(task, err)) {
            Bulk bulk = session.io().actions().bulk(options.file()).concurrency(options.concurrency())
                    .onProgress(display);
            if (options.journal() != null) {
                bulk = bulk.journal(options.journal());
            }
            BulkJob job = options.dryRun() ? bulk.startDryRun() : bulk.start();
            Thread stopper = new Thread(() -> {
                err.println();
                err.println("Stopping: rows in flight finish and are journaled; run the same command to resume.");
                job.stop();
                // The main thread prints the summary; wait for it, so the JVM does not end first.
                try {
                    job.report().toCompletionStage().toCompletableFuture().get();
                    Thread.sleep(500);
                } catch (Exception e) {
                    // Ending anyway.
                }
            }, "firebrigade-bulk-stop");
            if (interruptible) {
                Runtime.getRuntime().addShutdownHook(stopper);
            }
            BulkReport report;
            try {
                report = job.report().await();
            } catch (IncidentIoException e) {
                err.println("firebrigade bulk: " + e.getMessage());
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
            if (interruptible) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C came: the hook waits for this summary, then the JVM ends (exit code 130).
                }
            }
            return report.ok() ? 0 : 1;
        }
    }

    private static String header(Session session, Options options) {
        var lines = new ArrayList<String>();
        String target = switch (session.kind()) {
            case SANDBOX -> "the embedded sandbox (no " + dev.firebrigade.IncidentIo.API_KEY_ENV
                    + " set: demo data, nothing reaches incident.io)";
            default -> session.baseUrl() + (session.keyName() == null ? "" : " as '" + session.keyName() + "'");
        };
        lines.add((options.dryRun() ? "Dry run of " : "Bulk of ") + options.file() + " against " + target);
        if (options.journal() != null) {
            boolean resuming = Files.exists(options.journal());
            lines.add("Journal: " + options.journal() + (options.dryRun() ? " (read only)"
                    : resuming ? " (resuming: rows it records as created are skipped)" : ""));
        } else {
            lines.add("No journal: running this again creates every row again.");
        }
        return String.join(System.lineSeparator(), lines);
    }
}

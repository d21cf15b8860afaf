package dev.firebrigade.bulk;

import dev.firebrigade.error.IncidentIoException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a bulk did: totals, and the rows worth looking at. Memory stays bounded however large the source: the report
 * keeps every row's outcome only up to {@link Bulk#keepOutcomes} rows ({@link #outcomesComplete()} says whether it
 * did) and at most that many problem rows; the journal is the complete, durable record of every row.
 *
 * @param ending           how the run ended
 * @param source           what was read: the file, or "list of n drafts"
 * @param kind             what the rows created: actions or follow-ups
 * @param total            rows in the source, -1 when unknown (a stream, or a run stopped before it was counted)
 * @param created          rows created in this run, {@code reconciled} of them found already there after an
 *                         unanswered attempt
 * @param skipped          rows an earlier run with the same journal had created
 * @param outcomes         outcomes in row order: every row's when {@code outcomesComplete}, otherwise the first rows'
 * @param problems         failed and unknown rows in row order, at most {@link Bulk#keepOutcomes}
 * @param problemsOmitted  failed and unknown rows left out of {@code problems} (they are in the journal)
 * @param journal          the journal written, null without one
 * @param abortCause       why the run was aborted, null unless {@code ending} is {@link Ending#ABORTED}
 */
public record BulkReport(Ending ending, String source, BulkKind kind, boolean dryRun, long total, long created, long failed,
                         long unknown, long skipped, long valid, long reconciled, Duration elapsed,
                         List<RowOutcome> outcomes, boolean outcomesComplete, List<RowOutcome> problems,
                         long problemsOmitted, Path journal, IncidentIoException abortCause) {

    /** How a run ended. */
    public enum Ending {
        /** Every row was read and has an outcome. */
        COMPLETED,
        /** Stopped on request: rows in flight finished, unread rows were left for a re-run. */
        STOPPED,
        /** Stopped by a failure that concerns every row: the source or the journal could not be read or written,
         *  or the API key was refused. */
        ABORTED
    }

    public BulkReport {
        outcomes = List.copyOf(outcomes);
        problems = List.copyOf(problems);
    }

    /** Rows with an outcome. */
    public long rows() {
        return created + failed + unknown + skipped + valid;
    }

    /** Rows not reached (a stopped or aborted run), or -1 when the total is unknown. */
    public long remaining() {
        return total < 0 ? -1 : Math.max(0, total - rows());
    }

    /** True when the run completed and no row failed or stayed unknown: what an exit code of 0 means. */
    public boolean ok() {
        return ending == Ending.COMPLETED && failed == 0 && unknown == 0;
    }

    /** The journal written, if any. */
    public Optional<Path> journalPath() {
        return Optional.ofNullable(journal);
    }

    /** A plain-text summary table (no terminal codes), with the first 20 problem rows. */
    public String summary() {
        return summary(20);
    }

    /** A plain-text summary table, with up to {@code maxProblems} problem rows. */
    public String summary(int maxProblems) {
        var out = new StringBuilder();
        out.append(dryRun ? "Dry run of " : "Bulk of ").append(source).append(" (").append(kind).append("): ")
                .append(ending.name().toLowerCase(java.util.Locale.ROOT)).append(" in ").append(human(elapsed));
        double seconds = elapsed.toNanos() / 1e9;
        if (seconds > 0 && rows() > 0) {
            out.append(String.format(" (%.1f rows/s)", rows() / seconds));
        }
        out.append('\n');
        if (dryRun) {
            line(out, "valid", valid);
        } else {
            line(out, "created", created);
            if (reconciled > 0) {
                out.append(String.format("    of which %,d found already created after an unanswered attempt%n",
                        reconciled));
            }
        }
        line(out, "skipped", skipped);
        line(out, "failed", failed);
        line(out, "unknown", unknown);
        if (remaining() > 0) {
            line(out, "not reached", remaining());
        }
        line(out, "total", total >= 0 ? total : rows());
        if (abortCause != null) {
            out.append("Aborted: ").append(abortCause.getMessage()).append('\n');
        }
        if (journal != null) {
            out.append("Journal: ").append(journal).append(dryRun ? " (read only)" : "").append('\n');
        }
        if (!problems.isEmpty()) {
            out.append("Problems:\n");
            List<RowOutcome> shown = problems.subList(0, Math.min(problems.size(), Math.max(0, maxProblems)));
            int whereWidth = shown.stream().mapToInt(p -> p.where().length()).max().orElse(5);
            for (RowOutcome problem : shown) {
                out.append("  ").append(pad(problem.where(), whereWidth)).append("  ")
                        .append(pad(problem.status().label(), 7)).append("  ")
                        .append(problem.error() == null ? "" : problem.error().getMessage()).append('\n');
            }
            long more = problemsOmitted + problems.size() - shown.size();
            if (more > 0) {
                out.append(String.format("  … and %,d more%s%n", more, journal != null ? " in the journal"
                        : problemsOmitted == 0 ? " in problems()" : ""));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "BulkReport[" + ending.name().toLowerCase(java.util.Locale.ROOT) + ", " + kind + " from " + source + ": "
                + (dryRun ? valid + " valid" : created + " created") + ", " + skipped + " skipped, " + failed
                + " failed, " + unknown + " unknown, " + human(elapsed) + "]";
    }

    private static void line(StringBuilder out, String label, long value) {
        out.append(String.format("  %-12s %,12d%n", label, value));
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** {@code 850 ms}, {@code 41.2 s}, {@code 7m23s}, {@code 2h05m}. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format("%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}

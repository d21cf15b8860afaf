package dev.firebrigade.bulk;

import dev.firebrigade.error.IncidentIoException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the rows of one run came to: the counts progress shows, and the outcomes the report keeps (every row's up to
 * {@code keepOutcomes}, then the problem rows'). Touched on the run's context only.
 */
final class BulkTally {
    private final int keepOutcomes;
    private long created;
    private long failed;
    private long unknown;
    private long skipped;
    private long valid;
    private long reconciled;
    private final Map<Long, RowOutcome> kept = new LinkedHashMap<>();
    private boolean keptComplete = true;
    private final TreeMap<Long, RowOutcome> problems = new TreeMap<>();
    private long problemsOmitted;
    /** Rows settling found absent and sent again: counted unknown until their new outcome arrives. */
    private final Set<Long> resending = new HashSet<>();

    BulkTally(int keepOutcomes) {
        this.keepOutcomes = keepOutcomes;
    }

    /** Records a row's outcome; one that replaces a row's tentative unknown (sent again) takes the unknown back. */
    void outcome(long row, long line, String key, RowStatus status, String id, Throwable error) {
        if (!resending.isEmpty() && resending.remove(row)) {
            unknown--;
            forget(row);
        }
        switch (status) {
            case CREATED -> created++;
            case FAILED -> failed++;
            case UNKNOWN -> unknown++;
            case SKIPPED -> skipped++;
            case VALID -> valid++;
        }
        var outcome = new RowOutcome(row, line, key, status, id,
                error == null ? null : Unexpected.asIncidentIo(error));
        if (kept.size() < keepOutcomes || kept.containsKey(row)) {
            kept.put(row, outcome);
        } else {
            keptComplete = false;
        }
        if (status == RowStatus.FAILED || status == RowStatus.UNKNOWN) {
            if (problems.size() < keepOutcomes) {
                problems.put(row, outcome);
            } else {
                problemsOmitted++;
            }
        }
    }

    /** A row left unknown was found by settling: created after all. */
    void found(long row, long line, String key, String id) {
        unknown--;
        reconciled++;
        forget(row);
        outcome(row, line, key, RowStatus.CREATED, id, null);
    }

    /** A row left unknown was found absent and is sent again: still unknown (progress never runs backwards). */
    void resending(long row) {
        resending.add(row);
    }

    BulkProgress progress(ProgressMeter meter, long now, long total) {
        return meter.snapshot(now, total, created, failed, unknown, skipped, valid);
    }

    BulkReport report(BulkReport.Ending ending, String source, BulkKind kind, boolean dryRun, long total, Duration elapsed,
                      Path journal, IncidentIoException cause) {
        var outcomes = new ArrayList<>(kept.values());
        outcomes.sort(Comparator.comparingLong(RowOutcome::row));
        return new BulkReport(ending, source, kind, dryRun, total, created, failed, unknown, skipped, valid, reconciled,
                elapsed, outcomes, keptComplete, new ArrayList<>(problems.values()), problemsOmitted, journal, cause);
    }

    /** Takes a tentative outcome back out of the report before its final one is recorded. */
    private void forget(long row) {
        kept.remove(row);
        if (problems.remove(row) == null && problemsOmitted > 0) {
            problemsOmitted--;
        }
    }
}

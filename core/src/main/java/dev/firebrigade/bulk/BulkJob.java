package dev.firebrigade.bulk;

import io.vertx.core.Future;

/** A bulk under way: its report when done, its progress meanwhile, and a clean stop. */
public final class BulkJob {
    private final BulkRun run;

    BulkJob(BulkRun run) {
        this.run = run;
    }

    /** Completes with the report when the run ends (done, stopped or aborted); fails only if it could not start. */
    public Future<BulkReport> report() {
        return run.report();
    }

    /**
     * Completes once the run has begun: the source is open and the journal locked, checked and marked with this run.
     * Fails as {@link #report()} does when the run cannot start (a missing file, a journal in use or bound elsewhere).
     */
    public Future<Void> started() {
        return run.started();
    }

    /**
     * Stops sending new rows; rows in flight finish and are journaled, then the report completes with
     * {@link BulkReport.Ending#STOPPED}. Re-running with the same journal finishes the rest. Idempotent.
     */
    public Future<BulkReport> stop() {
        return run.stop();
    }

    /**
     * {@link #stop()}, bounded: rows still in flight after {@code grace} are journaled unknown (a re-run with the
     * same journal checks them before sending anything), their answers are ignored, and the report completes. For
     * shutting down on a signal or a deadline, when a slow or silent server must not hold the process.
     */
    public Future<BulkReport> stop(java.time.Duration grace) {
        if (grace == null || grace.isNegative()) {
            throw new dev.firebrigade.error.InvalidInputException("grace", "is negative", "pass e.g. Duration.ofSeconds(5)");
        }
        return run.stop(grace);
    }

    /** The latest progress, as last reported (all zeros before the first report). */
    public BulkProgress progress() {
        return run.progress();
    }
}

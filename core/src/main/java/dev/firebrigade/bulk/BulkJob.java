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
     * Stops sending new rows; rows in flight finish and are journaled, then the report completes with
     * {@link BulkReport.Ending#STOPPED}. Re-running with the same journal finishes the rest. Idempotent.
     */
    public Future<BulkReport> stop() {
        return run.stop();
    }

    /** The latest progress, as last reported (all zeros before the first report). */
    public BulkProgress progress() {
        return run.progress();
    }
}

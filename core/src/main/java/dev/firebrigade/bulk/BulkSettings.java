package dev.firebrigade.bulk;

import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** Everything a {@link Bulk} was configured with; a run reads it, each step of {@code Bulk} copies it changed. */
record BulkSettings(Vertx vertx, Creator<?, ?> creator, BulkSource source, Path journal, int concurrency,
                    Consumer<BulkProgress> onProgress, Duration progressEvery, int keepOutcomes, boolean syncJournal,
                    int reconcileRounds, Duration reconcileDelay, int attempts, boolean rebindJournal) {

    /** The settings of a new bulk: see {@link Bulk}'s steps for each default. */
    static BulkSettings defaults(Vertx vertx, Creator<?, ?> creator, BulkSource source) {
        return new BulkSettings(vertx, creator, source, null, Bulk.DEFAULT_CONCURRENCY, null, Duration.ofSeconds(1),
                Bulk.DEFAULT_KEEP_OUTCOMES, false, 3, Duration.ofSeconds(2), 8, false);
    }

    /** These settings with {@code change} applied to a copy. */
    BulkSettings with(Consumer<Change> change) {
        var copy = new Change(this);
        change.accept(copy);
        return new BulkSettings(vertx, creator, source, copy.journal, copy.concurrency, copy.onProgress,
                copy.progressEvery, copy.keepOutcomes, copy.syncJournal, copy.reconcileRounds, copy.reconcileDelay,
                copy.attempts, copy.rebindJournal);
    }

    /** The settings a step may change (what the bulk runs on, creates and reads are fixed at its start). */
    static final class Change {
        Path journal;
        int concurrency;
        Consumer<BulkProgress> onProgress;
        Duration progressEvery;
        int keepOutcomes;
        boolean syncJournal;
        int reconcileRounds;
        Duration reconcileDelay;
        int attempts;
        boolean rebindJournal;

        private Change(BulkSettings from) {
            journal = from.journal;
            concurrency = from.concurrency;
            onProgress = from.onProgress;
            progressEvery = from.progressEvery;
            keepOutcomes = from.keepOutcomes;
            syncJournal = from.syncJournal;
            reconcileRounds = from.reconcileRounds;
            reconcileDelay = from.reconcileDelay;
            attempts = from.attempts;
            rebindJournal = from.rebindJournal;
        }
    }
}

package dev.firebrigade.bulk;

import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.error.RateLimitException;
import dev.firebrigade.internal.create.Fingerprint;
import dev.firebrigade.internal.create.LongSet;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * One run of a {@link Bulk}: its orchestration, whatever it creates (its {@link Creator} knows that). Every field is
 * touched on one Vert.x context only, so there are no locks: blocking work (reading the source, scanning and writing
 * the journal) goes to worker threads and comes back to the context.
 *
 * <pre>
 * begin:  learn the binding (GET /v1/identity); open the source, then lock, scan, check (kind, binding) and mark
 *         the journal (worker)
 *         settle rows an earlier run left in doubt ({@link Settler})
 * pump:   rows move from the source to the window and are sent ({@link Pump}); each answer becomes the row's
 *         outcome: journal and {@link BulkTally}
 * settle: rows left unknown are settled; absent ones are journaled and sent again (a few rounds, {@link Settler})
 * finish: rows journaled but never sent are marked absent; end line, flush and unlock the journal, report
 * </pre>
 * Every callback runs {@link #guarded}: an unexpected exception ends the run with an {@code internal_error} abort
 * instead of leaving it hanging.
 */
final class BulkRun implements Pump.Run {
    private final BulkSettings bulk;
    private final boolean dryRun;
    private final Vertx vertx;
    private final Context context;
    private final Promise<BulkReport> result = Promise.promise();
    private final Promise<Void> started = Promise.promise();
    private final long startNanos = System.nanoTime();
    private final ProgressMeter meter = new ProgressMeter(startNanos);
    private final BulkTally tally;
    private volatile BulkProgress progress = new BulkProgress(0, -1, 0, 0, 0, 0, 0, 0, Duration.ZERO, null);

    private RowReader reader;
    private Journal journal;
    private Pump pump;
    private Settler settler;
    private Claims claims;
    private JournalScanner.State earlier = JournalScanner.State.empty();
    /** Rows an earlier run left in doubt that could not be checked: reported unknown, never sent again blindly. */
    private final Map<String, IncidentIoException> unsettled = new HashMap<>();
    private LongSet seenKeys;
    private boolean finishing;
    private boolean stopRequested;
    private IncidentIoException abortCause;
    private long progressTimer = -1;
    /** The count of the file's rows for the progress total, which the report waits for (it takes a second per GB). */
    private Future<Void> counting = Future.succeededFuture();
    private long total = -1;

    BulkRun(Bulk bulk, boolean dryRun) {
        this.bulk = bulk.settings;
        this.tally = new BulkTally(bulk.settings.keepOutcomes());
        this.dryRun = dryRun;
        this.vertx = bulk.settings.vertx();
        // On a Vert.x thread, the caller's context; elsewhere (JShell, main) an event-loop context of our own.
        this.context = vertx.getOrCreateContext();
    }

    BulkJob start() {
        context.runOnContext(v -> begin());
        return new BulkJob(this);
    }

    Future<BulkReport> report() {
        return result.future();
    }

    Future<Void> started() {
        return started.future();
    }

    BulkProgress progress() {
        return progress;
    }

    Future<BulkReport> stop() {
        context.runOnContext(v -> guarded(() -> {
            stopRequested = true;
            if (pump != null) {
                pump.pump();
            }
        }));
        return result.future();
    }

    /** {@link #stop()}, and after {@code grace} the rows still in flight are journaled unknown and the run ends. */
    Future<BulkReport> stop(Duration grace) {
        stop();
        context.runOnContext(v -> vertx.setTimer(Math.max(1, grace.toMillis()), t -> guarded(() -> {
            if (pump != null && !finishing) {
                endNow("the run was stopped before incident.io answered");
            }
        })));
        return result.future();
    }

    // ---- begin -------------------------------------------------------------------------------------------------

    private record Opened(Journal journal, JournalScanner.State state, RowReader reader, long total) {
    }

    private void begin() {
        Future<JournalBinding> binding = bulk.journal() == null ? Future.succeededFuture()
                : bulk.creator().binding();
        binding.compose(b -> context.<Opened>executeBlocking(() -> open(b), false)).onComplete(opened -> guarded(() -> {
            if (opened.failed()) {
                IncidentIoException cause = Unexpected.asIncidentIo(opened.cause());
                started.tryFail(cause);
                result.tryFail(cause);
                return;
            }
            journal = opened.result().journal();
            earlier = opened.result().state();
            reader = opened.result().reader();
            total = opened.result().total();
            claims = journal == null ? Claims.inMemory() : Claims.fromJournal(ids -> journal.flushed()
                    .compose(flushed -> context.executeBlocking(() -> journal.createdAmong(ids), false)));
            settler = new Settler(vertx, bulk.creator(), claims, bulk.concurrency(), bulk.reconcileRounds(),
                    bulk.reconcileDelay());
            pump = new Pump(vertx, context, this, bulk.concurrency(), reader, journal);
            started.tryComplete();
            if (!bulk.source().countedUpFront()) {
                counting = context.<Long>executeBlocking(bulk.source()::count, false).andThen(n -> {
                    if (n.succeeded()) {
                        total = n.result();
                    }
                }).mapEmpty();
            }
            startProgress();
            if (!dryRun && !earlier.inDoubt().isEmpty()) {
                resumeInDoubt();
            } else {
                pump.pump();
            }
        }));
    }

    /**
     * Blocking: opens the source first (a missing file or a bad header then leaves no journal behind), then locks and
     * scans the journal, checks its binding and records this run in it. Undoes what it did if a later step fails.
     */
    private Opened open(JournalBinding binding) throws Exception {
        RowReader rows = bulk.source().open(bulk.creator());
        JournalLock lock = null;
        try {
            long count = bulk.source().countedUpFront() ? bulk.source().count() : -1;
            if (bulk.journal() == null) {
                return new Opened(null, JournalScanner.State.empty(), rows, count);
            }
            lock = JournalLock.acquire(bulk.journal(), !dryRun);
            JournalScanner.State state = JournalScanner.scan(lock);
            if (state.unreadableLines() > 1) {
                throw Journal.failure("has " + state.unreadableLines() + " unreadable lines: " + bulk.journal()
                        + " (is it a bulk journal?)", null);
            }
            BulkKind kind = bulk.creator().kind();
            if (state.kind() != null && !state.kind().equals(kind.label())) {
                throw new JournalKindMismatchException(bulk.journal(), state.kind(), kind);
            }
            if (state.binding() != null && !state.binding().sameTarget(binding) && !bulk.rebindJournal()) {
                throw new JournalMismatchException(bulk.journal(), state.binding(), binding);
            }
            Journal journal = null;
            if (dryRun) {
                if (lock != null) {
                    // A dry run of a journal that does not exist yet holds no lock.
                    lock.close();
                }
            } else {
                journal = Journal.open(vertx, lock, bulk.syncJournal(),
                        JournalLines.run(bulk.source().name(), kind, binding, lock.holder()));
            }
            return new Opened(journal, state, rows, count);
        } catch (Exception e) {
            if (lock != null) {
                lock.close();
            }
            rows.close();
            throw e;
        }
    }

    /** Rows an earlier run sent without learning their fate: found ones become done, absent ones are sent again. */
    private void resumeInDoubt() {
        pump.hold();
        settler.settle(new ArrayList<>(earlier.inDoubt().values())).onComplete(done -> guarded(() -> {
            if (finishing) {
                return;
            }
            for (Settler.Result r : done.result()) {
                String key = r.pending().key();
                if (r.found()) {
                    journal.record(JournalLines.created(key, r.pending().row(), kind(), r.id(), true, Instant.now()));
                    earlier.doneKeys().add(Fingerprint.of(key));
                    earlier.inDoubt().remove(key);
                } else if (r.checked()) {
                    journal.record(JournalLines.absent(key, r.pending().row(), Instant.now()));
                    earlier.inDoubt().remove(key);
                } else {
                    unsettled.put(key, r.error());
                }
            }
            pump.release();
        }));
    }

    // ---- what the pump asks of the run -------------------------------------------------------------------------

    @Override
    public boolean prepare(SourceRow row) {
        if (row.problem() != null) {
            if (journal != null) {
                journal.record(JournalLines.problem("failed", row.key(), row.row(), row.problem(), Instant.now()));
            }
            outcome(row, RowStatus.FAILED, null, row.problem());
            return false;
        }
        if (earlier.doneKeys().contains(row.fingerprint())) {
            outcome(row, RowStatus.SKIPPED, null, null);
            return false;
        }
        if (row.explicitKey()) {
            if (seenKeys == null) {
                seenKeys = new LongSet(1024);
            }
            if (!seenKeys.add(row.fingerprint())) {
                outcome(row, RowStatus.FAILED, null, new InvalidInputException("key",
                        "repeats the key of an earlier row: " + row.key().substring(4), "give every row its own key"));
                return false;
            }
        }
        if (!dryRun) {
            IncidentIoException doubt = unsettled.get(row.key());
            if (doubt == null && earlier.inDoubt().containsKey(row.key())) {
                doubt = Journal.failure("lists this row as sent without an outcome, and it was not checked", null);
            }
            if (doubt == null && earlier.doubtOverflow().contains(row.fingerprint())) {
                doubt = Journal.failure("lists more than " + JournalScanner.MAX_IN_DOUBT + " rows in doubt; this one is"
                        + " checked by a later run", null);
            }
            if (doubt != null) {
                outcome(row, RowStatus.UNKNOWN, null, bulk.creator().unknown("an earlier run sent this row and"
                        + " whether it was created could not be checked (" + doubt.getMessage() + "); not sent again:"
                        + " run again to check it", row.fields(), doubt));
                return false;
            }
        }
        return true;
    }

    @Override
    public void launch(SourceRow row) {
        if (dryRun) {
            check(row);
        } else {
            send(row, 1);
        }
    }

    @Override
    public void drained() {
        if (finishing) {
            return;
        }
        if (!dryRun && !halted() && settler.due()) {
            settle();
        } else {
            finish();
        }
    }

    @Override
    public boolean halted() {
        return stopRequested || abortCause != null;
    }

    @Override
    public boolean finishing() {
        return finishing;
    }

    @Override
    public void abort(IncidentIoException cause) {
        if (abortCause == null) {
            abortCause = cause;
        }
    }

    /** Runs a callback of the run; whatever it throws ends the run with a typed abort, never a hang. */
    @Override
    public void guarded(Runnable step) {
        try {
            step.run();
        } catch (Throwable bug) {
            crash(bug);
        }
    }

    // ---- one row -----------------------------------------------------------------------------------------------

    /** Dry run: the draft is complete and its references resolve (read-only lookups, cached per client). */
    private void check(SourceRow row) {
        row.draft().check().onComplete(checked -> guarded(() -> {
            if (!pump.inFlight(row)) {
                return;
            }
            if (checked.failed() && checked.cause() instanceof RateLimitException limited && !stopRequested) {
                pump.retryFirst(row, limited.retryAfter());
            } else {
                if (checked.succeeded()) {
                    outcome(row, RowStatus.VALID, null, null);
                } else {
                    if (Fate.of(checked.cause()).endsTheRun()) {
                        abort(Unexpected.asIncidentIo(checked.cause()));
                    }
                    outcome(row, RowStatus.FAILED, null, checked.cause());
                }
                pump.landed(row);
            }
            pump.pump();
        }));
    }

    /**
     * Sends a row whose intent is journaled; it holds its place in the window until it has an outcome. A resend
     * after a provable refusal needs no new intent: the row's last journal event is still its {@code sending}.
     */
    private void send(SourceRow row, int attempt) {
        Instant sentAt = Instant.now();
        row.draft().create().onComplete(sent -> guarded(() -> sent(row, attempt, sentAt, sent)));
    }

    private void sent(SourceRow row, int attempt, Instant sentAt, AsyncResult<String> sent) {
        if (!pump.inFlight(row)) {
            return; // abandoned when the run was stopped: journaled unknown, and a re-run reconciles it
        }
        if (sent.succeeded()) {
            // The create engine answers only with an item that has an ID.
            String id = sent.result();
            if (journal != null) {
                // The journal is the claim: settling reads it back.
                journal.record(JournalLines.created(row.key(), row.row(), kind(), id, false, Instant.now()));
            } else {
                claims.claim(id);
            }
            outcome(row, RowStatus.CREATED, id, null);
        } else if (!retried(row, attempt, sent.cause())) {
            failed(row, sentAt, sent.cause());
        } else {
            return;
        }
        pump.landed(row);
        pump.pump();
    }

    /**
     * Sends {@code row} again when incident.io provably did not take it and trying again makes sense; true when it
     * is taken care of (it stays in flight).
     */
    private boolean retried(SourceRow row, int attempt, Throwable cause) {
        if (halted()) {
            return false;
        }
        if (cause instanceof RateLimitException limited) {
            // Over incident.io's limit, and provably not taken: every row waits as long as it asks, then this one
            // goes first. Not counted as an attempt: waiting out the limit is what incident.io asks of clients.
            pump.retryFirst(row, limited.retryAfter());
            pump.pump();
            return true;
        }
        if (Fate.of(cause) != Fate.NOT_TAKEN || attempt >= bulk.attempts()) {
            return false;
        }
        // incident.io provably did not take it (no connection): send it again after a growing pause.
        Duration wait = bulk.creator().policy().backoff(attempt);
        vertx.setTimer(Math.max(1, wait.toMillis()), t -> guarded(() -> {
            if (!pump.inFlight(row)) {
                return;
            }
            if (halted()) {
                // Never taken, and now never sent: the row is left for a re-run, like rows not reached.
                if (journal != null) {
                    journal.record(JournalLines.absent(row.key(), row.row(), Instant.now()));
                }
                pump.landed(row);
                pump.pump();
            } else {
                send(row, attempt + 1);
            }
        }));
        return true;
    }

    /** A create that failed for good, or whose outcome is unknown (settled at the end of the run). */
    private void failed(SourceRow row, Instant sentAt, Throwable cause) {
        Fate fate = Fate.of(cause);
        if (fate.endsTheRun()) {
            abort(Unexpected.asIncidentIo(cause));
        }
        if (fate == Fate.UNKNOWN || fate == Fate.BROKEN) {
            if (journal != null) {
                journal.record(JournalLines.problem("unknown", row.key(), row.row(), cause, Instant.now()));
            }
            settler.unknown(new Pending(row.key(), row.row(), row.line(), row.fields(), sentAt, row));
            outcome(row, RowStatus.UNKNOWN, null, cause);
        } else {
            if (journal != null) {
                journal.record(JournalLines.problem("failed", row.key(), row.row(), cause, Instant.now()));
            }
            outcome(row, RowStatus.FAILED, null, cause);
        }
    }

    private void outcome(SourceRow row, RowStatus status, String id, Throwable error) {
        tally.outcome(row.row(), row.line(), row.key(), status, id, error);
    }

    // ---- settling unknown rows ---------------------------------------------------------------------------------

    private void settle() {
        pump.hold();
        settler.nextRound().onComplete(done -> guarded(() -> {
            if (finishing) {
                return;
            }
            for (Settler.Result r : done.result()) {
                Pending p = r.pending();
                if (r.found()) {
                    if (journal != null) {
                        journal.record(JournalLines.created(p.key(), p.row(), kind(), r.id(), true, Instant.now()));
                    }
                    tally.found(p.row(), p.line(), p.key(), r.id());
                } else if (r.checked() && !halted()) {
                    if (journal != null) {
                        journal.record(JournalLines.absent(p.key(), p.row(), Instant.now()));
                    }
                    tally.resending(p.row());
                    pump.resend(p.source());
                } else {
                    settler.checkAgain(p);
                }
            }
            pump.release();
        }));
    }

    // ---- the end -----------------------------------------------------------------------------------------------

    private void crash(Throwable bug) {
        abort(new IncidentIoException(0, "internal_error", "the bulk stopped on an unexpected error (a bug in"
                + " Firebrigade, please report it): " + bug, null, null, null, null, bug));
        if (pump == null) {
            if (journal != null) {
                journal.close();
            }
            started.tryFail(abortCause);
            result.tryFail(abortCause);
        } else if (finishing) {
            result.tryComplete(report(BulkReport.Ending.ABORTED, abortCause));
        } else {
            endNow("the run ended on an unexpected error before incident.io answered");
        }
    }

    /**
     * Ends the run without waiting for rows in flight: they are journaled unknown (a re-run reconciles them before
     * sending anything) and their late answers are ignored.
     */
    private void endNow(String why) {
        if (!dryRun) {
            for (SourceRow row : pump.inFlight()) {
                OutcomeUnknownException unknownCause = bulk.creator().unknown(why, row.fields(), null);
                if (journal != null) {
                    journal.record(JournalLines.problem("unknown", row.key(), row.row(), unknownCause, Instant.now()));
                }
                outcome(row, RowStatus.UNKNOWN, null, unknownCause);
            }
        }
        pump.abandonInFlight();
        finish();
    }

    private void startProgress() {
        progressTimer = vertx.setPeriodic(bulk.progressEvery().toMillis(),
                id -> context.runOnContext(v -> guarded(this::tick)));
    }

    private void tick() {
        progress = tally.progress(meter, System.nanoTime(), total);
        if (bulk.onProgress() != null) {
            try {
                bulk.onProgress().accept(progress);
            } catch (RuntimeException e) {
                // A broken progress display must not break the run.
            }
        }
    }

    private void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        counting.onComplete(counted -> guarded(this::wrapUp));
    }

    private void wrapUp() {
        if (journal != null) {
            // Journaled, never sent: say so, so that a re-run need not look for them.
            for (SourceRow row : pump.unsent()) {
                journal.record(JournalLines.absent(row.key(), row.row(), Instant.now()));
            }
        }
        if (progressTimer >= 0) {
            vertx.cancelTimer(progressTimer);
        }
        BulkReport.Ending ending = abortCause != null ? BulkReport.Ending.ABORTED
                : pump.sourceDone() ? BulkReport.Ending.COMPLETED : BulkReport.Ending.STOPPED;
        BulkReport draft = report(ending, abortCause);
        Future<Void> closed = journal == null ? Future.succeededFuture()
                : journal.append(JournalLines.end(draft, Instant.now())).eventually(journal::close);
        closed.onComplete(done -> context.executeBlocking(() -> {
            reader.close();
            return null;
        }, false).onComplete(readerClosed -> guarded(() -> {
            BulkReport report = draft;
            if (done.failed() && abortCause == null) {
                report = report(BulkReport.Ending.ABORTED, Unexpected.asIncidentIo(done.cause()));
            }
            tick();
            result.tryComplete(report);
        })));
    }

    private BulkKind kind() {
        return bulk.creator().kind();
    }

    private BulkReport report(BulkReport.Ending ending, IncidentIoException cause) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return tally.report(ending, bulk.source().name(), kind(), dryRun, total, elapsed, bulk.journal(), cause);
    }
}

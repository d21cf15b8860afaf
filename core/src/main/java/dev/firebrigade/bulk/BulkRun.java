package dev.firebrigade.bulk;

import dev.firebrigade.error.ActionsApiRemovedException;
import dev.firebrigade.error.AuthenticationException;
import dev.firebrigade.error.ConnectionException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.RateLimitException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.internal.create.ActionsAccess;
import dev.firebrigade.internal.create.Fingerprint;
import dev.firebrigade.internal.create.LongSet;
import dev.firebrigade.model.Action;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a {@link Bulk}. Every field is touched on one Vert.x context only, so there are no locks: blocking work
 * (reading the source, scanning and writing the journal) goes to worker threads and comes back to the context.
 *
 * <pre>
 * begin:  learn the binding (GET /v1/identity); open the source, then lock, scan, check and mark the journal (worker)
 *         reconcile rows an earlier run left in doubt
 * pump:   buffer (read)  --prepare, intents journaled a batch at a time-->  ready
 *         ready  --send-->  in flight (at most concurrency)  --outcome-->  journal + counters
 *         each stage is refilled only when the next runs low: back-pressure from the window to the reader
 * settle: rows left unknown are reconciled; absent ones are journaled and sent again (a few rounds)
 * finish: rows journaled but never sent are marked absent; end line, flush and unlock the journal, report
 * </pre>
 * Intents are written for up to a window's worth of rows ahead, in one write, so the journal costs a write per
 * batch rather than per row; a crash may leave a few intents for rows never sent, which a re-run finds absent.
 * <p>
 * Rows often complete without I/O (IDs need no lookup, bad rows fail locally), so completions arrive while the pump
 * is still launching: {@link #pump()} never nests, it loops. Every callback runs {@link #guarded}: an unexpected
 * exception ends the run with an {@code internal_error} abort instead of leaving it hanging.
 */
final class BulkRun {
    private static final int CHUNK = 256;
    /** Rows of this run left unknown that are kept whole for settling; beyond it, the next run reconciles them. */
    private static final int MAX_SETTLE = 10_000;

    /**
     * What a failed create means for the row: NOT_TAKEN (provably not processed, may be sent again), UNKNOWN (may
     * have been processed), FAILED (certainly not created), or a failure that concerns every row: AUTH (the key
     * was refused), BROKEN (not the client's typed failure at all: a closed client or a bug; the row is unknown).
     */
    private enum Fate { NOT_TAKEN, UNKNOWN, FAILED, AUTH, BROKEN }

    private final BulkSettings bulk;
    private final boolean dryRun;
    private final Vertx vertx;
    private final Context context;
    private final Promise<BulkReport> result = Promise.promise();
    private final Promise<Void> started = Promise.promise();
    private final long startNanos = System.nanoTime();
    private final ProgressMeter meter = new ProgressMeter(startNanos);
    private volatile BulkProgress progress = new BulkProgress(0, -1, 0, 0, 0, 0, 0, 0, Duration.ZERO, null);

    private RowReader reader;
    private Journal journal;
    private JournalScanner.State earlier = JournalScanner.State.empty();
    private final Map<String, IncidentIoException> unsettled = new HashMap<>();
    private LongSet seenKeys;
    private Claims claims;
    private Reconciler reconciler;

    /** Rows read, not yet prepared. */
    private final ArrayDeque<SourceRow> buffer = new ArrayDeque<>();
    /** Rows settling found absent, to journal and send again (already prepared). */
    private final ArrayDeque<SourceRow> resend = new ArrayDeque<>();
    /** Rows whose intent is written (or that need none), waiting for a place in the window. */
    private final ArrayDeque<SourceRow> ready = new ArrayDeque<>();
    private int journaling;
    /** Rows sent (or being checked) and not yet answered, by row number. */
    private final Map<Long, SourceRow> flying = new LinkedHashMap<>();
    private boolean pumping;
    private boolean pumpAgain;
    /** While set, nothing new is sent (after a 429); it ends at {@code pauseEnds} (System.nanoTime). */
    private long pauseTimer = -1;
    private long pauseEnds;
    private boolean begun;
    private boolean reading;
    private boolean exhausted;
    private boolean settling;
    private boolean finishing;
    private boolean stopRequested;
    private IncidentIoException abortCause;
    private int settleRound;
    private List<Pending> unknownRows = new ArrayList<>();
    private long progressTimer = -1;
    /** The count of the file's rows for the progress total, which the report waits for (it takes a second per GB). */
    private Future<Void> counting = Future.succeededFuture();

    private long total = -1;
    private final BulkTally tally;

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
            if (begun) {
                pump();
            }
        }));
        return result.future();
    }

    /** {@link #stop()}, and after {@code grace} the rows still in flight are journaled unknown and the run ends. */
    Future<BulkReport> stop(Duration grace) {
        stop();
        context.runOnContext(v -> vertx.setTimer(Math.max(1, grace.toMillis()), t -> guarded(() -> {
            if (begun && !finishing) {
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
                : bulk.actions().journalBinding();
        binding.compose(b -> context.<Opened>executeBlocking(() -> open(b), false)).onComplete(opened -> guarded(() -> {
            if (opened.failed()) {
                IncidentIoException cause = Reconciler.asIncidentIo(opened.cause());
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
            reconciler = new Reconciler(bulk.actions(), claims, bulk.concurrency());
            begun = true;
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
                pump();
            }
        }));
    }

    /**
     * Blocking: opens the source first (a missing file or a bad header then leaves no journal behind), then locks and
     * scans the journal, checks its binding and records this run in it. Undoes what it did if a later step fails.
     */
    private Opened open(JournalBinding binding) throws Exception {
        RowReader rows = bulk.source().open(bulk.actions());
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
            if (state.binding() != null && !state.binding().sameTarget(binding) && !bulk.rebindJournal()) {
                throw new JournalMismatchException(bulk.journal(), state.binding(), binding);
            }
            Journal journal = null;
            if (dryRun) {
                if (lock != null) {
                    lock.close();
                }
            } else {
                journal = Journal.open(vertx, lock, bulk.syncJournal(),
                        JournalLines.run(bulk.source().name(), binding, lock.holder()));
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
        settling = true;
        reconciler.reconcile(new ArrayList<>(earlier.inDoubt().values())).onComplete(done -> guarded(() -> {
            if (finishing) {
                return;
            }
            for (Reconciler.Result r : done.result()) {
                String key = r.pending().key();
                if (r.found()) {
                    journal.record(JournalLines.created(key, r.pending().row(), r.actionId(), true, Instant.now()));
                    earlier.doneKeys().add(Fingerprint.of(key));
                    earlier.inDoubt().remove(key);
                } else if (r.checked()) {
                    journal.record(JournalLines.absent(key, r.pending().row(), Instant.now()));
                    earlier.inDoubt().remove(key);
                } else {
                    unsettled.put(key, r.error());
                }
            }
            settling = false;
            pump();
        }));
    }

    // ---- the main pass -----------------------------------------------------------------------------------------

    /**
     * Moves rows along. Never nests: a completion that arrives while pumping (a row settled without I/O completes
     * at once) asks for one more round instead of recursing, so the stack stays flat however many rows do so.
     */
    private void pump() {
        if (pumping) {
            pumpAgain = true;
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                pumpOnce();
            } while (pumpAgain && !finishing);
        } finally {
            pumping = false;
        }
    }

    private void pumpOnce() {
        if (finishing) {
            return;
        }
        boolean halted = stopRequested || abortCause != null;
        if (!halted && !settling) {
            fillReady();
            boolean paused = pauseTimer >= 0;
            while (!paused && flying.size() < bulk.concurrency() && !ready.isEmpty() && abortCause == null) {
                launch(ready.poll());
            }
            if (!reading && !exhausted && buffer.size() < Math.max(bulk.concurrency(), CHUNK)) {
                readMore();
            }
        }
        halted = stopRequested || abortCause != null;
        if (flying.isEmpty() && journaling == 0 && !reading && !settling
                && (halted || (exhausted && buffer.isEmpty() && ready.isEmpty() && resend.isEmpty()))) {
            afterMainPass();
        }
    }

    /**
     * Moves rows towards the window: each is prepared (rows that need no request get their outcome here), and those
     * to send are journaled as one batch of intents, at most one batch being written at a time.
     */
    private void fillReady() {
        int target = bulk.concurrency();
        if (journal == null || dryRun) {
            while (ready.size() < target && !(buffer.isEmpty() && resend.isEmpty())) {
                boolean again = !resend.isEmpty();
                SourceRow row = again ? resend.poll() : buffer.poll();
                if (again || prepare(row)) {
                    ready.add(row);
                }
            }
            return;
        }
        if (journaling > 0 || ready.size() >= target) {
            return;
        }
        var batch = new ArrayList<SourceRow>();
        var intents = new StringBuilder();
        Instant now = Instant.now();
        while (ready.size() + batch.size() < target && !(buffer.isEmpty() && resend.isEmpty())) {
            boolean again = !resend.isEmpty();
            SourceRow row = again ? resend.poll() : buffer.poll();
            if (again || prepare(row)) {
                batch.add(row);
                if (intents.length() > 0) {
                    intents.append('\n');
                }
                intents.append(JournalLines.sending(row, now));
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        journaling = batch.size();
        journal.append(intents.toString()).onComplete(written -> guarded(() -> {
            if (finishing) {
                return;
            }
            journaling = 0;
            if (written.failed()) {
                abort(Reconciler.asIncidentIo(written.cause()));
            } else {
                ready.addAll(batch);
            }
            pump();
        }));
    }

    private void readMore() {
        reading = true;
        context.<List<SourceRow>>executeBlocking(() -> reader.read(CHUNK), false).onComplete(read -> guarded(() -> {
            if (finishing) {
                return;
            }
            reading = false;
            if (read.failed()) {
                abort(Reconciler.asIncidentIo(read.cause()));
            } else if (read.result().isEmpty()) {
                exhausted = true;
            } else {
                buffer.addAll(read.result());
            }
            pump();
        }));
    }

    /** Settles what can be settled without a request; true when the row is to be sent (or checked, in a dry run). */
    private boolean prepare(SourceRow row) {
        if (row.problem() != null) {
            if (journal != null) {
                journal.record(JournalLines.problem("failed", row.key(), row.row(), row.problem(), Instant.now()));
            }
            outcome(row.row(), row.line(), row.key(), RowStatus.FAILED, null, row.problem());
            return false;
        }
        if (earlier.doneKeys().contains(row.fingerprint())) {
            outcome(row.row(), row.line(), row.key(), RowStatus.SKIPPED, null, null);
            return false;
        }
        if (row.explicitKey()) {
            if (seenKeys == null) {
                seenKeys = new LongSet(1024);
            }
            if (!seenKeys.add(row.fingerprint())) {
                outcome(row.row(), row.line(), row.key(), RowStatus.FAILED, null, new InvalidInputException("key",
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
                outcome(row.row(), row.line(), row.key(), RowStatus.UNKNOWN, null, OutcomeUnknownException.action(
                        "an earlier run sent this row and whether it was created could not be checked ("
                        + doubt.getMessage() + "); not sent again: run again to check it", "POST",
                        bulk.actions().api().path(), row.incident(), row.description(), row.assignee(), 1, doubt));
                return false;
            }
        }
        return true;
    }

    private void launch(SourceRow row) {
        flying.put(row.row(), row);
        if (dryRun) {
            check(row);
        } else {
            send(row, 1);
        }
    }

    /** Dry run: the draft is complete and its references resolve (read-only lookups, cached per client). */
    private void check(SourceRow row) {
        row.draft().resolvedDryRun().onComplete(checked -> guarded(() -> {
            if (flying.remove(row.row()) == null) {
                return;
            }
            if (checked.failed() && checked.cause() instanceof RateLimitException limited && !stopRequested) {
                pauseFor(limited.retryAfter());
                ready.addFirst(row);
            } else if (checked.succeeded()) {
                outcome(row.row(), row.line(), row.key(), RowStatus.VALID, null, null);
            } else {
                Fate fate = fate(checked.cause());
                if (fate == Fate.AUTH || fate == Fate.BROKEN) {
                    abort(Reconciler.asIncidentIo(checked.cause()));
                }
                outcome(row.row(), row.line(), row.key(), RowStatus.FAILED, null, checked.cause());
            }
            pump();
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

    private void sent(SourceRow row, int attempt, Instant sentAt, AsyncResult<Action> sent) {
        if (!flying.containsKey(row.row())) {
            return; // abandoned when the run was stopped: journaled unknown, and a re-run reconciles it
        }
        if (sent.succeeded()) {
            // The create engine answers only with an action that has an ID.
            String id = sent.result().id();
            if (journal != null) {
                // The journal is the claim: settling reads it back.
                journal.record(JournalLines.created(row.key(), row.row(), id, false, Instant.now()));
            } else {
                claims.claim(id);
            }
            outcome(row.row(), row.line(), row.key(), RowStatus.CREATED, id, null);
            flying.remove(row.row());
            pump();
            return;
        }
        Throwable cause = sent.cause();
        Fate fate = fate(cause);
        if (cause instanceof RateLimitException limited && !stopRequested && abortCause == null) {
            // Over incident.io's limit, and provably not taken: every row waits as long as it asks, then this one
            // goes first. Not counted as an attempt: waiting out the limit is what incident.io asks of clients.
            pauseFor(limited.retryAfter());
            flying.remove(row.row());
            ready.addFirst(row);
            pump();
            return;
        }
        if (fate == Fate.NOT_TAKEN && attempt < bulk.attempts() && !stopRequested && abortCause == null) {
            // incident.io provably did not take it (no connection): send it again after a growing pause.
            Duration wait = ActionsAccess.of(bulk.actions()).engine().policy().backoff(attempt);
            vertx.setTimer(Math.max(1, wait.toMillis()), t -> guarded(() -> {
                if (!flying.containsKey(row.row())) {
                    return;
                }
                if (stopRequested || abortCause != null) {
                    // Never taken, and now never sent: the row is left for a re-run, like rows not reached.
                    if (journal != null) {
                        journal.record(JournalLines.absent(row.key(), row.row(), Instant.now()));
                    }
                    flying.remove(row.row());
                    pump();
                } else {
                    send(row, attempt + 1);
                }
            }));
            return;
        }
        if (fate == Fate.BROKEN) {
            abort(Reconciler.asIncidentIo(cause));
        }
        if (fate == Fate.UNKNOWN || fate == Fate.BROKEN) {
            if (journal != null) {
                journal.record(JournalLines.problem("unknown", row.key(), row.row(), cause, Instant.now()));
            }
            if (unknownRows.size() < MAX_SETTLE) {
                unknownRows.add(new Pending(row.key(), row.row(), row.line(), row.incident(), row.description(),
                        row.assignee(), sentAt, row));
            }
            outcome(row.row(), row.line(), row.key(), RowStatus.UNKNOWN, null, cause);
        } else {
            if (fate == Fate.AUTH) {
                abort(Reconciler.asIncidentIo(cause));
            }
            if (journal != null) {
                journal.record(JournalLines.problem("failed", row.key(), row.row(), cause, Instant.now()));
            }
            outcome(row.row(), row.line(), row.key(), RowStatus.FAILED, null, cause);
        }
        flying.remove(row.row());
        pump();
    }

    /** Whether incident.io may have created the action, and whether trying again makes sense. */
    private static Fate fate(Throwable cause) {
        if (!(cause instanceof IncidentIoException e)) {
            return Fate.BROKEN;
        }
        if (e instanceof AuthenticationException || e instanceof ActionsApiRemovedException) {
            // Every other row would fail the same way: stop at once.
            return Fate.AUTH;
        }
        if (e.mayHaveBeenProcessed()) {
            return Fate.UNKNOWN;
        }
        // Provably not processed: over the rate limit, or a connection that carried nothing.
        return e instanceof RateLimitException || e instanceof ConnectionException ? Fate.NOT_TAKEN : Fate.FAILED;
    }

    /** Sends nothing new for {@code wait} (from a 429's Retry-After; 1 s when it gave none), then resumes. */
    private void pauseFor(Duration wait) {
        long millis = Math.max(1, wait == null ? 1000 : wait.toMillis());
        long ends = System.nanoTime() + millis * 1_000_000;
        if (pauseTimer >= 0) {
            if (ends - pauseEnds <= 0) {
                return;
            }
            vertx.cancelTimer(pauseTimer);
        }
        pauseEnds = ends;
        pauseTimer = vertx.setTimer(millis, id -> guarded(() -> {
            pauseTimer = -1;
            pump();
        }));
    }

    private void abort(IncidentIoException cause) {
        if (abortCause == null) {
            abortCause = cause;
        }
    }

    /** Runs a callback of the run; whatever it throws ends the run with a typed abort, never a hang. */
    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (Throwable bug) {
            crash(bug);
        }
    }

    private void crash(Throwable bug) {
        abort(new IncidentIoException(0, "internal_error", "the bulk stopped on an unexpected error (a bug in"
                + " Firebrigade, please report it): " + bug, null, null, null, null, bug));
        if (!begun) {
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
        for (SourceRow row : flying.values()) {
            if (!dryRun) {
                var unknownCause = OutcomeUnknownException.action(why, "POST", bulk.actions().api().path(), row.incident(),
                        row.description(), row.assignee(), 1, null);
                if (journal != null) {
                    journal.record(JournalLines.problem("unknown", row.key(), row.row(), unknownCause, Instant.now()));
                }
                outcome(row.row(), row.line(), row.key(), RowStatus.UNKNOWN, null, unknownCause);
            }
        }
        flying.clear();
        finish();
    }

    // ---- settling unknown rows ---------------------------------------------------------------------------------

    private void afterMainPass() {
        if (finishing || settling) {
            return;
        }
        boolean halted = stopRequested || abortCause != null;
        if (!dryRun && !halted && !unknownRows.isEmpty() && settleRound < bulk.reconcileRounds()) {
            settle();
        } else {
            finish();
        }
    }

    private void settle() {
        settling = true;
        settleRound++;
        List<Pending> batch = unknownRows;
        unknownRows = new ArrayList<>();
        long delay = Math.max(1, bulk.reconcileDelay().toMillis() << (settleRound - 1));
        vertx.setTimer(delay, t -> guarded(() -> reconciler.reconcile(batch).onComplete(done -> guarded(() -> {
            if (finishing) {
                return;
            }
            for (Reconciler.Result r : done.result()) {
                Pending p = r.pending();
                if (r.found()) {
                    if (journal != null) {
                        journal.record(JournalLines.created(p.key(), p.row(), r.actionId(), true, Instant.now()));
                    }
                    tally.found(p.row(), p.line(), p.key(), r.actionId());
                } else if (r.checked() && !stopRequested && abortCause == null) {
                    if (journal != null) {
                        journal.record(JournalLines.absent(p.key(), p.row(), Instant.now()));
                    }
                    tally.resending(p.row());
                    resend.add(p.source());
                } else {
                    unknownRows.add(p);
                }
            }
            settling = false;
            pump();
        }))));
    }

    // ---- outcomes, progress and the end ------------------------------------------------------------------------

    private void outcome(long row, long line, String key, RowStatus status, String actionId, Throwable error) {
        tally.outcome(row, line, key, status, actionId, error);
    }

    private void startProgress() {
        progressTimer = vertx.setPeriodic(bulk.progressEvery().toMillis(), id -> context.runOnContext(v -> guarded(this::tick)));
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
            for (SourceRow row : ready) {
                journal.record(JournalLines.absent(row.key(), row.row(), Instant.now()));
            }
            for (SourceRow row : resend) {
                journal.record(JournalLines.absent(row.key(), row.row(), Instant.now()));
            }
        }
        if (progressTimer >= 0) {
            vertx.cancelTimer(progressTimer);
        }
        boolean complete = exhausted && buffer.isEmpty();
        BulkReport.Ending ending = abortCause != null ? BulkReport.Ending.ABORTED
                : complete ? BulkReport.Ending.COMPLETED : BulkReport.Ending.STOPPED;
        BulkReport draft = report(ending, abortCause);
        Future<Void> closed = journal == null ? Future.succeededFuture()
                : journal.append(JournalLines.end(draft, Instant.now())).eventually(journal::close);
        closed.onComplete(done -> context.executeBlocking(() -> {
            reader.close();
            return null;
        }, false).onComplete(readerClosed -> guarded(() -> {
            BulkReport report = draft;
            if (done.failed() && abortCause == null) {
                report = report(BulkReport.Ending.ABORTED, Reconciler.asIncidentIo(done.cause()));
            }
            tick();
            result.tryComplete(report);
        })));
    }

    private BulkReport report(BulkReport.Ending ending, IncidentIoException cause) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return tally.report(ending, bulk.source().name(), dryRun, total, elapsed, bulk.journal(), cause);
    }
}

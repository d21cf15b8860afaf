package dev.firebrigade.bulk;

import dev.firebrigade.Actions;
import dev.firebrigade.FollowUps;
import dev.firebrigade.error.InvalidInputException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Many creates at once, safe to re-run: {@code actions().bulk(Path.of("actions.csv")).journal(Path.of("actions.journal"))
 * .run()}, or the same with {@code followUps().bulk(...)} for follow-ups. Immutable like a draft: every step returns a
 * new {@code Bulk}.
 * <ul>
 *   <li>At most {@link #concurrency(int)} rows are in flight; the source is read on a worker thread only as fast
 *       as they finish, so memory stays flat however large the file. Rate limiting, retries and safe creates are
 *       the client's, applied to every create.</li>
 *   <li>With a {@link #journal(Path)}, every row's outcome is appended to it as it happens, and each create is
 *       recorded there before it is sent. Running again with the same journal skips the rows already created and
 *       reconciles those whose outcome was lost (a crash, Ctrl-C, a dropped connection) before sending anything,
 *       so no row is created twice. Rows are keyed by a {@code key} column when the file has one, else by their
 *       row number and a hash of their content: without a key column, fix rows in place, do not insert or remove
 *       rows between runs.</li>
 *   <li>A create left unknown after the client's own retries is reconciled at the end of the run: the incident's
 *       actions are searched for it, and it is sent again only if it is not there
 *       ({@link #reconcileUnknown(int, Duration)}).</li>
 *   <li>Nothing blocks the event loop: files and the journal are read and written on worker threads.</li>
 * </ul>
 */
public final class Bulk {
    /** The default number of rows in flight. */
    public static final int DEFAULT_CONCURRENCY = 32;
    /** The default number of row outcomes a report keeps; the journal keeps them all. */
    public static final int DEFAULT_KEEP_OUTCOMES = 10_000;

    final BulkSettings settings;

    private Bulk(BulkSettings settings) {
        this.settings = settings;
    }

    /**
     * A bulk of actions from {@code source} through {@code actions}, on {@code vertx}; {@code actions().bulk(...)} is
     * the usual way. Fails at once when {@code source} holds follow-up drafts.
     */
    public static Bulk of(Vertx vertx, Actions actions, BulkSource source) {
        return of(vertx, new ActionCreator(Objects.requireNonNull(actions, "actions")), source);
    }

    /**
     * A bulk of follow-ups from {@code source} through {@code followUps}, on {@code vertx}; {@code followUps().bulk(...)}
     * is the usual way. Fails at once when {@code source} holds action drafts.
     */
    public static Bulk of(Vertx vertx, FollowUps followUps, BulkSource source) {
        return of(vertx, new FollowUpCreator(Objects.requireNonNull(followUps, "followUps")), source);
    }

    private static Bulk of(Vertx vertx, Creator<?, ?> creator, BulkSource source) {
        Objects.requireNonNull(source, "source");
        BulkKind kind = creator.kind();
        source.kind().filter(drafts -> drafts != kind).ifPresent(drafts -> {
            throw new InvalidInputException("source", "holds drafts of " + drafts + ", but this bulk creates " + kind,
                    "pass it to " + (drafts == BulkKind.ACTIONS ? "actions()" : "followUps()") + ".bulk(...)");
        });
        return new Bulk(BulkSettings.defaults(Objects.requireNonNull(vertx, "vertx"), creator, source));
    }

    /** What it creates. */
    public BulkKind kind() {
        return settings.creator().kind();
    }

    private Bulk with(Consumer<BulkSettings.Change> change) {
        return new Bulk(settings.with(change));
    }

    /**
     * Records every row's outcome in this JSON Lines file (created if missing) and skips what it says is done. Use
     * the same journal to resume. A journal is locked while a run uses it (another run on it fails at once with a
     * {@link JournalInUseException} naming the holder), and bound to the base URL and API key identity it was
     * written with (a run elsewhere fails with a {@link JournalMismatchException}). A journal written before
     * bindings existed is resumed as it is, and bound by that run.
     */
    public Bulk journal(Path file) {
        return with(s -> s.journal = file);
    }

    /**
     * Lets this run use a journal written against another base URL or API key (see {@link JournalBinding}), and
     * binds it to this run's. Only for the same place under another name (a proxy, a renamed or rotated key): rows
     * the journal records as created are skipped, wherever they were created. Without it such a run fails with a
     * {@link JournalMismatchException} before sending anything.
     */
    public Bulk rebindJournal(boolean rebind) {
        return with(s -> s.rebindJournal = rebind);
    }

    /** How many rows may be in flight at once (1 to 1024; default {@value #DEFAULT_CONCURRENCY}). */
    public Bulk concurrency(int rows) {
        if (rows < 1 || rows > 1024) {
            throw new InvalidInputException("concurrency", "is " + rows + ", outside 1..1024", "pass e.g. 32");
        }
        return with(s -> s.concurrency = rows);
    }

    /**
     * Called on the bulk's Vert.x context every {@link #progressEvery(Duration)} and once at the end; keep it quick
     * (a failure in it is ignored, so it cannot break the run).
     */
    public Bulk onProgress(Consumer<BulkProgress> listener) {
        return with(s -> s.onProgress = listener);
    }

    /** How often progress is reported (default every second). */
    public Bulk progressEvery(Duration interval) {
        if (interval == null || interval.toMillis() < 1) {
            throw new InvalidInputException("progressEvery", "must be at least 1 ms", "pass e.g. Duration.ofSeconds(1)");
        }
        return with(s -> s.progressEvery = interval);
    }

    /**
     * How many row outcomes the report keeps (default {@value #DEFAULT_KEEP_OUTCOMES}): every row's when the source
     * has no more rows than that, else the first rows' and up to that many problem rows. The journal has them all.
     */
    public Bulk keepOutcomes(int rows) {
        if (rows < 0) {
            throw new InvalidInputException("keepOutcomes", "is negative", "pass 0 or more");
        }
        return with(s -> s.keepOutcomes = rows);
    }

    /**
     * Also fsync the journal after each write, so it survives a power loss, not only the process being killed.
     * Slower on most disks.
     */
    public Bulk syncJournal(boolean sync) {
        return with(s -> s.syncJournal = sync);
    }

    /**
     * How rows left unknown are settled before the run ends (default 3 rounds, waiting 2 s, then 4 s, 8 s): each
     * round lists their incidents' actions, takes the matching ones as created and sends the missing ones again.
     * 0 rounds leaves them unknown for the next run with the same journal.
     */
    public Bulk reconcileUnknown(int rounds, Duration firstDelay) {
        if (rounds < 0 || firstDelay == null || firstDelay.isNegative()) {
            throw new InvalidInputException("reconcileUnknown", "needs rounds >= 0 and a delay >= 0",
                    "pass e.g. reconcileUnknown(3, Duration.ofSeconds(2))");
        }
        return with(s -> {
            s.reconcileRounds = rounds;
            s.reconcileDelay = firstDelay;
        });
    }

    /**
     * How many times a row is sent when incident.io provably did not take it (429, connection refused) and the
     * client's own retries gave up (default 8).
     */
    public Bulk attempts(int times) {
        if (times < 1) {
            throw new InvalidInputException("attempts", "is " + times, "pass 1 or more");
        }
        return with(s -> s.attempts = times);
    }

    /** Starts creating; {@link BulkJob#stop()} stops it cleanly. */
    public BulkJob start() {
        return new BulkRun(this, false).start();
    }

    /** Creates every row; the report arrives when all are done. Fails only if the run cannot start. */
    public Future<BulkReport> run() {
        return start().report();
    }

    /**
     * Checks every row (complete, references and emails resolve, not already done per the journal) without
     * creating anything or writing the journal.
     */
    public Future<BulkReport> dryRun() {
        return startDryRun().report();
    }

    /** {@link #dryRun()}, stoppable. */
    public BulkJob startDryRun() {
        return new BulkRun(this, true).start();
    }

    @Override
    public String toString() {
        return "Bulk[" + kind() + " from " + settings.source().name() + ", concurrency " + settings.concurrency()
                + (settings.journal() == null ? ", no journal" : ", journal " + settings.journal()) + "]";
    }
}

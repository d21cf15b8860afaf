package dev.firebrigade.bulk;

import dev.firebrigade.error.IncidentIoException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admission loop of a bulk run: moves rows from the source to the in-flight window, at most {@code concurrency}
 * at a time, and hands each to the run to send.
 * <pre>
 * buffer (read)  --prepare, intents journaled a batch at a time-->  ready  --launch-->  in flight  --landed-->
 * </pre>
 * Each stage is refilled only when the next runs low: back-pressure from the window to the reader, so memory does not
 * grow with the source. Intents are written for up to a window's worth of rows ahead, in one write, so the journal
 * costs a write per batch rather than per row; a crash may leave a few intents for rows never sent, which a re-run
 * finds absent.
 * <p>
 * Rows often complete without I/O (IDs need no lookup, bad rows fail locally), so completions arrive while the pump is
 * still launching: {@link #pump()} never nests, it loops. Touched on the run's context only; every callback of its
 * own goes through {@link Run#guarded}.
 */
final class Pump {
    /** Rows read from the source at a time. */
    static final int CHUNK = 256;

    /** What the run does with the rows the pump moves, and whether it still wants any. */
    interface Run {
        /** Settles what can be settled without a request; true when the row is to be sent (or checked). */
        boolean prepare(SourceRow row);

        /** Sends (or, in a dry run, checks) a row, now in flight until {@link #landed} or {@link #retryFirst}. */
        void launch(SourceRow row);

        /** Nothing is in flight, journaled or read, and nothing more will be sent: all rows are done, or halted. */
        void drained();

        /** Whether nothing new may be sent (a stop was asked for, or the run aborted). */
        boolean halted();

        /** Whether the run is ending: the pump's late callbacks are ignored. */
        boolean finishing();

        /** Ends the run: a failure that concerns every row (the source or the journal broke). */
        void abort(IncidentIoException cause);

        /** Runs a callback; whatever it throws ends the run with a typed abort, never a hang. */
        void guarded(Runnable step);
    }

    private final Vertx vertx;
    private final Context context;
    private final Run run;
    private final int concurrency;
    private final RowReader reader;
    /** Null without a journal, and in a dry run: intents are then not written. */
    private final Journal journal;

    /** Rows read, not yet prepared. */
    private final ArrayDeque<SourceRow> buffer = new ArrayDeque<>();
    /** Rows settling found absent, to journal and send again (already prepared). */
    private final ArrayDeque<SourceRow> resend = new ArrayDeque<>();
    /** Rows whose intent is written (or that need none), waiting for a place in the window. */
    private final ArrayDeque<SourceRow> ready = new ArrayDeque<>();
    /** Rows sent (or being checked) and not yet answered, by row number. */
    private final Map<Long, SourceRow> flying = new LinkedHashMap<>();
    private int journaling;
    private boolean pumping;
    private boolean pumpAgain;
    private boolean reading;
    private boolean exhausted;
    /** While set (rows are being settled), nothing is sent and the pass is not over. */
    private boolean held;
    /** While set, nothing new is sent (after a 429); it ends at {@code pauseEnds} (System.nanoTime). */
    private long pauseTimer = -1;
    private long pauseEnds;

    Pump(Vertx vertx, Context context, Run run, int concurrency, RowReader reader, Journal journal) {
        this.vertx = vertx;
        this.context = context;
        this.run = run;
        this.concurrency = concurrency;
        this.reader = reader;
        this.journal = journal;
    }

    /**
     * Moves rows along. Never nests: a completion that arrives while pumping asks for one more round instead of
     * recursing, so the stack stays flat however many rows complete at once.
     */
    void pump() {
        if (pumping) {
            pumpAgain = true;
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                pumpOnce();
            } while (pumpAgain && !run.finishing());
        } finally {
            pumping = false;
        }
    }

    /** Sends nothing while rows are settled; {@link #release()} resumes. */
    void hold() {
        held = true;
    }

    void release() {
        held = false;
        pump();
    }

    /** Whether {@code row} is in flight: a late answer for a row no longer in flight is ignored. */
    boolean inFlight(SourceRow row) {
        return flying.containsKey(row.row());
    }

    /** {@code row} has its outcome and leaves the window. */
    void landed(SourceRow row) {
        flying.remove(row.row());
    }

    /**
     * {@code row} was refused over incident.io's rate limit: it leaves the window, nothing new is sent for
     * {@code wait} (from the 429's Retry-After; 1 s when it gave none), then it goes first.
     */
    void retryFirst(SourceRow row, Duration wait) {
        pauseFor(wait);
        flying.remove(row.row());
        ready.addFirst(row);
    }

    /** {@code row}, found absent by settling and already journaled as such, is to be sent again. */
    void resend(SourceRow row) {
        resend.add(row);
    }

    /** The rows in flight, in the order they were sent. */
    Collection<SourceRow> inFlight() {
        return flying.values();
    }

    /** Forgets the rows in flight: the run ended without them (their late answers are ignored). */
    void abandonInFlight() {
        flying.clear();
    }

    /** Rows journaled as about to be sent that never were. */
    List<SourceRow> unsent() {
        var unsent = new ArrayList<SourceRow>(ready);
        unsent.addAll(resend);
        return unsent;
    }

    /** Whether every row of the source was read and taken. */
    boolean sourceDone() {
        return exhausted && buffer.isEmpty();
    }

    private void pumpOnce() {
        if (run.finishing()) {
            return;
        }
        if (!run.halted() && !held) {
            fillReady();
            boolean paused = pauseTimer >= 0;
            while (!paused && flying.size() < concurrency && !ready.isEmpty() && !run.halted()) {
                SourceRow row = ready.poll();
                flying.put(row.row(), row);
                run.launch(row);
            }
            if (!reading && !exhausted && buffer.size() < Math.max(concurrency, CHUNK)) {
                readMore();
            }
        }
        if (flying.isEmpty() && journaling == 0 && !reading && !held
                && (run.halted() || (exhausted && buffer.isEmpty() && ready.isEmpty() && resend.isEmpty()))) {
            run.drained();
        }
    }

    /**
     * Moves rows towards the window: each is prepared (rows that need no request get their outcome there), and those
     * to send are journaled as one batch of intents, at most one batch being written at a time.
     */
    private void fillReady() {
        if (journal == null) {
            while (ready.size() < concurrency && !(buffer.isEmpty() && resend.isEmpty())) {
                SourceRow row = nextToPrepare();
                if (row != null) {
                    ready.add(row);
                }
            }
            return;
        }
        if (journaling > 0 || ready.size() >= concurrency) {
            return;
        }
        var batch = new ArrayList<SourceRow>();
        var intents = new StringBuilder();
        Instant now = Instant.now();
        while (ready.size() + batch.size() < concurrency && !(buffer.isEmpty() && resend.isEmpty())) {
            SourceRow row = nextToPrepare();
            if (row != null) {
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
        journal.append(intents.toString()).onComplete(written -> run.guarded(() -> {
            if (run.finishing()) {
                return;
            }
            journaling = 0;
            if (written.failed()) {
                run.abort(Unexpected.asIncidentIo(written.cause()));
            } else {
                ready.addAll(batch);
            }
            pump();
        }));
    }

    /** The next row to send: one to send again first (prepared already), else the next read one if it is to be sent. */
    private SourceRow nextToPrepare() {
        if (!resend.isEmpty()) {
            return resend.poll();
        }
        SourceRow row = buffer.poll();
        return run.prepare(row) ? row : null;
    }

    private void readMore() {
        reading = true;
        context.<List<SourceRow>>executeBlocking(() -> reader.read(CHUNK), false).onComplete(read -> run.guarded(() -> {
            if (run.finishing()) {
                return;
            }
            reading = false;
            if (read.failed()) {
                run.abort(Unexpected.asIncidentIo(read.cause()));
            } else if (read.result().isEmpty()) {
                exhausted = true;
            } else {
                buffer.addAll(read.result());
            }
            pump();
        }));
    }

    /** Sends nothing new for {@code wait} (1 s when null), then resumes; a longer pause already set is kept. */
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
        pauseTimer = vertx.setTimer(millis, id -> run.guarded(() -> {
            pauseTimer = -1;
            pump();
        }));
    }
}

package dev.firebrigade.bulk;

import dev.firebrigade.error.IncidentIoException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles the rows of a bulk whose create went unanswered, through the client's one create engine
 * ({@link RowDraft#settle}): the check a single {@code create()} makes (same window, modes and matching rule), with
 * the IDs the journal gave to other rows kept out of reach ({@link Claims}). Without an idempotency key at
 * incident.io (API notes §5) looking is the only way to learn what happened. It settles rows an earlier run left in doubt, before this run sends anything ({@link #settle}), and
 * the rows this run leaves unknown, in rounds at its end after a growing delay ({@link #nextRound}).
 */
final class Settler {
    /** Rows of this run left unknown that are kept whole for settling; beyond it, the next run reconciles them. */
    static final int MAX_UNKNOWN = 10_000;

    /** What settling one row found: the ID it was given, that it is absent, or that it could not be checked. */
    record Result(Pending pending, String id, IncidentIoException error) {
        boolean found() {
            return id != null;
        }

        boolean checked() {
            return error == null;
        }
    }

    private final Vertx vertx;
    private final Creator<?, ?> creator;
    private final Claims claims;
    private final int concurrency;
    private final int rounds;
    private final Duration firstDelay;
    private List<Pending> unknown = new ArrayList<>();
    private int round;

    /**
     * @param claims      the IDs already given to rows; the engine adds a match to it
     * @param concurrency how many rows are checked at once
     * @param rounds      how many rounds {@link #nextRound} may settle, the first after {@code firstDelay}, each
     *                    next one after twice the last delay
     */
    Settler(Vertx vertx, Creator<?, ?> creator, Claims claims, int concurrency, int rounds, Duration firstDelay) {
        this.vertx = vertx;
        this.creator = creator;
        this.claims = claims;
        this.concurrency = concurrency;
        this.rounds = rounds;
        this.firstDelay = firstDelay;
    }

    /** A row this run sent without learning its fate, to settle at the end (up to {@link #MAX_UNKNOWN} rows). */
    void unknown(Pending row) {
        if (unknown.size() < MAX_UNKNOWN) {
            unknown.add(row);
        }
    }

    /** A row a round could not check: it waits for the next round. */
    void checkAgain(Pending row) {
        unknown.add(row);
    }

    /** Whether rows wait to be settled and a round is left for them. */
    boolean due() {
        return !unknown.isEmpty() && round < rounds;
    }

    /** Settles the rows left unknown so far, after this round's delay. Never fails: see {@link #settle}. */
    Future<List<Result>> nextRound() {
        round++;
        List<Pending> batch = unknown;
        unknown = new ArrayList<>();
        Promise<Void> waited = Promise.promise();
        vertx.setTimer(Math.max(1, firstDelay.toMillis() << (round - 1)), t -> waited.complete());
        return waited.future().compose(w -> settle(batch));
    }

    /** Settles {@code rows}; never fails: a row that could not be checked has an error in its result. */
    Future<List<Result>> settle(List<Pending> rows) {
        return settleFrom(rows, 0, new ArrayList<>());
    }

    /** A wave of rows at a time: every check is a listing, and incident.io's rate limit is shared with the pump. */
    private Future<List<Result>> settleFrom(List<Pending> rows, int from, List<Result> results) {
        if (from >= rows.size()) {
            return Future.succeededFuture(results);
        }
        var wave = rows.subList(from, Math.min(rows.size(), from + concurrency)).stream().map(this::settleOne).toList();
        return Future.join(wave).transform(done -> {
            wave.forEach(settled -> results.add(settled.result()));
            return settleFrom(rows, from + wave.size(), results);
        });
    }

    private Future<Result> settleOne(Pending pending) {
        Instant sent = pending.sentAt() == null ? Instant.EPOCH : pending.sentAt();
        RowDraft draft = pending.source() != null ? pending.source().draft() : creator.row(pending.fields());
        return draft.settle(sent, claims)
                .map(found -> new Result(pending, found, null))
                .otherwise(error -> new Result(pending, null, Unexpected.asIncidentIo(error)));
    }
}

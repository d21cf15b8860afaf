package dev.firebrigade.bulk;

import dev.firebrigade.ActionDraft;
import dev.firebrigade.Actions;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.internal.create.ActionsAccess;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles rows whose create went unanswered: each is checked by the client's create engine, the same check a single
 * {@code create()} makes (same window, modes and matching rule), with the IDs the journal gave to other rows kept out
 * of reach ({@link Claims}). Without an idempotency key at incident.io (API notes §5) this is the only way to learn
 * what happened.
 */
final class Reconciler {
    /** What settling one row found. */
    record Result(Pending pending, String actionId, IncidentIoException error) {
        boolean found() {
            return actionId != null;
        }

        boolean checked() {
            return error == null;
        }
    }

    private final Actions actions;
    private final ActionsAccess.Bridge engine;
    private final Claims claimed;
    private final int concurrency;

    /**
     * @param claimed     the action IDs already given to rows; the engine adds a match to it
     * @param concurrency how many rows are checked at once
     */
    Reconciler(Actions actions, Claims claimed, int concurrency) {
        this.actions = actions;
        this.engine = ActionsAccess.of(actions);
        this.claimed = claimed;
        this.concurrency = concurrency;
    }

    /** Settles {@code pendings}; never fails: a row that could not be checked has an error in its result. */
    Future<List<Result>> reconcile(List<Pending> pendings) {
        return settleFrom(pendings, 0, new ArrayList<>());
    }

    /** A wave of rows at a time: every check is a listing, and incident.io's rate limit is shared with the pump. */
    private Future<List<Result>> settleFrom(List<Pending> pendings, int from, List<Result> results) {
        if (from >= pendings.size()) {
            return Future.succeededFuture(results);
        }
        var wave = pendings.subList(from, Math.min(pendings.size(), from + concurrency)).stream()
                .map(this::settle).toList();
        return Future.join(wave).transform(done -> {
            wave.forEach(settled -> results.add(settled.result()));
            return settleFrom(pendings, from + wave.size(), results);
        });
    }

    private Future<Result> settle(Pending pending) {
        ActionDraft draft = pending.source() != null && pending.source().draft() != null ? pending.source().draft()
                : draftOf(pending);
        Instant sent = pending.sentAt() == null ? Instant.EPOCH : pending.sentAt();
        return engine.resolve(draft)
                .compose(resolved -> engine.engine().settle(resolved, sent, claimed))
                .map(found -> new Result(pending, found == null ? null : found.id(), null))
                .otherwise(error -> new Result(pending, null, asIncidentIo(error)));
    }

    private ActionDraft draftOf(Pending pending) {
        ActionDraft draft = actions.forIncident(pending.incident()).describe(pending.description());
        return pending.assignee() == null ? draft : draft.assignTo(pending.assignee());
    }

    /** {@code error} itself, or wrapped when something other than the client failed (a closed client, a bug). */
    static IncidentIoException asIncidentIo(Throwable error) {
        return error instanceof IncidentIoException known ? known
                : new IncidentIoException(0, "unexpected_error", String.valueOf(error), null, null, null, null, error);
    }
}

package dev.firebrigade.internal.create;

import dev.firebrigade.RetryPolicy;
import dev.firebrigade.error.ActionsApiRemovedException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.error.TimeoutException;
import dev.firebrigade.internal.transport.Deadline;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One create that neither loses nor doubles what it creates:
 * <ol>
 *   <li>POST. The transport retries only what provably was not processed (429, a connection never made).</li>
 *   <li>Outcome unknown ({@link IncidentIoException#mayHaveBeenProcessed()})? Let it settle
 *       ({@link RetryPolicy#reconcileDelay()}), then look for it ({@link CreateEngine#find}).</li>
 *   <li>Found: that is the result. Absent: POST again, up to {@link RetryPolicy#createAttempts()} in all. Not
 *       provably absent ({@link Creatable#mayBe}): unknown at once.</li>
 *   <li>Still unknown (every check failed, the attempts or the call's deadline ran out): an
 *       {@link OutcomeUnknownException} with the draft, never a guess.</li>
 * </ol>
 * The engine's {@link CreateLedger} keeps concurrent identical creates of this client apart.
 */
final class CreateCall<T> {
    private final CreateEngine<T> engine;
    private final Creatable<T> draft;
    private final CreateLedger ledger;
    private final RetryPolicy policy;
    private final Deadline deadline;
    private Instant firstAttempt;

    CreateCall(CreateEngine<T> engine, Creatable<T> draft) {
        this.engine = engine;
        this.draft = draft;
        this.ledger = engine.ledger;
        this.policy = engine.policy;
        this.deadline = engine.transport.newDeadline();
    }

    Future<T> run() {
        long token = ledger.started();
        return post(1, null).andThen(done -> ledger.finished(token));
    }

    /** POST number {@code attempt}; {@code previous} is the unknown outcome that led to it, null for the first. */
    private Future<T> post(int attempt, IncidentIoException previous) {
        Promise<Void> turn = ledger.beginSend(draft.key());
        if (turn.future().succeeded()) {
            // No reconciliation of an identical create in the way: the usual case.
            return send(attempt);
        }
        return within(turn, () -> previous == null
                ? new TimeoutException("not sent: waiting for a reconciliation of an identical create when the call's"
                + " deadline passed", draft.request().method().name(), draft.request().path(), false, null)
                : draft.unknown("the call's deadline passed before the create could be sent again", attempt - 1,
                previous))
                .compose(admitted -> send(attempt));
    }

    /** Sends POST number {@code attempt}, its turn in the ledger granted; reconciles an unknown outcome. */
    private Future<T> send(int attempt) {
        if (firstAttempt == null) {
            firstAttempt = Instant.now();
        }
        return draft.post(deadline).transform(sent -> {
            if (sent.succeeded()) {
                ledger.endSend(draft.key(), draft.id(sent.result()));
                return Future.succeededFuture(sent.result());
            }
            ledger.endSend(draft.key(), null);
            if (!(sent.cause() instanceof IncidentIoException failure) || !failure.mayHaveBeenProcessed()) {
                return Future.failedFuture(sent.cause());
            }
            if (!policy.reconciles()) {
                return Future.failedFuture(draft.unknown("no answer could be read and reconciliation is off",
                        attempt, failure));
            }
            return check(attempt, failure, 1, policy.reconcileDelay(), null);
        });
    }

    /**
     * Check number {@code check}, after {@code wait}. Only a check can tell whether to send again, so a check that
     * fails (the listing itself met faults) is repeated, as many times as a create may be sent.
     */
    private Future<T> check(int attempt, IncidentIoException failure, int check, Duration wait,
                            Throwable checkFailure) {
        if (!deadline.allows(wait)) {
            var error = draft.unknown("the call's deadline left no time to check whether it was created", attempt,
                    failure);
            if (checkFailure != null) {
                error.addSuppressed(checkFailure);
            }
            return Future.failedFuture(error);
        }
        return engine.transport.delay(wait).compose(settled -> {
            Promise<Void> turn = ledger.beginReconcile(draft.key());
            return within(turn, () -> draft.unknown("the call's deadline passed while waiting to check whether it"
                    + " was created", attempt, failure));
        }).compose(turn -> engine.find(draft, firstAttempt, engine.ledgerClaims(), deadline).transform(found -> {
            if (found.failed()) {
                ledger.endReconcile(draft.key(), null);
                if (found.cause() instanceof CreateEngine.NotProven doubt) {
                    // Sending again might double it, and checking again would read the same list.
                    return Future.failedFuture(draft.unknown(doubt.getMessage(), attempt, failure));
                }
                if (found.cause() instanceof ActionsApiRemovedException gone) {
                    // Checking again would meet the same answer: say what to do, the unknown outcome attached.
                    gone.addSuppressed(draft.unknown("the actions API was removed while checking whether it was"
                            + " created", attempt, failure));
                    return Future.failedFuture(gone);
                }
                if (check < policy.createAttempts()) {
                    return check(attempt, failure, check + 1, policy.backoff(check), found.cause());
                }
                var error = draft.unknown("listing the incident's " + draft.plural() + " to check failed " + check
                        + (check == 1 ? " time" : " times"), attempt, failure);
                error.addSuppressed(found.cause());
                return Future.failedFuture(error);
            }
            T landed = found.result();
            ledger.endReconcile(draft.key(), landed == null ? null : draft.id(landed));
            if (landed != null) {
                return Future.succeededFuture(landed);
            }
            if (attempt >= policy.createAttempts()) {
                return Future.failedFuture(draft.unknown("nothing matching was found after every attempt (it may"
                        + " still appear if incident.io is slow to process it)", attempt, failure));
            }
            Duration backoff = policy.backoff(attempt);
            if (!deadline.allows(backoff)) {
                return Future.failedFuture(draft.unknown("the call's deadline left no time to send it again",
                        attempt, failure));
            }
            return engine.transport.delay(backoff).compose(waited -> post(attempt + 1, failure));
        }));
    }

    /** Waits for a ledger turn until the deadline; if it passes first, gives the turn up and fails with {@code late}. */
    private Future<Void> within(Promise<Void> turn, Supplier<IncidentIoException> late) {
        return engine.transport.within(turn, deadline, late, () -> ledger.abandon(draft.key(), turn));
    }
}

package dev.firebrigade;

import dev.firebrigade.error.ActionsApiRemovedException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.error.TimeoutException;
import dev.firebrigade.error.UnexpectedResponseException;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.transport.ApiRequest;
import dev.firebrigade.transport.Deadline;
import dev.firebrigade.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * One action create that neither loses nor doubles the action. incident.io's create takes no idempotency key, so:
 * <ol>
 *   <li>POST. The transport retries only what provably was not processed (429, a connection never made).</li>
 *   <li>Outcome unknown (timeout after sending, reset, 5xx, unreadable 2xx)? Let it settle
 *       ({@link RetryPolicy#reconcileDelay()}), then list the incident's actions created since the first attempt began
 *       (by incident.io's clock, less {@link RetryPolicy#clockSkewTolerance()}; on v3 incident.io is asked for only
 *       that window, v2 lists everything) and look for one with the same description and assignee that no other
 *       create of this client has claimed.</li>
 *   <li>Found: that is the result. Absent: POST again, up to {@link RetryPolicy#createAttempts()} in all.</li>
 *   <li>Still unknown (every check failed, the attempts or the call's deadline ran out): {@link OutcomeUnknownException}
 *       with the draft, never a guess.</li>
 * </ol>
 * {@link CreateLedger} keeps concurrent identical creates of this client apart.
 */
final class SafeCreate {
    /** The incident modes that the default list leaves out; a test incident's actions are only listed by mode. */
    private static final List<IncidentMode> OTHER_MODES = List.of(IncidentMode.TEST, IncidentMode.TUTORIAL,
            IncidentMode.STREAM);

    private final Transport transport;
    private final CreateLedger ledger;
    private final ApiRequest request;
    private final ActionPayloads.Create payload;
    private final CreateLedger.Key key;
    private final BiFunction<IncidentMode, Instant, Future<List<Action>>> listing;
    private final RetryPolicy policy;
    private final Deadline deadline;
    private Instant firstAttempt;

    /**
     * @param listing lists the incident's actions in the given mode (null for incident.io's default modes) that were
     *                created at or after the instant, as far as the API can filter (v3 can, v2 lists them all)
     */
    SafeCreate(Transport transport, CreateLedger ledger, ApiRequest request, ActionPayloads.Create payload,
               BiFunction<IncidentMode, Instant, Future<List<Action>>> listing) {
        this.transport = transport;
        this.ledger = ledger;
        this.request = request;
        this.payload = payload;
        this.key = CreateLedger.Key.of(payload);
        this.listing = listing;
        this.policy = transport.retryPolicy();
        this.deadline = transport.newDeadline();
    }

    Future<Action> run() {
        long token = ledger.started();
        return post(1, null).andThen(done -> ledger.finished(token));
    }

    /** POST number {@code attempt}; {@code previous} is the unknown outcome that led to it, null for the first. */
    private Future<Action> post(int attempt, IncidentIoException previous) {
        Promise<Void> turn = ledger.beginSend(key);
        if (turn.future().succeeded()) {
            // No reconciliation of an identical create in the way: the usual case.
            return send(attempt);
        }
        return within(turn, () -> previous == null
                ? new TimeoutException("not sent: waiting for a reconciliation of an identical create when the call's"
                + " deadline passed", request.method().name(), request.path(), false, null)
                : unknown("the call's deadline passed before the create could be sent again", attempt - 1, previous))
                .compose(admitted -> send(attempt));
    }

    /** Sends POST number {@code attempt}, its turn in the ledger granted; reconciles an unknown outcome. */
    private Future<Action> send(int attempt) {
        if (firstAttempt == null) {
            firstAttempt = Instant.now();
        }
        return transport.send(request, ActionPayloads.One.class, deadline).transform(sent -> {
            Action created = sent.succeeded() ? sent.result().action() : null;
            if (created != null && created.id() != null) {
                ledger.endSend(key, created.id());
                return Future.succeededFuture(created);
            }
            ledger.endSend(key, null);
            Throwable cause = sent.succeeded() ? new UnexpectedResponseException(201,
                    "the answer holds no action", "", request.method().name(), request.path(), null)
                    : sent.cause();
            if (!(cause instanceof IncidentIoException failure) || !Transport.mayHaveBeenProcessed(failure)) {
                return Future.failedFuture(cause);
            }
            if (!policy.reconciles()) {
                return Future.failedFuture(unknown("no answer could be read and reconciliation is off",
                        attempt, failure));
            }
            return reconcile(attempt, failure);
        });
    }

    /** Looks for the action attempt {@code attempt} may have created; sends again if it provably did not. */
    private Future<Action> reconcile(int attempt, IncidentIoException failure) {
        return check(attempt, failure, 1, policy.reconcileDelay(), null);
    }

    /**
     * Check number {@code check}, after {@code wait}. Only a check can tell whether to send again, so a check that
     * fails (the listing itself met faults) is repeated, as many times as a create may be sent.
     */
    private Future<Action> check(int attempt, IncidentIoException failure, int check, Duration wait,
                                 Throwable checkFailure) {
        if (!deadline.allows(wait)) {
            var error = unknown("the call's deadline left no time to check whether it was created", attempt, failure);
            if (checkFailure != null) {
                error.addSuppressed(checkFailure);
            }
            return Future.failedFuture(error);
        }
        return transport.delay(wait).compose(settled -> {
            Promise<Void> turn = ledger.beginReconcile(key);
            return within(turn, () -> unknown("the call's deadline passed while waiting to check whether it was"
                    + " created", attempt, failure));
        }).compose(turn -> findLanded().transform(found -> {
            if (found.failed()) {
                ledger.endReconcile(key, null);
                if (found.cause() instanceof ActionsApiRemovedException gone) {
                    // Checking again would meet the same answer: say what to do, the unknown outcome attached.
                    gone.addSuppressed(unknown("the actions API was removed while checking whether it was created",
                            attempt, failure));
                    return Future.failedFuture(gone);
                }
                if (check < policy.createAttempts()) {
                    return check(attempt, failure, check + 1, policy.backoff(check), found.cause());
                }
                var error = unknown("listing the incident's actions to check failed " + check
                        + (check == 1 ? " time" : " times"), attempt, failure);
                error.addSuppressed(found.cause());
                return Future.failedFuture(error);
            }
            Action landed = found.result();
            ledger.endReconcile(key, landed == null ? null : landed.id());
            if (landed != null) {
                return Future.succeededFuture(landed);
            }
            if (attempt >= policy.createAttempts()) {
                return Future.failedFuture(unknown("no matching action was found after every attempt (one may still"
                        + " appear if incident.io is slow to process it)", attempt, failure));
            }
            Duration backoff = policy.backoff(attempt);
            if (!deadline.allows(backoff)) {
                return Future.failedFuture(unknown("the call's deadline left no time to send it again", attempt,
                        failure));
            }
            return transport.delay(backoff).compose(waited -> post(attempt + 1, failure));
        }));
    }

    /** The oldest unclaimed action matching the draft created since the first attempt, or null when none. */
    private Future<Action> findLanded() {
        // The window incident.io is asked for, from the clock offset known so far.
        Instant asked = windowStart();
        return bounded(listing.apply(null, asked)).compose(actions -> {
            // The listing's own Date header is the freshest reading of incident.io's clock. On v2, which lists
            // everything, it may open the window earlier; on v3 incident.io sent only the window asked for.
            Instant fresh = windowStart();
            Instant since = fresh.isBefore(asked) ? fresh : asked;
            Action found = match(actions, since);
            if (found != null) {
                return Future.succeededFuture(found);
            }
            return searchOtherModes(0, since);
        });
    }

    private Future<Action> searchOtherModes(int index, Instant since) {
        if (index == OTHER_MODES.size()) {
            return Future.succeededFuture(null);
        }
        return bounded(listing.apply(OTHER_MODES.get(index), since)).compose(actions -> {
            Action found = match(actions, since);
            return found != null ? Future.succeededFuture(found) : searchOtherModes(index + 1, since);
        });
    }

    /**
     * The first attempt's start on incident.io's clock, less the tolerance. The offset measured from the
     * {@code Date} header is a lower bound (the header is cut to the second and written before we read it), so the
     * window can only open early, never late: the tolerance covers the rest.
     */
    private Instant windowStart() {
        Duration offset = transport.serverClockOffset();
        return firstAttempt.plus(offset == null ? Duration.ZERO : offset).minus(policy.clockSkewTolerance());
    }

    /**
     * The oldest of {@code actions} that this create may have made and no other create of this client claimed. No
     * create of this key is on the wire during a reconciliation, so no claim that matters can arrive meanwhile.
     */
    private Action match(List<Action> actions, Instant since) {
        List<Action> candidates = actions.stream()
                .filter(a -> a.id() != null)
                .filter(a -> a.incidentId() == null || a.incidentId().equals(payload.incidentId()))
                .filter(a -> CreateLedger.Key.normalised(a.description()).equals(key.description()))
                .filter(a -> Objects.equals(a.assignee() == null ? null : a.assignee().id(), payload.assigneeId()))
                .filter(a -> a.createdAt() != null && !a.createdAt().isBefore(since))
                .toList();
        Set<String> claimed = ledger.claimedAmong(candidates.stream().map(Action::id).toList());
        return candidates.stream()
                .filter(a -> !claimed.contains(a.id()))
                .min(Comparator.comparing(Action::createdAt).thenComparing(Action::id))
                .orElse(null);
    }

    /** A step of this call that fails once the deadline has passed. */
    private <T> Future<T> bounded(Future<T> step) {
        Promise<T> result = Promise.promise();
        step.onComplete(result);
        return transport.within(result, deadline, () -> new TimeoutException("the call's deadline of "
                + deadline.budget().toMillis() + " ms passed", "GET", request.path(), true, null), () -> { });
    }

    /** Waits for a ledger turn until the deadline; if it passes first, gives the turn up and fails with {@code late}. */
    private Future<Void> within(Promise<Void> turn, Supplier<IncidentIoException> late) {
        return transport.within(turn, deadline, late, () -> ledger.abandon(key, turn));
    }

    private OutcomeUnknownException unknown(String why, int attempts, IncidentIoException cause) {
        return new OutcomeUnknownException("the create's outcome is unknown: " + why, request.method().name(),
                request.path(), payload.incidentId(), payload.description(), payload.assigneeId(), attempts, cause);
    }
}

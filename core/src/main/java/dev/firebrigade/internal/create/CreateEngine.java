package dev.firebrigade.internal.create;

import dev.firebrigade.RetryPolicy;
import dev.firebrigade.error.TimeoutException;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.internal.transport.Deadline;
import dev.firebrigade.internal.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one engine that decides whether a create whose answer was lost landed, for one kind of resource of one client.
 * incident.io takes no idempotency key for these creates, so an unknown outcome is settled by looking:
 * <ul>
 *   <li>the window: items created (or, where creation is backdated, first written: {@link Creatable.Listed#stamp()})
 *       since the first attempt began, on incident.io's clock (our start plus the measured offset), less
 *       {@link RetryPolicy#clockSkewTolerance()};</li>
 *   <li>the modes: incident.io's default list first; when it holds no item of the incident at all, the incident
 *       may be a test, tutorial or stream one, which are listed apart;</li>
 *   <li>the match: same {@link CreateKey} (description with line ends normalised and stripped, assignee, incident),
 *       the oldest in the window that is not claimed: by another create of this client ({@link CreateLedger}) for
 *       {@link #create}, by another row of the bulk's journal ({@link ClaimStore}) for {@link #settle};</li>
 *   <li>the doubt: no match, but an unclaimed item in the window that the draft {@linkplain Creatable#mayBe may be}
 *       (a link stored in another form): absence is not proven, so the outcome stays unknown.</li>
 * </ul>
 * {@link #create} sends and settles one draft ({@link CreateCall}); a bulk settles the rows it left unknown with
 * {@link #settle}, the same check.
 */
public final class CreateEngine<T> {
    /** The incident modes that the default list leaves out. */
    private static final List<IncidentMode> OTHER_MODES = List.of(IncidentMode.TEST, IncidentMode.TUTORIAL,
            IncidentMode.STREAM);
    /**
     * Claims are kept beyond the clock tolerance: the measured clock offset is low by up to a second (the Date
     * header's resolution) plus the answer's transfer time.
     */
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(10);

    final Transport transport;
    final CreateLedger ledger;
    final RetryPolicy policy;

    public CreateEngine(Transport transport) {
        this.transport = transport;
        this.policy = transport.retryPolicy();
        this.ledger = new CreateLedger(policy.clockSkewTolerance().plus(CLAIM_MARGIN));
    }

    /** Creates {@code draft} without losing or doubling it; an outcome that stays unknown fails the future. */
    public Future<T> create(Creatable<T> draft) {
        return new CreateCall<>(this, draft).run();
    }

    /**
     * Checks once whether a create of {@code draft} first sent at {@code firstSent} (our clock) landed: the item it
     * made, now claimed, or null when it provably did not. Fails when the listing failed, and with the draft's
     * {@link Creatable#unknown} when absence cannot be proven ({@link Creatable#mayBe}). The check waits for the
     * key's turn like a create's, but {@code claims} alone say what is taken: a bulk's rows are owned by its journal,
     * and the ledger also holds what the same rows' earlier creates in this process made (a run stopped with rows in
     * flight, then resumed), which the check must be free to find.
     */
    public Future<T> settle(Creatable<T> draft, Instant firstSent, ClaimStore claims) {
        long token = ledger.started();
        Deadline deadline = transport.newDeadline();
        Promise<Void> turn = ledger.beginReconcile(draft.key());
        return turn.future()
                .compose(admitted -> find(draft, firstSent, claims, deadline))
                .recover(failure -> Future.failedFuture(failure instanceof NotProven doubt
                        ? draft.unknown(doubt.getMessage(), 1, null) : failure))
                .andThen(found -> {
                    String id = found.succeeded() && found.result() != null ? draft.id(found.result()) : null;
                    if (id != null) {
                        claims.claim(id);
                    }
                    ledger.endReconcile(draft.key(), id);
                })
                .andThen(done -> ledger.finished(token));
    }

    /** The policy creates are retried and settled by. */
    public RetryPolicy policy() {
        return policy;
    }

    /** The claims of this client's creates, as a store: what {@link #create} must not take. */
    ClaimStore ledgerClaims() {
        return new ClaimStore() {
            @Override
            public Future<Set<String>> claimedAmong(Set<String> ids) {
                return Future.succeededFuture(ledger.claimedAmong(ids));
            }

            @Override
            public void claim(String id) {
                // The ledger claims at the end of the reconciliation.
            }
        };
    }

    /**
     * The oldest item matching {@code draft} stamped since {@code firstSent} and not in {@code claims}, or null; fails
     * with {@link NotProven} when absence cannot be proven (see {@link Creatable#mayBe}). The caller holds the key's
     * reconciliation turn, so no create of this key is on the wire and no claim that matters can arrive meanwhile.
     */
    Future<T> find(Creatable<T> draft, Instant firstSent, ClaimStore claims, Deadline deadline) {
        // The window incident.io is asked for, from the clock offset known so far.
        Instant asked = windowStart(firstSent);
        return bounded(draft, draft.listSince(null, asked), deadline).compose(items -> {
            // The listing's own Date header is the freshest reading of incident.io's clock. On v2, which lists
            // everything, it may open the window earlier; on v3 incident.io sent only the window asked for.
            Instant fresh = windowStart(firstSent);
            Instant since = fresh.isBefore(asked) ? fresh : asked;
            return items.isEmpty() ? otherModes(draft, 0, since, claims, deadline)
                    : oldestUnclaimed(draft, items, since, claims);
        });
    }

    /** The modes the default list leaves out, until one holds items of the incident. */
    private Future<T> otherModes(Creatable<T> draft, int index, Instant since, ClaimStore claims,
                                 Deadline deadline) {
        if (index == OTHER_MODES.size()) {
            return Future.succeededFuture(null);
        }
        return bounded(draft, draft.listSince(OTHER_MODES.get(index), since), deadline).compose(items ->
                items.isEmpty() ? otherModes(draft, index + 1, since, claims, deadline)
                        : oldestUnclaimed(draft, items, since, claims));
    }

    /**
     * The first attempt's start on incident.io's clock, less the tolerance. The offset measured from the
     * {@code Date} header is a lower bound (the header is cut to the second and written before we read it), so the
     * window can only open early, never late: the tolerance covers the rest.
     */
    Instant windowStart(Instant firstSent) {
        Duration offset = transport.serverClockOffset();
        return firstSent.plus(offset == null ? Duration.ZERO : offset).minus(policy.clockSkewTolerance());
    }

    /**
     * The matching rule: same key, stamped in the window, claimed by no create of this client; the oldest wins. With
     * none, an unclaimed item the draft {@linkplain Creatable#mayBe may be} leaves the outcome {@link NotProven}.
     */
    private Future<T> oldestUnclaimed(Creatable<T> draft, List<T> items, Instant since, ClaimStore claims) {
        List<Candidate<T>> candidates = new ArrayList<>();
        List<String> doubtful = new ArrayList<>();
        for (T item : items) {
            Creatable.Listed listed = draft.listed(item); // once per item: it normalises the description
            if (!inWindow(draft.key(), listed, since)) {
                continue;
            }
            if (sameContent(draft.key(), listed)) {
                candidates.add(new Candidate<>(item, listed));
            } else if (draft.mayBe(listed)) {
                doubtful.add(listed.id());
            }
        }
        if (candidates.isEmpty() && doubtful.isEmpty()) {
            return Future.succeededFuture(null);
        }
        Set<String> ids = new HashSet<>(doubtful);
        candidates.forEach(candidate -> ids.add(candidate.listed().id()));
        return claims.claimedAmong(ids).compose(claimed -> {
            T oldest = candidates.stream()
                    .filter(candidate -> !claimed.contains(candidate.listed().id()))
                    .min(Comparator.comparing((Candidate<T> candidate) -> candidate.listed().stamp())
                            .thenComparing(candidate -> candidate.listed().id()))
                    .map(Candidate::item)
                    .orElse(null);
            String unsure = doubtful.stream().filter(id -> !claimed.contains(id)).findFirst().orElse(null);
            return oldest != null || unsure == null ? Future.succeededFuture(oldest) : Future.failedFuture(
                    new NotProven("nothing matched exactly, but " + unsure + ", written since it was sent, may be it"));
        });
    }

    /** A listed item that matches, with what the matching rule read of it. */
    private record Candidate<T>(T item, Creatable.Listed listed) {
    }

    /** Whether a listed item says what a create of {@code key} sent: its description and assignee. */
    private static boolean sameContent(CreateKey key, Creatable.Listed item) {
        return item.key().description().equals(key.description())
                && Objects.equals(item.key().assigneeId(), key.assigneeId());
    }

    /** Whether a listed item of {@code key}'s incident was stamped in the window (a listing may leave out its incident). */
    private static boolean inWindow(CreateKey key, Creatable.Listed item, Instant since) {
        String incident = item.key().incidentId();
        return item.id() != null && item.stamp() != null && !item.stamp().isBefore(since)
                && (incident == null || incident.equals(key.incidentId()));
    }

    /**
     * A check that found no match but could not prove absence: sending again might double it, and checking again
     * would read the same list. Reported as the unknown outcome it is.
     */
    static final class NotProven extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotProven(String why) {
            super(why, null, false, false);
        }
    }

    /** A step of a call that fails once the deadline has passed. */
    <R> Future<R> bounded(Creatable<T> draft, Future<R> step, Deadline deadline) {
        Promise<R> result = Promise.promise();
        step.onComplete(result);
        return transport.within(result, deadline, () -> new TimeoutException("the call's deadline of "
                + deadline.budget().toMillis() + " ms passed", "GET", draft.request().path(), true, null), () -> { });
    }
}

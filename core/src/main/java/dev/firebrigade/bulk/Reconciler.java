package dev.firebrigade.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.firebrigade.ActionDraft;
import dev.firebrigade.Actions;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.IncidentMode;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settles rows whose create went unanswered, in batches: resolves each row's incident and assignee, lists each
 * incident's actions once, and pairs every row with the oldest matching action (same description and assignee,
 * created no earlier than the row was first sent, less a clock tolerance) that no other row of the journal
 * has claimed. Without an idempotency key at incident.io (API notes §5) this is the only way to learn what happened.
 */
final class Reconciler {
    /** When an incident's default list is empty, it may be a test, tutorial or stream incident: those are listed apart. */
    private static final List<IncidentMode> OTHER_MODES = List.of(IncidentMode.TEST, IncidentMode.TUTORIAL,
            IncidentMode.STREAM);
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** What reconciling one row found. */
    record Result(Pending pending, String actionId, IncidentIoException error) {
        boolean found() {
            return actionId != null;
        }

        boolean checked() {
            return error == null;
        }
    }

    private record Resolved(Pending pending, String incidentId, String assigneeId) {
    }

    private final Actions actions;
    private final Claims claimed;
    private final Duration tolerance;

    /**
     * @param claimed the action IDs already given to rows; a match is added to it
     */
    Reconciler(Actions actions, Claims claimed, Duration tolerance) {
        this.actions = actions;
        this.claimed = claimed;
        this.tolerance = tolerance;
    }

    /** Reconciles {@code pendings}; never fails: a row that could not be checked has an error in its result. */
    Future<List<Result>> reconcile(List<Pending> pendings) {
        List<Future<Object>> resolving = new ArrayList<>();
        for (Pending pending : pendings) {
            resolving.add(resolve(pending).map(r -> (Object) r)
                    .otherwise(error -> new Result(pending, null, asIncidentIo(error))));
        }
        return Future.join(resolving).transform(all -> {
            var results = new ArrayList<Result>();
            var byIncident = new LinkedHashMap<String, List<Resolved>>();
            for (Future<Object> f : resolving) {
                if (f.result() instanceof Result unresolved) {
                    results.add(unresolved);
                } else {
                    Resolved r = (Resolved) f.result();
                    byIncident.computeIfAbsent(r.incidentId(), id -> new ArrayList<>()).add(r);
                }
            }
            return settleIncidents(new ArrayList<>(byIncident.entrySet()), 0, results);
        }).recover(error -> Future.succeededFuture(pendings.stream()
                .map(p -> new Result(p, null, asIncidentIo(error))).toList()));
    }

    /** One incident after the other: each listing can be large, and reconciliation is rare. */
    private Future<List<Result>> settleIncidents(List<Map.Entry<String, List<Resolved>>> incidents, int index,
                                                 List<Result> results) {
        if (index == incidents.size()) {
            return Future.succeededFuture(results);
        }
        var entry = incidents.get(index);
        return settleIncident(entry.getKey(), entry.getValue())
                .map(settled -> {
                    results.addAll(settled);
                    return results;
                })
                .compose(r -> settleIncidents(incidents, index + 1, results));
    }

    private Future<List<Result>> settleIncident(String incidentId, List<Resolved> rows) {
        Instant since = rows.stream().map(r -> r.pending().sentAt()).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(Instant.EPOCH).minus(tolerance);
        Set<String> descriptions = new HashSet<>();
        rows.forEach(r -> descriptions.add(normalised(r.pending().description())));
        return candidates(incidentId, null, since, descriptions, 0)
                .compose(candidates -> {
                    var ids = new HashSet<String>();
                    candidates.forEach(a -> ids.add(a.id()));
                    return claimed.among(ids).map(taken -> match(rows, candidates.stream()
                            .filter(a -> !taken.contains(a.id())).toList()));
                })
                .otherwise(error -> rows.stream()
                        .map(r -> new Result(r.pending(), null, asIncidentIo(error))).toList());
    }

    /**
     * The actions of the incident with one of the rows' descriptions, created since {@code since}. The
     * listing is streamed, so only candidates are held. {@code mode} null is incident.io's default list; if that has
     * no action of the incident (in the window, on v3) at all, the incident may be one the default leaves out, so the
     * other modes follow.
     */
    private Future<List<Action>> candidates(String incidentId, IncidentMode mode, Instant since,
                                            Set<String> descriptions, int nextMode) {
        Promise<List<Action>> done = Promise.promise();
        var found = new ArrayList<Action>();
        long[] seen = {0};
        // On v3 only the window that can hold the rows' actions is listed; v2 can only list the whole incident.
        var query = actions.createdSinceOnIncident(incidentId, since);
        var stream = (mode == null ? query : query.mode(mode)).stream();
        stream.exceptionHandler(done::tryFail);
        stream.endHandler(end -> done.tryComplete(found));
        stream.handler(action -> {
            seen[0]++;
            if (action.id() != null
                    && descriptions.contains(normalised(action.description()))
                    && (action.createdAt() == null || !action.createdAt().isBefore(since))) {
                found.add(action);
            }
        });
        return done.future().compose(list -> seen[0] > 0 || nextMode >= OTHER_MODES.size()
                ? Future.succeededFuture(list)
                : candidates(incidentId, OTHER_MODES.get(nextMode), since, descriptions, nextMode + 1));
    }

    /** Pairs rows (first sent first) with the oldest fitting candidate each; claims what it pairs. */
    private List<Result> match(List<Resolved> rows, List<Action> candidates) {
        var free = new ArrayList<>(candidates);
        free.sort(Comparator.comparing((Action a) -> a.createdAt() == null ? Instant.EPOCH : a.createdAt())
                .thenComparing(Action::id));
        var ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing((Resolved r) -> r.pending().sentAt() == null ? Instant.EPOCH
                : r.pending().sentAt()).thenComparingLong(r -> r.pending().row()));
        var results = new ArrayList<Result>();
        for (Resolved row : ordered) {
            Instant since = row.pending().sentAt() == null ? Instant.EPOCH : row.pending().sentAt().minus(tolerance);
            String description = normalised(row.pending().description());
            Action match = null;
            for (Action candidate : free) {
                if (description.equals(normalised(candidate.description()))
                        && Objects.equals(row.assigneeId(), candidate.assignee() == null ? null : candidate.assignee().id())
                        && (candidate.createdAt() == null || !candidate.createdAt().isBefore(since))) {
                    match = candidate;
                    break;
                }
            }
            if (match != null) {
                free.remove(match);
                claimed.add(match.id());
            }
            results.add(new Result(row.pending(), match == null ? null : match.id(), null));
        }
        return results;
    }

    /** The row's incident ID and assignee ID, through the client's cached resolution of references and emails. */
    private Future<Resolved> resolve(Pending pending) {
        ActionDraft draft = pending.source() != null && pending.source().draft() != null ? pending.source().draft()
                : draftOf(pending);
        return draft.resolvedDryRun().compose(preview -> {
            try {
                JsonNode body = MAPPER.readTree(preview.body());
                JsonNode assignee = body.get("assignee_id");
                return Future.succeededFuture(new Resolved(pending, body.path("incident_id").asText(),
                        assignee == null || assignee.isNull() ? null : assignee.asText()));
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        });
    }

    private ActionDraft draftOf(Pending pending) {
        ActionDraft draft = actions.forIncident(pending.incident()).describe(pending.description());
        return pending.assignee() == null ? draft : draft.assignTo(pending.assignee());
    }

    /** incident.io may trim what it stores; compare what cannot differ. */
    private static String normalised(String description) {
        return description == null ? "" : description.strip();
    }

    /** {@code error} itself, or wrapped when something other than the client failed (a closed client, a bug). */
    static IncidentIoException asIncidentIo(Throwable error) {
        return error instanceof IncidentIoException known ? known
                : new IncidentIoException(0, "unexpected_error", String.valueOf(error), null, null, null, null, error);
    }
}

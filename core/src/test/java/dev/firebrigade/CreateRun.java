package dev.firebrigade;

import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.model.Action;
import dev.firebrigade.sandbox.Sandbox;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many creates with unique descriptions against a sandbox, a bounded number at a time (as a bulk script
 * would), and checks the result against what the sandbox holds: every create either returned its action or
 * reported a failure, nothing was created twice, and nothing appeared that was neither returned nor reported as
 * possibly created.
 */
final class CreateRun {
    /** What one run did, counted from the client's results and the sandbox's state. */
    record Tally(int creates, int succeeded, Map<String, Integer> failures, int actionsStored, int duplicates,
                 int silentlyCreated, int lostSuccesses, int requests, int faults, Duration elapsed,
                 List<String> failureSamples) {

        int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return creates + " creates in " + elapsed.toMillis() + " ms: " + succeeded + " succeeded, " + failed()
                    + " failed and reported " + failures + "; sandbox holds " + actionsStored + " of them, "
                    + duplicates + " duplicated, " + silentlyCreated + " created without being reported, "
                    + lostSuccesses + " reported but missing; " + requests + " requests, " + faults + " faults injected"
                    + (failureSamples.isEmpty() ? "" : "; e.g. " + failureSamples);
        }
    }

    private CreateRun() {
    }

    /**
     * Creates {@code count} actions described {@code prefix-0 … prefix-(count-1)}, spread over {@code incidents},
     * at most {@code concurrency} at a time, and tallies the outcome.
     */
    static Tally run(Sandbox sandbox, IncidentIo client, String prefix, int count, int concurrency,
                     List<String> incidents) {
        int requestsBefore = sandbox.requests().size();
        int faultsBefore = sandbox.faults().triggered();
        Map<String, Object> outcomes = new ConcurrentHashMap<>();
        var next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<Void>> lanes = new ArrayList<>();
        for (int lane = 0; lane < concurrency; lane++) {
            lanes.add(lane(client, prefix, count, incidents, next, outcomes));
        }
        Future.all(lanes).await();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Map<String, List<String>> storedIds = new HashMap<>();
        for (JsonObject action : sandbox.state().actions()) {
            String description = action.getString("description");
            if (description != null && description.startsWith(prefix + "-")) {
                storedIds.computeIfAbsent(description, d -> new ArrayList<>()).add(action.getString("id"));
            }
        }
        int succeeded = 0;
        int lost = 0;
        Map<String, Integer> failures = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        for (var outcome : outcomes.entrySet()) {
            List<String> ids = storedIds.getOrDefault(outcome.getKey(), List.of());
            if (outcome.getValue() instanceof Action action) {
                succeeded++;
                if (!ids.contains(action.id())) {
                    lost++;
                }
            } else {
                failures.merge(outcome.getValue().getClass().getSimpleName(), 1, Integer::sum);
                if (samples.size() < 3) {
                    samples.add(((Throwable) outcome.getValue()).getMessage());
                }
            }
        }
        int duplicates = storedIds.values().stream().mapToInt(ids -> ids.size() - 1).sum();
        // Stored without a success: allowed only where the client said "outcome unknown" (it might have landed).
        int silent = (int) storedIds.keySet().stream()
                .filter(description -> !(outcomes.get(description) instanceof Action)
                        && !(outcomes.get(description) instanceof OutcomeUnknownException))
                .count();
        int stored = storedIds.values().stream().mapToInt(List::size).sum();
        return new Tally(count, succeeded, failures, stored, duplicates, silent, lost,
                sandbox.requests().size() - requestsBefore, sandbox.faults().triggered() - faultsBefore, elapsed, samples);
    }

    private static Future<Void> lane(IncidentIo client, String prefix, int count, List<String> incidents,
                                     AtomicInteger next, Map<String, Object> outcomes) {
        int index = next.getAndIncrement();
        if (index >= count) {
            return Future.succeededFuture();
        }
        String description = prefix + "-" + index;
        Promise<Void> done = Promise.promise();
        client.actions().forIncident(incidents.get(index % incidents.size())).describe(description).create()
                .onComplete(result -> {
                    outcomes.put(description, result.succeeded() ? result.result() : result.cause());
                    lane(client, prefix, count, incidents, next, outcomes).onComplete(done);
                });
        return done.future();
    }
}

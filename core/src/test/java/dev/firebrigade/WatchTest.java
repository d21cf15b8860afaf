package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.RateLimitException;
import dev.firebrigade.error.ServerException;
import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.FollowUp;
import dev.firebrigade.model.FollowUpStatus;
import dev.firebrigade.model.Incident;
import dev.firebrigade.sandbox.RecordedRequest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code watch()} on actions, follow-ups and incidents: changes made by another client arrive once each, in time, through faults, and polling stops. */
@Unthrottled
class WatchTest extends SandboxFixture {
    /** incident.io's timestamp form, six fractional digits. */
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Duration INTERVAL = Duration.ofMillis(300);
    /** Another client: the one making the changes a watch should see. */
    private static IncidentIo other;

    @BeforeAll
    static void otherClient() {
        other = IncidentIo.create(vertx, clientOptions());
    }

    @AfterAll
    static void closeOther() {
        other.close().await();
    }

    /** Watches a test started, closed after it even when it failed, so that none polls into the next test. */
    private static final List<Watch<?>> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeWatches() {
        started.forEach(watch -> watch.close().await());
        started.clear();
    }

    /** What a watch delivered, in order, with when each change arrived. */
    private static final class Seen<T extends Record> {
        final List<Change<T>> changes = new CopyOnWriteArrayList<>();
        final List<Long> arrivals = new CopyOnWriteArrayList<>();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();
        volatile boolean ended;

        Watch<T> attach(Watch<T> watch) {
            started.add(watch);
            watch.exceptionHandler(failures::add).endHandler(ignored -> ended = true).handler(change -> {
                changes.add(change);
                arrivals.add(System.nanoTime());
            });
            return watch;
        }
    }

    @Test
    void seesCreateCompleteEditByAnotherClientWithinTwoPollIntervals() {
        var seen = new Seen<Action>();
        Watch<Action> watch = seen.attach(io.actions().watch().forIncident("INC-2").every(INTERVAL).start());
        await(() -> watch.polls() >= 1);

        long created = System.nanoTime();
        Action action = other.actions().forIncident("INC-2").describe("Call the fire brigade").create().await();
        await(() -> seen.changes.size() >= 1);
        long completed = System.nanoTime();
        other.actions().complete(action.id()).await();
        await(() -> seen.changes.size() >= 2);
        other.actions().edit(action.id()).describe("Call the fire brigade again").apply().await();
        await(() -> seen.changes.size() >= 3);
        watch.close().await();

        assertThat(seen.changes).extracting(Change::kind)
                .containsExactly(Change.Kind.CREATED, Change.Kind.COMPLETED, Change.Kind.UPDATED);
        assertThat(seen.changes).allSatisfy(change -> assertThat(change.item().id()).isEqualTo(action.id()));
        assertThat(seen.changes.get(1).changed()).containsExactly("status", "completedAt");
        assertThat(seen.changes.get(2).changed()).containsExactly("description");
        assertThat(seen.changes.get(2).previous().description()).isEqualTo("Call the fire brigade");
        assertThat(Duration.ofNanos(seen.arrivals.get(0) - created)).isLessThan(INTERVAL.multipliedBy(2));
        assertThat(Duration.ofNanos(seen.arrivals.get(1) - completed)).isLessThan(INTERVAL.multipliedBy(2));
        assertThat(seen.failures).isEmpty();
        // Every poll asked only for what changed since shortly before the previous one began.
        assertThat(actionPolls()).isNotEmpty().allSatisfy(r -> assertThat(r.query()).contains("updated_at%5Bgte%5D="));
    }

    @Test
    void reportsEachOfTenThousandChangesOnce() {
        var seen = new Seen<Action>();
        // A short overlap: the sandbox commits at once, and re-listing minutes of changes would only slow the test.
        Watch<Action> watch = seen.attach(io.actions().watch().forIncident(INCIDENT)
                .every(Duration.ofMillis(100)).overlap(Duration.ofMillis(500)).start());
        await(() -> watch.polls() >= 1);

        // 8,000 actions appear and 2,000 of them are completed, in batches landing between and during polls, stored
        // straight into the sandbox so that the test measures the watch rather than 10,000 API calls.
        var expected = new HashMap<String, List<Change.Kind>>();
        var ids = new ArrayList<String>();
        for (int batch = 0; batch < 16; batch++) {
            for (int i = 0; i < 500; i++) {
                String id = sandbox.state().addAction(new JsonObject().put("incident_id", INCIDENT)
                        .put("description", "change " + batch + "/" + i)).getString("id");
                ids.add(id);
                expected.put(id, new ArrayList<>(List.of(Change.Kind.CREATED)));
            }
            pause(100);
        }
        // Polling sees the latest version only: an action created and completed between two polls is one change.
        // So the completions start once every creation was seen.
        await(() -> seen.changes.size() >= 8_000, Duration.ofMinutes(1));
        for (int batch = 0; batch < 4; batch++) {
            for (int i = batch * 500; i < (batch + 1) * 500; i++) {
                String id = ids.get(i * 4);
                // Stored over the action as PUT would leave it; the API path is covered by the test above.
                sandbox.state().addAction(sandbox.state().action(id).orElseThrow().put("status", "completed")
                        .put("completed_at", MICROS.format(Instant.now())).put("updated_at", MICROS.format(Instant.now())));
                expected.get(id).add(Change.Kind.COMPLETED);
            }
            pause(100);
        }
        long produced = System.nanoTime();
        await(() -> seen.changes.size() >= 10_000, Duration.ofMinutes(1));
        System.out.printf("10,000 changes: the last arrived %d ms after the last was made; %d polls, %d requests%n",
                Duration.ofNanos(System.nanoTime() - produced).toMillis(), watch.polls(), actionPolls().size());
        pause(INTERVAL.toMillis() * 3);
        watch.close().await();

        var reported = new HashMap<String, List<Change.Kind>>();
        for (Change<Action> change : seen.changes) {
            reported.computeIfAbsent(change.item().id(), id -> new ArrayList<>()).add(change.kind());
        }
        assertThat(seen.changes).hasSize(10_000);
        assertThat(reported).isEqualTo(expected);
        assertThat(seen.failures).isEmpty();
    }

    @Test
    void survivesServerErrorsResetsAnd429sAndHonoursRetryAfter() {
        IncidentIo fragile = IncidentIo.create(vertx, clientOptions().setRetryPolicy(RetryPolicy.none()));
        try {
            var seen = new Seen<Action>();
            Watch<Action> watch = seen.attach(fragile.actions().watch().forIncident("INC-2").every(INTERVAL).start());
            await(() -> watch.polls() >= 1);
            sandbox.faults().on("GET", "/v3/actions").status(503).times(2);
            sandbox.faults().on("GET", "/v3/actions").resetBeforeProcessing().times(1);
            sandbox.faults().on("GET", "/v3/actions").tooManyRequests(Duration.ofSeconds(2)).times(1);
            await(() -> sandbox.faults().triggered() == 4);
            long limited = System.nanoTime();

            Action action = other.actions().forIncident("INC-2").describe("After the storm").create().await();
            await(() -> !seen.changes.isEmpty());
            watch.close().await();

            assertThat(seen.failures).hasSize(4);
            assertThat(seen.failures.get(0)).isInstanceOf(ServerException.class);
            assertThat(seen.failures.get(3)).isInstanceOf(RateLimitException.class);
            assertThat(seen.changes).extracting(c -> c.item().id()).containsExactly(action.id());
            // The 429 asked for 2 s: no poll came sooner.
            assertThat(Duration.ofNanos(System.nanoTime() - limited)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            assertThat(seen.ended).isTrue();
        } finally {
            fragile.close().await();
        }
    }

    @Test
    void closeStopsPollingAndEndsTheStream() {
        var seen = new Seen<Action>();
        Watch<Action> watch = seen.attach(io.actions().watch().forIncident("INC-2").every(INTERVAL).start());
        await(() -> watch.polls() >= 2);

        watch.close().await();
        int sent = actionPolls().size();
        pause(INTERVAL.toMillis() * 3);

        assertThat(actionPolls()).hasSize(sent);
        assertThat(seen.ended).isTrue();
        assertThat(watch.done().succeeded()).isTrue();
    }

    @Test
    void idleWatchSpendsOneRequestPerInterval() {
        assertIdleCostIsOneRequestPerInterval(io.actions().watch().forIncident("INC-2"), "/v3/actions");
    }

    @Test
    void pauseStopsPollingUntilResumed() {
        var seen = new Seen<Action>();
        Watch<Action> watch = seen.attach(io.actions().watch().forIncident("INC-2").every(Duration.ofMillis(100)).start());
        await(() -> watch.polls() >= 1);
        watch.pause();
        pause(200);
        int sent = actionPolls().size();
        Action action = other.actions().forIncident("INC-2").describe("While paused").create().await();
        pause(500);
        int whilePaused = actionPolls().size() - sent;
        boolean deliveredWhilePaused = !seen.changes.isEmpty();
        watch.resume();
        await(() -> !seen.changes.isEmpty());
        watch.close().await();

        assertThat(whilePaused).isLessThanOrEqualTo(1);
        assertThat(deliveredWhilePaused).isFalse();
        assertThat(seen.changes).extracting(c -> c.item().id()).containsExactly(action.id());
    }

    @Test
    void sweepsReportDeletions() {
        var seen = new Seen<Action>();
        Action doomed = other.actions().forIncident("INC-2").describe("Soon gone").create().await();
        Watch<Action> watch = seen.attach(io.actions().watch().forIncident("INC-2").every(INTERVAL).sweepEvery(2)
                .start());
        await(() -> watch.polls() >= 1);
        other.actions().delete(doomed.id()).await();
        await(() -> !seen.changes.isEmpty());
        watch.close().await();

        assertThat(seen.changes).hasSize(1);
        assertThat(seen.changes.get(0).kind()).isEqualTo(Change.Kind.DELETED);
        assertThat(seen.changes.get(0).item().id()).isEqualTo(doomed.id());
        // The first poll was a full listing, without a time filter.
        assertThat(actionPolls().get(0).query()).doesNotContain("updated_at");
    }

    @Test
    void anUnknownIncidentEndsTheWatchWithTheReason() {
        var seen = new Seen<Action>();
        Watch<Action> watch = seen.attach(io.actions().watch().forIncident("INC-987654").every(INTERVAL).start());

        assertThatThrownBy(() -> watch.done().await()).isInstanceOf(UnresolvedReferenceException.class);
        long polls = watch.polls();
        pause(INTERVAL.toMillis() * 2);
        assertThat(watch.polls()).isEqualTo(polls);
        assertThat(seen.failures).hasSize(1);
        assertThat(actionPolls()).isEmpty();
    }

    @Test
    void aHandlerThatThrowsEndsTheWatchWithItsException() {
        var failures = new CopyOnWriteArrayList<Throwable>();
        Watch<Action> watch = io.actions().watch().forIncident("INC-2").every(INTERVAL).start();
        started.add(watch);
        watch.exceptionHandler(failures::add).handler(change -> {
            throw new IllegalStateException("the bot fell over");
        });
        await(() -> watch.polls() >= 1);
        other.actions().forIncident("INC-2").describe("Trip the handler").create().await();

        assertThatThrownBy(() -> watch.done().await()).hasMessage("the bot fell over");
        long polls = watch.polls();
        pause(INTERVAL.toMillis() * 2);
        assertThat(watch.polls()).isEqualTo(polls);
        assertThat(failures).extracting(Throwable::getMessage).containsExactly("the bot fell over");
    }

    @Test
    void badSettingsFailBeforeAnythingIsSent() {
        assertThatThrownBy(() -> io.actions().watch().every(Duration.ofMillis(10)).start())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("every(");
        assertThatThrownBy(() -> io.actions().watch().overlap(Duration.ofSeconds(-1)).start())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("overlap(");
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void watchesIncidentsAndReportsClosing() {
        var seen = new Seen<Incident>();
        Watch<Incident> watch = seen.attach(io.incidents().watch().every(INTERVAL).start());
        await(() -> watch.polls() >= 1);
        JsonObject incident = sandbox.state().addIncident(new JsonObject().put("name", "Kitchen fire"));
        await(() -> seen.changes.size() >= 1);
        sandbox.state().addIncident(incident.copy()
                .put("incident_status", sandbox.state().incidentStatus("Closed").orElseThrow())
                .put("updated_at", MICROS.format(Instant.now())));
        await(() -> seen.changes.size() >= 2);
        watch.close().await();

        assertThat(seen.changes).extracting(Change::kind).containsExactly(Change.Kind.CREATED, Change.Kind.COMPLETED);
        assertThat(seen.changes.get(1).changed()).containsExactly("incidentStatus");
        assertThat(seen.changes.get(1).item().name()).isEqualTo("Kitchen fire");
        assertThat(seen.changes.get(1).toString()).startsWith("COMPLETED [incidentStatus] Incident INC-");
    }

    @Test
    void seesAFollowUpCreatedAndCompletedByAnotherClientWithinTwoPollIntervals() {
        var seen = new Seen<FollowUp>();
        Watch<FollowUp> watch = seen.attach(io.followUps().watch().forIncident("INC-2").every(INTERVAL).start());
        await(() -> watch.polls() >= 1);

        long created = System.nanoTime();
        // Not from a link: incident.io backdates those to the creation, so they are first seen as updates.
        FollowUp followUp = other.followUps().forIncident("INC-2").title("Watched from afar").create().await();
        await(() -> seen.changes.size() >= 1);
        long completed = System.nanoTime();
        other.followUps().edit(followUp.id()).status(FollowUpStatus.COMPLETED).apply().await();
        await(() -> seen.changes.size() >= 2);
        watch.close().await();

        assertThat(seen.changes).extracting(Change::kind).containsExactly(Change.Kind.CREATED, Change.Kind.COMPLETED);
        assertThat(seen.changes).allSatisfy(change -> assertThat(change.item().id()).isEqualTo(followUp.id()));
        assertThat(seen.changes.get(1).changed()).contains("status");
        assertThat(seen.changes.get(1).previous().status()).isEqualTo(FollowUpStatus.OUTSTANDING);
        assertThat(Duration.ofNanos(seen.arrivals.get(0) - created)).isLessThan(INTERVAL.multipliedBy(2));
        assertThat(Duration.ofNanos(seen.arrivals.get(1) - completed)).isLessThan(INTERVAL.multipliedBy(2));
        assertThat(seen.failures).isEmpty();
        assertThat(followUpPolls()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.query()).contains("updated_at%5Bgte%5D="));
    }

    @Test
    void aFollowUpFromALinkIsFirstSeenAsAnUpdateBecauseIncidentIoBackdatesIt() {
        var seen = new Seen<FollowUp>();
        Watch<FollowUp> watch = seen.attach(io.followUps().watch().forIncident("INC-2").every(INTERVAL).start());
        await(() -> watch.polls() >= 1);

        FollowUp followUp = other.followUps().createFromLink("INC-2", "https://github.com/acme/api/issues/42").await();
        await(() -> seen.changes.size() >= 1);
        watch.close().await();

        // created_at is the creation, before the watch began: only updated_at shows it is new here.
        assertThat(seen.changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(Change.Kind.UPDATED);
            assertThat(change.item().id()).isEqualTo(followUp.id());
            assertThat(change.previous()).isNull();
        });
    }

    @Test
    void idleFollowUpWatchSpendsOneRequestPerInterval() {
        assertIdleCostIsOneRequestPerInterval(io.followUps().watch().forIncident("INC-2"), "/v3/follow_ups");
    }

    /** Polls {@code path} once per interval and sends nothing else but the one lookup of the incident reference. */
    private static <T extends Record> void assertIdleCostIsOneRequestPerInterval(WatchQuery<T, ?> query, String path) {
        Watch<T> watch = new Seen<T>().attach(query.every(Duration.ofMillis(200)).start());
        long start = System.nanoTime();
        pause(2_000);
        watch.close().await();
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat((long) polls(path).size()).isEqualTo(watch.polls()).isLessThanOrEqualTo(elapsedMillis / 200 + 1)
                .isGreaterThanOrEqualTo(5);
        assertThat(sandbox.requests().stream().filter(r -> !r.path().equals(path))).hasSizeLessThanOrEqualTo(1);
    }

    private static List<RecordedRequest> actionPolls() {
        return polls("/v3/actions");
    }

    private static List<RecordedRequest> followUpPolls() {
        return polls("/v3/follow_ups");
    }

    private static List<RecordedRequest> polls(String path) {
        return sandbox.requests().stream().filter(r -> r.method().equals("GET") && r.path().equals(path)).toList();
    }

    private static void await(BooleanSupplier condition) {
        await(condition, Duration.ofSeconds(30));
    }

    private static void await(BooleanSupplier condition, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for a condition", patience).isLessThan(deadline);
            pause(10);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

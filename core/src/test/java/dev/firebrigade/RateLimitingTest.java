package dev.firebrigade;

import dev.firebrigade.error.TimeoutException;
import dev.firebrigade.model.Action;
import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client's own token bucket, its reading of incident.io's headers, and the bound on requests in flight. */
class RateLimitingTest extends SandboxFixture {
    private static final String ONE_ACTION = "{\"action\":{\"id\":\"A1\"}}";

    @Test
    void theBucketPacesABurstSoTheServerHardlyEverSays429() {
        Sandbox strict = Sandbox.start(vertx, new SandboxOptions().setRateLimitCapacity(5).setRateLimitRefillPerSecond(20))
                .await();
        IncidentIo client = IncidentIo.create(vertx, new IncidentIoOptions().setBaseUrl(strict.baseUrl())
                .setApiKey(strict.apiKey()).setRetryPolicy(FAST_RETRIES).setRateLimit(RateLimitPolicy.of(5, 18)));
        try {
            getMany(client, 5);
            client.vertx().timer(400).await();
            strict.clearRequests();
            long start = System.nanoTime();

            getMany(client, 25);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("20 beyond the burst at 18/s")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1000));
            // Client and server refill in near lockstep, so network jitter can still cost an odd 429 (then retried);
            // without the client's bucket, 20 of the 25 would meet one (next test).
            assertThat(strict.requests()).hasSizeBetween(25, 28);
        } finally {
            client.close().await();
            strict.close().await();
        }
    }

    @Test
    void switchedOffTheClientMeetsTheServersLimitAndHonoursIt() {
        Sandbox strict = Sandbox.start(vertx, new SandboxOptions().setRateLimitCapacity(5).setRateLimitRefillPerSecond(20))
                .await();
        IncidentIo client = IncidentIo.create(vertx, new IncidentIoOptions().setBaseUrl(strict.baseUrl())
                .setApiKey(strict.apiKey()).setRetryPolicy(FAST_RETRIES.withMaxAttempts(10)).setRateLimit(RateLimitPolicy.none()));
        try {
            // Retry-After is 1 s, but a bucket of 5 lets only 5 through per second: 5 rounds of retries.
            assertThat(getMany(client, 25)).hasSize(25);

            assertThat(strict.requests().size()).as("429s were retried after Retry-After").isGreaterThanOrEqualTo(25 + 15);
        } finally {
            client.close().await();
            strict.close().await();
        }
    }

    @Test
    void lowRemainingInTheServersHeadersSlowsTheClientDown() {
        try (var server = ScriptedServer.playing(vertx, request -> request.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("X-RateLimit-Limit", "10, 10;window=1")
                .putHeader("X-RateLimit-Remaining", "0")
                .putHeader("X-RateLimit-Used", "10")
                .putHeader("X-RateLimit-Reset", Long.toString(Instant.now().getEpochSecond() + 2))
                .end(ONE_ACTION))) {
            Duration paced = timeSequential(server, RateLimitPolicy.of(1000, 1000), 11);
            Duration unpaced = timeSequential(server, RateLimitPolicy.of(1000, 1000).withSlowDownBelow(0), 11);

            // The reset is 1 to 2 s away (whole seconds), so the next 10 go at 5 to 10 a second.
            assertThat(paced).as("10 more requests spread until the reset").isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThat(unpaced).isLessThan(Duration.ofMillis(800));
        }
    }

    @Test
    void requestsBeyondTheInFlightBoundWaitTheirTurn() {
        try (var server = ScriptedServer.playing(vertx, request -> vertx.setTimer(100, id ->
                request.response().putHeader("Content-Type", "application/json").end(ONE_ACTION)))) {
            IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl()).setMaxInFlight(3));
            long start = System.nanoTime();
            try {
                assertThat(getMany(client, 12)).hasSize(12);
            } finally {
                client.close().await();
            }
            assertThat(server.mostAtOnce()).isEqualTo(3);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("4 rounds of 100 ms")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(380));
        }
    }

    @Test
    void aQueuedRequestWhoseDeadlinePassesFailsUnsent() {
        try (var server = ScriptedServer.playing(vertx, ScriptedServer.silence())) {
            IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl())
                    .setMaxInFlight(1).setCallTimeout(Duration.ofMillis(300)));
            try {
                List<Future<Action>> calls = List.of(client.actions().get("A1"), client.actions().get("A2"),
                        client.actions().get("A3"));
                List<TimeoutException> errors = calls.stream().map(call -> catchThrowableOfType(TimeoutException.class,
                        call::await)).toList();

                assertThat(errors).extracting(TimeoutException::requestWritten).containsExactly(true, false, false);
                assertThat(errors.get(1).getMessage()).contains("not sent", "maxInFlight");
                assertThat(server.seen()).hasSize(1);
            } finally {
                client.close().await();
            }
        }
    }

    @Test
    void aRateLimitWaitLongerThanTheDeadlineFailsUnsentAtOnce() {
        try (var server = ScriptedServer.playing(vertx, ScriptedServer.answer(200, ONE_ACTION))) {
            IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl())
                    .setRateLimit(RateLimitPolicy.of(1, 0.2)).setCallTimeout(Duration.ofSeconds(2)));
            try {
                assertThat(client.actions().get("A1").await().id()).isEqualTo("A1");
                long start = System.nanoTime();

                var error = catchThrowableOfType(TimeoutException.class, () -> client.actions().get("A1").await());

                assertThat(error.requestWritten()).isFalse();
                assertThat(error.getMessage()).contains("rate limit");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
                assertThat(server.seen()).hasSize(1);
            } finally {
                client.close().await();
            }
        }
    }

    private Duration timeSequential(ScriptedServer server, RateLimitPolicy policy, int calls) {
        IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl()).setRateLimit(policy));
        long start = System.nanoTime();
        try {
            for (int i = 0; i < calls; i++) {
                client.actions().get("A1").await();
            }
            return Duration.ofNanos(System.nanoTime() - start);
        } finally {
            client.close().await();
        }
    }

    private static List<Action> getMany(IncidentIo client, int count) {
        return many(count, i -> client.actions().get(EXAMPLE_ACTION));
    }

    static <T> List<T> many(int count, Function<Integer, Future<T>> call) {
        List<Future<T>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(call.apply(i));
        }
        return Future.all(calls).await().list();
    }
}

package dev.firebrigade;

import dev.firebrigade.error.ConnectionException;
import dev.firebrigade.error.RateLimitException;
import dev.firebrigade.error.ServerException;
import dev.firebrigade.model.Action;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the transport retries, how long it waits, and what it leaves alone. */
class RetriesTest extends SandboxFixture {

    @Test
    void idempotentCallsAreRetriedOnEachTransientServerError() {
        for (int status : new int[]{500, 502, 503, 504}) {
            sandbox.faults().on("GET", "/v3/actions/*").status(status).times(2);
            sandbox.faults().on("PUT", "/v3/actions/*").status(status).times(2);

            Action completed = io.actions().complete(EXAMPLE_ACTION).await();

            assertThat(completed.id()).as("after %d", status).isEqualTo(EXAMPLE_ACTION);
            assertThat(sent("GET")).as("GETs after %d", status).isEqualTo(3);
            assertThat(sent("PUT")).as("PUTs after %d", status).isEqualTo(3);
            calmSandbox();
        }
    }

    @Test
    void deleteIsRetriedAndALostFirstAnswerStillMeansDeleted() {
        String id = io.actions().forIncident(INCIDENT).describe("Delete me").create().await().id();
        sandbox.clearRequests();
        sandbox.faults().on("DELETE", "/v3/actions/*").resetAfterProcessing().times(1);

        io.actions().delete(id).await();

        assertThat(sent("DELETE")).isEqualTo(2);
        assertThat(sandbox.state().action(id)).isEmpty();
    }

    @Test
    void retriesGiveUpAfterMaxAttemptsWithTheLastError() {
        sandbox.faults().on("GET", "/v3/actions/*").status(503);

        var error = catchThrowableOfType(ServerException.class, () -> io.actions().get(EXAMPLE_ACTION).await());

        assertThat(error.status()).isEqualTo(503);
        assertThat(sent("GET")).isEqualTo(FAST_RETRIES.maxAttempts());
    }

    @Test
    void rateLimitedCallWaitsForRetryAfterThenSucceeds() {
        sandbox.faults().on("POST", "/v3/actions").tooManyRequests(Duration.ofSeconds(1)).times(1);
        long start = System.nanoTime();

        Action created = io.actions().forIncident(INCIDENT).describe("After the 429").create().await();

        assertThat(created.description()).isEqualTo("After the 429");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(sent("POST")).as("a 429 was not processed: no reconciliation, the same POST again").isEqualTo(2);
        assertThat(sent("GET")).isZero();
    }

    @Test
    void retryAfterLongerThanTheMaximumFailsAtOnce() {
        sandbox.faults().on("GET", "/v3/actions/*").tooManyRequests(Duration.ofSeconds(30));
        long start = System.nanoTime();

        var error = catchThrowableOfType(RateLimitException.class, () -> io.actions().get(EXAMPLE_ACTION).await());

        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(sent("GET")).isEqualTo(1);
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        String inOneSecond = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        String limited = "{\"type\":\"too_many_requests\",\"status\":429,\"request_id\":\"r1\",\"errors\":[]}";
        try (var server = ScriptedServer.playing(vertx,
                ScriptedServer.answer(429, limited, Map.of("Retry-After", inOneSecond)),
                ScriptedServer.answer(200, "{\"action\":{\"id\":\"A1\"}}"))) {
            IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl()));
            long start = System.nanoTime();
            try {
                assertThat(client.actions().get("A1").await().id()).isEqualTo("A1");
            } finally {
                client.close().await();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(server.seen()).hasSize(2);
        }
    }

    @Test
    void refusedConnectionsAreRetriedForAnyMethodUntilTheServerIsUp() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var created = new AtomicInteger();
        vertx.setTimer(150, id -> vertx.createHttpServer().requestHandler(request -> {
            created.incrementAndGet();
            request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                    .end("{\"action\":{\"id\":\"A1\",\"description\":\"x\"}}");
        }).listen(port, "127.0.0.1"));
        IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl("http://127.0.0.1:" + port)
                .setRetryPolicy(FAST_RETRIES.withMaxAttempts(30).withBackoff(Duration.ofMillis(20), Duration.ofMillis(50))));
        try {
            Action action = client.actions().forIncident(INCIDENT).describe("x").create().await();

            assertThat(action.id()).isEqualTo("A1");
            assertThat(created).hasValue(1);
        } finally {
            client.close().await();
        }
    }

    @Test
    void refusedConnectionFinallyFailsAsNotWritten() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl("http://127.0.0.1:" + port));
        try {
            var error = catchThrowableOfType(ConnectionException.class,
                    () -> client.actions().forIncident(INCIDENT).describe("x").create().await());

            assertThat(error.requestWritten()).isFalse();
        } finally {
            client.close().await();
        }
    }

    @Test
    void backoffWaitsAreTimersThatLeaveTheEventLoopFree() {
        sandbox.faults().on("GET", "/v3/actions/*").status(503).times(3);
        IncidentIo client = IncidentIo.create(vertx, clientOptions()
                .setRetryPolicy(FAST_RETRIES.withBackoff(Duration.ofMillis(100), Duration.ofMillis(100)).withJitter(0)));
        var context = vertx.getOrCreateContext();
        var ticks = new AtomicInteger();
        Promise<Action> done = Promise.promise();
        try {
            context.runOnContext(start -> {
                long ticker = vertx.setPeriodic(10, id -> ticks.incrementAndGet());
                client.actions().get(EXAMPLE_ACTION).onComplete(result -> {
                    vertx.cancelTimer(ticker);
                    done.handle(result);
                });
            });

            assertThat(done.future().await().id()).isEqualTo(EXAMPLE_ACTION);
            assertThat(ticks.get()).as("the same event loop kept ticking during ~300 ms of backoff")
                    .isGreaterThanOrEqualTo(10);
        } finally {
            client.close().await();
        }
    }

    @Test
    void theCallTimeoutBoundsAllAttemptsTogether() {
        sandbox.faults().on("GET", "/v3/actions/*").status(503);
        IncidentIo client = IncidentIo.create(vertx, clientOptions().setCallTimeout(Duration.ofMillis(400))
                .setRetryPolicy(FAST_RETRIES.withMaxAttempts(1000).withBackoff(Duration.ofMillis(50), Duration.ofMillis(50))));
        long start = System.nanoTime();
        try {
            catchThrowableOfType(ServerException.class, () -> client.actions().get(EXAMPLE_ACTION).await());
        } finally {
            client.close().await();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofMillis(1500));
    }

    @Test
    void noneSendsEachRequestOnce() {
        sandbox.faults().on("GET", "/v3/actions/*").status(503).times(1);
        IncidentIo client = IncidentIo.create(vertx, clientOptions().setRetryPolicy(RetryPolicy.none()));
        try {
            catchThrowableOfType(ServerException.class, () -> client.actions().get(EXAMPLE_ACTION).await());
        } finally {
            client.close().await();
        }
        assertThat(sent("GET")).isEqualTo(1);
    }
}

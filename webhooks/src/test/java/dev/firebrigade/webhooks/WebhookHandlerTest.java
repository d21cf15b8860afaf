package dev.firebrigade.webhooks;

import dev.firebrigade.webhooks.WebhookRejectedException.Reason;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The vertx-web handler over loopback HTTP: what it answers, when, and what reaches the listener. */
@Timeout(60)
class WebhookHandlerTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final int MAX_BODY = 64 * 1024;

    private static Vertx vertx;
    private static HttpServer server;
    private static Deliveries deliveries;
    private static Deliveries afterBodyHandler;
    private static final List<WebhookEvent> received = new CopyOnWriteArrayList<>();
    private static final List<Reason> rejected = new CopyOnWriteArrayList<>();
    private static volatile Function<WebhookEvent, Future<?>> behaviour;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        var router = Router.router(vertx);
        WebhookListener listener = event -> {
            received.add(event);
            return behaviour.apply(event);
        };
        router.post("/hooks").handler(handler(listener));
        router.post("/parsed").handler(BodyHandler.create().setBodyLimit(MAX_BODY * 2L));
        router.post("/parsed").handler(handler(listener));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        deliveries = new Deliveries(vertx, server.actualPort(), "/hooks", SECRET);
        afterBodyHandler = new Deliveries(vertx, server.actualPort(), "/parsed", SECRET);
    }

    private static WebhookHandler handler(WebhookListener listener) {
        var options = new WebhookOptions().addSecret(SECRET).setMaxBodyBytes(MAX_BODY).setReplayMemory(50)
                .setListenerTimeout(Duration.ofSeconds(2));
        return IncidentIoWebhooks.handler(options, listener).onRejected(rejection -> rejected.add(rejection.reason()));
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @BeforeEach
    void reset() {
        received.clear();
        rejected.clear();
        behaviour = event -> Future.succeededFuture();
    }

    @Test
    void handsOverATypedEventAndAnswers204() {
        var answer = deliveries.post(deliveries.signed("msg_typed", Deliveries.actionCreated("A1", "Call the fire brigade")),
                Deliveries.actionCreated("A1", "Call the fire brigade"));

        assertThat(answer.status()).isEqualTo(204);
        assertThat(received).singleElement().isInstanceOfSatisfying(ActionEvent.class, event -> {
            assertThat(event.messageId()).isEqualTo("msg_typed");
            assertThat(event.action().id()).isEqualTo("A1");
            assertThat(event.action().description()).isEqualTo("Call the fire brigade");
        });
    }

    @Test
    void answersOnlyOnceTheListenersFutureSucceeded() throws Exception {
        Promise<Void> accepted = Promise.promise();
        behaviour = event -> accepted.future();
        String body = Deliveries.actionCreated("A2", "Check the sprinklers");
        var request = deliveries.open(deliveries.signed("msg_slow", body));
        Future<HttpClientResponse> response = request.send(Buffer.buffer(body));

        Thread.sleep(300);
        assertThat(received).hasSize(1);
        assertThat(response.isComplete()).as("answered before the listener accepted").isFalse();
        accepted.complete();
        assertThat(response.await().statusCode()).isEqualTo(204);
    }

    @Test
    void aFailingListenerGets500AndSvixsRetryIsHandedOverAgain() {
        behaviour = event -> Future.failedFuture(new IllegalStateException("database down"));
        String body = Deliveries.actionCreated("A3", "Roll back");
        long first = Instant.now().getEpochSecond() - 10;

        var failed = deliveries.post(deliveries.signed("msg_retry", first, body), body);
        behaviour = event -> Future.succeededFuture();
        var retried = deliveries.post(deliveries.signed("msg_retry", first + 5, body), body);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).isEmpty();
        assertThat(retried.status()).isEqualTo(204);
        assertThat(received).hasSize(2);
        // A listener that throws instead of failing its future is answered the same way.
        behaviour = event -> {
            throw new IllegalStateException("bug");
        };
        assertThat(deliveries.post(deliveries.signed("msg_throws", body), body).status()).isEqualTo(500);
    }

    @Test
    void aListenerThatNeverAnswersGets503AfterTheTimeoutAndTheRetryReachesItAgain() {
        behaviour = event -> Promise.promise().future();
        String body = Deliveries.actionCreated("A10", "Wait forever");
        long first = Instant.now().getEpochSecond() - 10;

        long started = System.nanoTime();
        var timedOut = deliveries.post(deliveries.signed("msg_hangs", first, body), body);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        behaviour = event -> Future.succeededFuture();
        var retried = deliveries.post(deliveries.signed("msg_hangs", first + 5, body), body);

        assertThat(timedOut.status()).isEqualTo(503);
        assertThat(waitedMillis).isBetween(1_900L, 10_000L);
        assertThat(retried.status()).isEqualTo(204);
        assertThat(received).hasSize(2);
    }

    @Test
    void refusesForgeriesWith400AndNoDetail() {
        String body = Deliveries.actionCreated("A4", "Call the fire brigade");
        MultiMap tampered = deliveries.signed("msg_forged", body);
        MultiMap wrongSecret = Deliveries.signed(WebhookSecret.parse("whsec_c2VjcmV0LW9mLWFub3RoZXItZW5kcG9pbnQ="),
                "msg_other", Instant.now().getEpochSecond(), body);
        MultiMap old = deliveries.signed("msg_old", Instant.now().minusSeconds(301).getEpochSecond(), body);
        MultiMap future = deliveries.signed("msg_future", Instant.now().plusSeconds(301).getEpochSecond(), body);
        MultiMap unsigned = MultiMap.caseInsensitiveMultiMap().addAll(deliveries.signed("msg_unsigned", body))
                .remove("webhook-signature");

        var answers = List.of(
                deliveries.post(tampered, body.replace("Call", "Cancel")),
                deliveries.post(wrongSecret, body),
                deliveries.post(old, body),
                deliveries.post(future, body),
                deliveries.post(unsigned, body));

        assertThat(answers).extracting(Deliveries.Answer::status).containsOnly(400);
        assertThat(answers).extracting(Deliveries.Answer::body).containsOnly("");
        assertThat(received).isEmpty();
        assertThat(rejected).containsExactly(Reason.NO_VALID_SIGNATURE, Reason.NO_VALID_SIGNATURE,
                Reason.TIMESTAMP_TOO_OLD, Reason.TIMESTAMP_IN_FUTURE, Reason.MISSING_HEADERS);
    }

    @Test
    void refusesAReplayButAcknowledgesARetryOfAnAcceptedEventWithoutHandingItOverTwice() {
        String body = Deliveries.actionCreated("A5", "Write the timeline");
        MultiMap original = deliveries.signed("msg_replayed", Instant.now().getEpochSecond() - 20, body);

        var first = deliveries.post(original, body);
        var replay = deliveries.post(original, body);
        var retry = deliveries.post(deliveries.signed("msg_replayed", body), body);

        assertThat(first.status()).isEqualTo(204);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(204);
        assertThat(received).hasSize(1);
        assertThat(rejected).containsExactly(Reason.REPLAYED);
    }

    @Test
    void aRetryWhileTheFirstAttemptIsStillHandledIsAskedToComeBackLater() throws InterruptedException {
        Promise<Void> accepted = Promise.promise();
        behaviour = event -> accepted.future();
        String body = Deliveries.actionCreated("A6", "Page the DBA");
        var first = deliveries.open(deliveries.signed("msg_busy", Instant.now().getEpochSecond() - 5, body))
                .send(Buffer.buffer(body));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        var retry = deliveries.post(deliveries.signed("msg_busy", body), body);
        accepted.complete();

        assertThat(retry.status()).isEqualTo(409);
        assertThat(first.await().statusCode()).isEqualTo(204);
        assertThat(received).hasSize(1);
    }

    @Test
    void remembersABoundedNumberOfMessageIds() {
        String body = Deliveries.actionCreated("A7", "Rotate the keys");
        MultiMap oldest = deliveries.signed("msg_bounded_0", body);
        assertThat(deliveries.post(oldest, body).status()).isEqualTo(204);
        for (int i = 1; i <= 50; i++) {
            assertThat(deliveries.post(deliveries.signed("msg_bounded_" + i, body), body).status()).isEqualTo(204);
        }

        // 50 IDs later (the configured memory) the oldest is forgotten: memory stays bounded, at the price of
        // letting that old delivery through again while its timestamp is still within the tolerance.
        assertThat(deliveries.post(oldest, body).status()).isEqualTo(204);
        assertThat(received).hasSize(52);
    }

    @Test
    void refusesTenMegabytesAnnouncedByContentLengthBeforeReadingAnyOfIt() {
        // A client of its own: the abandoned request leaves its connection unusable, as it should.
        var sender = new Deliveries(vertx, server.actualPort(), "/hooks", SECRET);
        var request = sender.open(sender.signed("msg_huge", "{}"));
        request.putHeader("content-length", Integer.toString(10 * 1024 * 1024));
        request.sendHead().await();

        // Not one byte of the body was written: the answer comes from the headers alone.
        HttpClientResponse response = request.response().await();
        assertThat(response.statusCode()).isEqualTo(413);
        sender.close().await();
        assertThat(received).isEmpty();
        assertThat(rejected).containsExactly(Reason.BODY_TOO_LARGE);
    }

    @Test
    void refusesAStreamedTenMegabyteBodyAsSoonAsItPassesTheBound() throws Exception {
        var sender = new Deliveries(vertx, server.actualPort(), "/hooks", SECRET);
        var request = sender.open(sender.signed("msg_stream", "{}"));
        request.setChunked(true);
        Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
        // 2 MB of the 10 MB: had the handler waited for the whole body, no answer would come.
        for (int i = 0; i < 32; i++) {
            request.write(chunk);
        }

        HttpClientResponse response = request.response().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(413);
        sender.close().await();
        assertThat(received).isEmpty();
    }

    @Test
    void worksAfterABodyHandlerAndStillAppliesItsOwnLimit() {
        String body = Deliveries.actionCreated("A8", "Call the fire brigade");
        String big = Deliveries.actionCreated("A9", "x".repeat(MAX_BODY));

        assertThat(afterBodyHandler.post(afterBodyHandler.signed("msg_parsed", body), body).status()).isEqualTo(204);
        assertThat(afterBodyHandler.post(afterBodyHandler.signed("msg_parsed_big", big), big).status()).isEqualTo(413);
        assertThat(received).hasSize(1);
    }
}

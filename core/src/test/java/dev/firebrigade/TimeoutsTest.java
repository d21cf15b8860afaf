package dev.firebrigade;

import dev.firebrigade.error.ConnectionException;
import dev.firebrigade.error.TimeoutException;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Connect, idle and per-attempt timeouts, each reported with whether the request may have been processed. */
class TimeoutsTest extends SandboxFixture {

    @Test
    void anAnswerThatStopsMidwayHitsTheIdleTimeout() {
        try (var server = ScriptedServer.playing(vertx, request -> request.response()
                .putHeader("Content-Type", "application/json").putHeader("Content-Length", "100")
                .write("{\"action\":"))) {
            IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl())
                    .setRetryPolicy(RetryPolicy.none()).setIdleTimeout(Duration.ofMillis(200)));
            long start = System.nanoTime();
            try {
                var error = catchThrowableOfType(TimeoutException.class, () -> client.actions().get("A1").await());

                assertThat(error.requestWritten()).isTrue();
                assertThat(error.getMessage()).contains("idle timeout", "200 ms");
            } finally {
                client.close().await();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aTrickleNeverIdleStillEndsAtTheRequestTimeout() {
        try (var server = ScriptedServer.playing(vertx, request -> {
            var response = request.response().putHeader("Content-Type", "application/json").setChunked(true);
            long trickle = vertx.setPeriodic(20, id -> response.write(" "));
            response.closeHandler(closed -> vertx.cancelTimer(trickle));
        })) {
            IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl())
                    .setRetryPolicy(RetryPolicy.none()).setIdleTimeout(Duration.ofMillis(200))
                    .setRequestTimeout(Duration.ofMillis(500)));
            long start = System.nanoTime();
            try {
                var error = catchThrowableOfType(TimeoutException.class, () -> client.actions().get("A1").await());

                assertThat(error.requestWritten()).isTrue();
                assertThat(error.getMessage()).contains("within 500 ms");
            } finally {
                client.close().await();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450), Duration.ofSeconds(2));
        }
    }

    @Test
    void aServerThatNeverAcceptsHitsTheConnectTimeoutAndNothingWasSent() throws Exception {
        // A listening socket that never accepts, its backlog filled: the kernel drops further SYNs.
        try (var full = new ServerSocket()) {
            full.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    var filler = new Socket();
                    try {
                        filler.connect(full.getLocalSocketAddress(), 100);
                        fillers.add(filler);
                    } catch (java.io.IOException backlogFull) {
                        filler.close();
                        break;
                    }
                }
                IncidentIo client = IncidentIo.create(vertx, clientOptions()
                        .setBaseUrl("http://127.0.0.1:" + full.getLocalPort()).setRetryPolicy(RetryPolicy.none())
                        .setConnectTimeout(Duration.ofMillis(300)));
                long start = System.nanoTime();
                try {
                    var error = catchThrowableOfType(ConnectionException.class, () -> client.actions().get("A1").await());

                    assertThat(error.requestWritten()).isFalse();
                    assertThat(error).isInstanceOf(TimeoutException.class);
                    assertThat(error.getMessage()).contains("could not connect", "within 300 ms");
                } finally {
                    client.close().await();
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void eachAttemptHasItsOwnTimeoutWithinTheCallsDeadline() {
        try (var server = ScriptedServer.playing(vertx, ScriptedServer.silence(), ScriptedServer.silence(),
                ScriptedServer.answer(200, "{\"action\":{\"id\":\"A1\"}}"))) {
            IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl())
                    .setRequestTimeout(Duration.ofMillis(200)).setCallTimeout(Duration.ofSeconds(5)));
            try {
                assertThat(client.actions().get("A1").await().id()).isEqualTo("A1");
                assertThat(server.seen()).hasSize(3);
            } finally {
                client.close().await();
            }
        }
    }

    @Test
    void aSlowBodyWithinTheTimeoutsIsReadWhole() {
        String json = "{\"action\":{\"id\":\"A1\",\"description\":\"" + "x".repeat(200) + "\"}}";
        try (var server = ScriptedServer.playing(vertx, request -> {
            var response = request.response().putHeader("Content-Type", "application/json")
                    .putHeader("Content-Length", Integer.toString(json.length()));
            var sent = new int[]{0};
            vertx.setPeriodic(5, id -> {
                int to = Math.min(json.length(), sent[0] + 16);
                response.write(Buffer.buffer(json.substring(sent[0], to)));
                sent[0] = to;
                if (to == json.length()) {
                    vertx.cancelTimer(id);
                    response.end();
                }
            });
        })) {
            IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl())
                    .setIdleTimeout(Duration.ofMillis(200)));
            try {
                assertThat(client.actions().get("A1").await().description()).hasSize(200);
                assertThat(server.seen()).hasSize(1);
            } finally {
                client.close().await();
            }
        }
    }
}

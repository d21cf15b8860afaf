package dev.firebrigade.repl;

import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import dev.firebrigade.webhooks.WebhookSecret;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code firebrigade listen}: in this JVM, and as the script's process stopped by Ctrl-C. */
@Timeout(120)
class ListenCommandTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String EVENT = new JsonObject()
            .put("event_type", "public_incident.action_created_v1")
            .put("public_incident.action_created_v1", new JsonObject().put("id", "01ACTION").put("incident_id", "01INC")
                    .put("description", "Call the fire brigade").put("status", "outstanding").put("follow_up", false)
                    .put("created_at", "2026-12-02T04:00:00.000000Z").put("updated_at", "2026-12-02T04:00:00.000000Z"))
            .encode();

    @Test
    void exitsTwoWithOneLineOnBadArguments() {
        var cases = List.of(
                List.of("--port", "nope", "--secret", SECRET),
                List.of("--port", "70000", "--secret", SECRET),
                List.of("--port", "8080"),
                List.of("--secret", "whsec_not base64!"),
                List.of("--secret", SECRET, "--path", "no-slash"),
                List.of("--secret", SECRET, "--verbose"),
                List.of("--secret"));
        for (var args : cases) {
            Run run = listen(args, Map.of(), Future.succeededFuture());
            assertThat(run.code()).as(args.toString()).isEqualTo(2);
            assertThat(run.err().lines()).as(run.all()).hasSize(1).allMatch(line -> line.startsWith("firebrigade listen: "));
            assertThat(run.err()).doesNotContain("Exception", "\tat ", "MfKQ9r8", "not base64!");
        }
    }

    @Test
    void exitsTwoWhenThePortIsTaken() throws IOException {
        try (var taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = listen(List.of("--port", Integer.toString(taken.getLocalPort())), Map.of(ListenCommand.SECRET_ENV, SECRET),
                    Future.succeededFuture());

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("firebrigade listen: cannot listen on");
        }
    }

    @Test
    void printsEachVerifiedEventOnOneLineAndRefusesForgeriesUntilStopped() throws Exception {
        int port = freePort();
        Promise<Void> stop = Promise.promise();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var running = CompletableFuture.supplyAsync(() -> ListenCommand.run(
                List.of("--port", Integer.toString(port), "--path", "/hooks"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(ListenCommand.SECRET_ENV, SECRET), stop.future()));
        await(() -> err.toString(StandardCharsets.UTF_8).contains("Listening on"));

        Vertx vertx = Vertx.vertx();
        try {
            long now = Instant.now().getEpochSecond();
            String signature = WebhookSecret.parse(SECRET).sign("msg_listen", now, EVENT.getBytes(StandardCharsets.UTF_8));
            int genuine = post(vertx, port, "msg_listen", now, signature, EVENT);
            int forged = post(vertx, port, "msg_forged", now, signature, EVENT);
            stop.complete();

            assertThat(genuine).isEqualTo(204);
            assertThat(forged).isEqualTo(400);
            assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo(130);
        } finally {
            vertx.close().await();
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).singleElement().asString()
                .contains("public_incident.action_created_v1 msg_listen", "01ACTION", "\"Call the fire brigade\"");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("verified with the secret from " + ListenCommand.SECRET_ENV)
                .contains("refused: 400 webhook_rejected: no v1 signature matches")
                .contains("Stopped: 1 event, 1 refused.")
                .doesNotContain("MfKQ9r8");
    }

    @Test
    void theScriptReceivesTheSandboxesWebhooksAndCtrlCEndsItWith130() throws Exception {
        int port = freePort();
        var command = new ArrayList<>(List.of("bash", Run.ROOT.resolve("scripts/firebrigade").toString(),
                "listen", "--port", Integer.toString(port)));
        var builder = new ProcessBuilder(command);
        builder.environment().put("FIREBRIGADE_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put(ListenCommand.SECRET_ENV, SECRET);
        Process process = builder.start();
        var out = new StringBuffer();
        var err = new StringBuffer();
        drain(process.getInputStream(), out);
        drain(process.getErrorStream(), err);
        Vertx vertx = Vertx.vertx();
        try {
            await(() -> err.toString().contains("Listening on") || !process.isAlive());
            assertThat(process.isAlive()).as(err.toString()).isTrue();
            var sandbox = Sandbox.start(vertx, new SandboxOptions()
                    .addWebhookEndpoint("http://127.0.0.1:" + port + "/incident-io", SECRET)).await();
            sandbox.state().addAction(new JsonObject().put("incident_id", "01FCNDV6P870EA6S7TK1DSYD5H")
                    .put("description", "Check the sprinklers"));
            await(() -> out.toString().contains("Check the sprinklers"));

            // Ctrl-C is a SIGINT to the JVM (the script exec'd it, so it has the script's PID).
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(err.toString()).isEqualTo(130);
            assertThat(out.toString()).contains("public_incident.action_created_v1 msg_");
            assertThat(err.toString()).contains("Stopped: 1 event, 0 refused.").doesNotContain("MfKQ9r8");
            sandbox.close().await();
        } finally {
            process.destroyForcibly();
            vertx.close().await();
        }
    }

    private static int post(Vertx vertx, int port, String id, long timestamp, String signature, String body) {
        // Held and closed here: Vert.x closes a client nobody references any more, even mid-request.
        var client = vertx.createHttpClient();
        try {
            return client.request(HttpMethod.POST, port, "127.0.0.1", "/hooks")
                    .compose(request -> request.putHeader("webhook-id", id)
                            .putHeader("webhook-timestamp", Long.toString(timestamp))
                            .putHeader("webhook-signature", signature)
                            .send(Buffer.buffer(body)))
                    .map(response -> response.statusCode()).await();
        } finally {
            client.close().await();
        }
    }

    private static Run listen(List<String> args, Map<String, String> env, Future<Void> stop) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = ListenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, stop);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
            Thread.sleep(25);
        }
    }

    private static void drain(InputStream stream, StringBuffer into) {
        var reader = new Thread(() -> {
            try (stream) {
                byte[] buffer = new byte[4096];
                for (int n; (n = stream.read(buffer)) > 0; ) {
                    into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // The process ended.
            }
        }, "drain");
        reader.setDaemon(true);
        reader.start();
    }
}

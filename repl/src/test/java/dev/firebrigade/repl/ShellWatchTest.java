package dev.firebrigade.repl;

import dev.firebrigade.IncidentIo;
import dev.firebrigade.IncidentIoOptions;
import dev.firebrigade.RateLimitPolicy;
import dev.firebrigade.Watch;
import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.model.Action;
import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code watch(...)} in the REPL: one line per change until stopped, then the watch is closed and the call returns. */
class ShellWatchTest {
    private static Vertx vertx;
    private static Sandbox sandbox;
    private static IncidentIo io;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        sandbox = Sandbox.start(vertx, new SandboxOptions()).await();
        io = IncidentIo.create(vertx, new IncidentIoOptions().setBaseUrl(sandbox.baseUrl()).setApiKey(sandbox.apiKey())
                .setRateLimit(RateLimitPolicy.none()));
    }

    @AfterAll
    static void stop() {
        io.close().await();
        sandbox.close().await();
        vertx.close().await();
    }

    @Test
    void printsOneLinePerChangeUntilInterruptedThenStopsPolling() throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        Watch<Action> watch = io.actions().watch().forIncident("INC-2").every(Duration.ofMillis(200)).start();
        var thrown = new AtomicReference<Throwable>();
        Thread snippet = new Thread(() -> {
            try {
                Shell.follow(watch, print(out), print(err));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        snippet.start();
        waitFor(() -> watch.polls() >= 1, () -> text(out) + text(err));
        Action action = io.actions().forIncident("INC-2").describe("Fetch the ladder").create().await();
        waitFor(() -> text(out).contains("CREATED"), () -> text(out) + text(err));
        io.actions().complete(action.id()).await();
        waitFor(() -> text(out).contains("COMPLETED"), () -> text(out) + text(err));

        snippet.interrupt();  // what Ctrl-C amounts to: the snippet's thread is stopped
        snippet.join(2_000);
        int sent = sandbox.requests().size();
        Thread.sleep(600);

        assertThat(snippet.isAlive()).isFalse();
        assertThat(thrown.get()).isNull();
        assertThat(watch.done().succeeded()).isTrue();
        assertThat(sandbox.requests()).hasSize(sent);
        assertThat(text(out).lines().filter(line -> line.contains(action.id())).toList())
                .containsExactly("CREATED Action " + action.id() + " [outstanding] \"Fetch the ladder\" -> unassigned"
                                + " (incident " + action.incidentId() + ")",
                        "COMPLETED [status, completedAt] Action " + action.id() + " [completed] \"Fetch the ladder\""
                                + " -> unassigned (incident " + action.incidentId() + ")");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void aWatchThatCannotGoOnFailsTheSnippet() {
        Watch<Action> watch = io.actions().watch().forIncident("INC-424242").every(Duration.ofMillis(200)).start();

        assertThatThrownBy(() -> Shell.follow(watch, print(new ByteArrayOutputStream()),
                print(new ByteArrayOutputStream()))).isInstanceOf(UnresolvedReferenceException.class);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> shown)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s; printed: %s", shown.get()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}

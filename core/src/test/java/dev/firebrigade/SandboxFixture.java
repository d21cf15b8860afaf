package dev.firebrigade;

import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh sandbox on a free loopback port per test class, with a client pointed at it. When incident.io's spec is
 * available the sandbox checks every request and response against it, and {@link #spec()} says where it is.
 */
abstract class SandboxFixture {
    /** The seed's incident and the spec example's user, Lisa Karlin Curtis. */
    static final String INCIDENT = "01FCNDV6P870EA6S7TK1DSYDG0";
    static final String OTHER_INCIDENT = "01FCNDV6P870EA6S7TK1DSYD5H";
    static final String LISA = "01FCNDV6P870EA6S7TK1DSYDG0";
    /** A seeded action reproducing the spec's example, with every creator member set. */
    static final String EXAMPLE_ACTION = "01FCNDV6P870EA6S7TK1DSYDG1";

    static Vertx vertx;
    static Sandbox sandbox;
    static IncidentIo io;

    /** Whether this class's sandbox and client run without rate limits ({@link Unthrottled}). */
    static boolean unthrottled;

    @BeforeAll
    static void startSandbox(TestInfo test) {
        unthrottled = test.getTestClass().map(c -> c.isAnnotationPresent(Unthrottled.class)).orElse(false);
        vertx = Vertx.vertx();
        var options = new SandboxOptions().setRateLimitEnabled(!unthrottled);
        spec().ifPresent(options::setContractSpec);
        sandbox = Sandbox.start(vertx, options).await();
        io = IncidentIo.create(vertx, clientOptions());
    }

    /** Every test starts with no faults and no recorded requests, and leaves no faults behind. */
    @BeforeEach
    @AfterEach
    void calmSandbox() {
        sandbox.faults().clear();
        sandbox.clearRequests();
    }

    @AfterAll
    static void stopSandbox() {
        // Every request this class made, and every answer, agreed with incident.io's spec.
        assertThat(sandbox.contractViolations()).isEmpty();
        io.close().await();
        sandbox.close().await();
        vertx.close().await();
    }

    static IncidentIoOptions clientOptions() {
        var options = new IncidentIoOptions().setBaseUrl(sandbox.baseUrl()).setApiKey(sandbox.apiKey())
                .setRetryPolicy(FAST_RETRIES);
        return unthrottled ? options.setRateLimit(RateLimitPolicy.none()) : options;
    }

    /** The default policy with waits cut to milliseconds, so that retries do not slow the suite down. */
    static final RetryPolicy FAST_RETRIES = RetryPolicy.defaults()
            .withBackoff(Duration.ofMillis(5), Duration.ofMillis(40))
            .withMaxRetryAfter(Duration.ofSeconds(2))
            .withReconcileDelay(Duration.ofMillis(20));

    /** incident.io's OpenAPI spec, read from ../shared where this workspace keeps it (never copied here). */
    static java.util.Optional<Path> spec() {
        String configured = System.getProperty("firebrigade.spec");
        return configured == null ? java.util.Optional.empty()
                : java.util.Optional.of(Path.of(configured)).filter(Files::isRegularFile);
    }

    /** Skips the calling test, saying why, when incident.io's spec is not available (a clone without ../shared). */
    static void assumeSpec() {
        org.junit.jupiter.api.Assumptions.assumeTrue(spec().isPresent(), "incident.io's openapi.json is not at"
                + " -Dfirebrigade.spec (" + System.getProperty("firebrigade.spec") + "): this test needs it, skipped");
    }

    /** How many requests with {@code method} the sandbox received since its requests were last cleared. */
    static long sent(String method) {
        return sandbox.requests().stream().filter(r -> r.method().equals(method)).count();
    }
}

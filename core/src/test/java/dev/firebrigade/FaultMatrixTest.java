package dev.firebrigade;

import dev.firebrigade.sandbox.DemoData;
import dev.firebrigade.sandbox.FaultRule;
import dev.firebrigade.sandbox.FaultTarget;
import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each kind of fault the sandbox can inject, 200 creates, with a quarter of the requests on {@code /v3/actions}
 * (creates and the listings that reconcile them) hit by it, end with exactly 200 actions: none lost, none doubled,
 * none failed. The sandbox's own rate limit is off here (the 429 kind covers 429s), so that only faults are tested.
 */
class FaultMatrixTest {
    static final List<String> INCIDENTS = List.of(DemoData.INCIDENT_1, DemoData.INCIDENT_2,
            DemoData.INCIDENT_5_RETROSPECTIVE, DemoData.INCIDENT_4_TEST);
    private static final double SHARE = 0.25;
    private static final int CREATES = 200;

    /** Every kind of fault, as applied to a request; the latency outlasts the client's request timeout. */
    enum Fault {
        LATENCY(on -> on.latency(Duration.ofMillis(1500))),
        STATUS_429(on -> on.status(429)),
        STATUS_500(on -> on.status(500)),
        STATUS_502(on -> on.status(502)),
        STATUS_503(on -> on.status(503)),
        STATUS_504(on -> on.status(504)),
        RESET_BEFORE_PROCESSING(FaultTarget::resetBeforeProcessing),
        RESET_AFTER_PROCESSING(FaultTarget::resetAfterProcessing),
        SLOW_BODY(FaultTarget::slowBody),
        TRUNCATED_BODY(FaultTarget::truncatedBody),
        NON_JSON_BODY(FaultTarget::nonJsonBody);

        final Function<FaultTarget, FaultRule> apply;

        Fault(Function<FaultTarget, FaultRule> apply) {
            this.apply = apply;
        }
    }

    static Vertx vertx;
    static Sandbox sandbox;
    static IncidentIo io;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        sandbox = Sandbox.start(vertx, new SandboxOptions().setRateLimitEnabled(false)).await();
        io = IncidentIo.create(vertx, underFaults(sandbox));
    }

    @AfterAll
    static void stop() {
        io.close().await();
        sandbox.close().await();
        vertx.close().await();
    }

    /**
     * The client as a bulk script under heavy faults would configure it: more attempts than the default, since a
     * quarter (or more) of all requests fail, and millisecond backoffs so that the suite stays fast.
     */
    static IncidentIoOptions underFaults(Sandbox sandbox) {
        return new IncidentIoOptions().setBaseUrl(sandbox.baseUrl()).setApiKey(sandbox.apiKey())
                .setRequestTimeout(Duration.ofSeconds(1))
                .setIdleTimeout(Duration.ofMillis(500))
                .setRateLimit(RateLimitPolicy.none())
                .setRetryPolicy(RetryPolicy.defaults()
                        .withMaxAttempts(12)
                        .withCreateAttempts(12)
                        .withBackoff(Duration.ofMillis(5), Duration.ofMillis(50))
                        .withMaxRetryAfter(Duration.ofSeconds(2))
                        .withReconcileDelay(Duration.ofMillis(20)));
    }

    @BeforeEach
    void calm() {
        sandbox.faults().clear().seed(42);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void twoHundredCreatesEndWithTwoHundredActions(Fault fault) {
        FaultRule rule = fault.apply.apply(sandbox.faults().on("*", "/v3/actions")).probability(SHARE);

        CreateRun.Tally tally = CreateRun.run(sandbox, io, "matrix-" + fault, CREATES, 32, INCIDENTS);

        System.out.println("[fault matrix] " + fault + ": " + tally);
        assertThat(rule.triggered()).as("the fault struck").isGreaterThan(CREATES / 10);
        assertThat(tally.duplicates()).as("duplicates: %s", tally).isZero();
        assertThat(tally.silentlyCreated()).as("created without a report: %s", tally).isZero();
        assertThat(tally.lostSuccesses()).as("returned but not stored: %s", tally).isZero();
        assertThat(tally.failed()).as("failures: %s", tally).isZero();
        assertThat(tally.actionsStored()).isEqualTo(CREATES);
    }
}

package dev.firebrigade;

import dev.firebrigade.bulk.BulkReport;
import dev.firebrigade.error.ActionsApiRemovedException;
import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.sandbox.DemoData;
import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** After incident.io removed /v2/actions, a v2 client is told so and how to switch, once, with no retry or reconciling. */
class ActionsV2RemovedTest {
    @ParameterizedTest
    @ValueSource(ints = {404, 410})
    void everyCallSaysV2IsGoneAndHowToSwitch(int status) {
        onV2(new SandboxOptions().setActionsV2RemovedStatus(status), (sandbox, v2) -> {
            int before = sandbox.state().actionCount();
            var create = removed(v2.actions().forIncident(DemoData.INCIDENT_1).describe("After the removal").create());
            assertThat(requests(sandbox)).containsExactly("POST /v2/actions");
            sandbox.clearRequests();

            var list = removed(v2.actions().list().forIncident(DemoData.INCIDENT_1).fetch());
            var complete = removed(v2.actions().complete(DemoData.ACTION_OUTSTANDING));
            var delete = removed(v2.actions().delete(DemoData.ACTION_OUTSTANDING));

            for (var error : List.of(create, list, complete, delete)) {
                assertThat(error.status()).isEqualTo(status);
                assertThat(error.getMessage()).contains("incident.io no longer serves the v2 actions API (/v2/actions was"
                        + " deprecated and removed on 2026-12-31); nothing was retried. Switch to v3: unset"
                        + " INCIDENT_IO_ACTIONS_API or set it to v3, or call setActionsApi(ActionsApi.V3) on"
                        + " IncidentIoOptions").contains("request_id");
                assertThat(error.requestId()).isNotBlank();
            }
            // A 404 about one action is checked on v3 before it is blamed on the removal; a 410 needs no check.
            assertThat(requests(sandbox)).containsExactlyElementsOf(status == 404
                    ? List.of("GET /v2/actions", "GET /v2/actions/{id}", "GET /v3/actions/{id}", "DELETE /v2/actions/{id}",
                    "GET /v3/actions/{id}")
                    : List.of("GET /v2/actions", "GET /v2/actions/{id}", "DELETE /v2/actions/{id}"));
            assertThat(sandbox.state().actionCount()).isEqualTo(before);
            assertThat(sandbox.contractViolations()).isEmpty();
        });
    }

    @Test
    void aMissingActionIsStillNotFoundAndABulkStopsAtTheFirstRemovedAnswer() {
        onV2(new SandboxOptions().setActionsV2RemovedStatus(404), (sandbox, v2) -> {
            var missing = catchThrowableOfType(NotFoundException.class, () -> v2.actions().get("01NOSUCHACTION").await());
            assertThat(missing).isNotInstanceOf(ActionsApiRemovedException.class);

            var drafts = IntStream.range(0, 200).mapToObj(i -> v2.actions().forIncident(DemoData.INCIDENT_1)
                    .describe("Row " + i)).toList();
            BulkReport report = v2.actions().bulk(drafts).concurrency(4).run().await();

            assertThat(report.ending()).isEqualTo(BulkReport.Ending.ABORTED);
            assertThat(report.abortCause()).isInstanceOf(ActionsApiRemovedException.class);
            assertThat(report.created()).isZero();
            assertThat(sandbox.requests().stream().filter(r -> r.method().equals("POST")).count()).isLessThan(20);
        });
    }

    @Test
    void aRemovalMetWhileCheckingALostCreateEndsTheCheckAtOnce() {
        onV2(new SandboxOptions(), (sandbox, v2) -> {
            sandbox.faults().on("POST", "/v2/actions").status(503).times(1);
            sandbox.faults().on("GET", "/v2/actions").status(410);

            var error = removed(v2.actions().forIncident(DemoData.INCIDENT_1).describe("Lost, then gone").create());

            assertThat(error.getSuppressed()).singleElement().isInstanceOf(OutcomeUnknownException.class);
            assertThat(requests(sandbox)).containsExactly("POST /v2/actions", "GET /v2/actions");
        });
    }

    /** Runs {@code test} against a sandbox started with {@code options} (checked against the spec when there is one). */
    private static void onV2(SandboxOptions options, BiConsumer<Sandbox, IncidentIo> test) {
        Vertx vertx = Vertx.vertx();
        SandboxFixture.spec().ifPresent(options::setContractSpec);
        Sandbox sandbox = Sandbox.start(vertx, options).await();
        IncidentIo v2 = IncidentIo.create(vertx, new IncidentIoOptions().setBaseUrl(sandbox.baseUrl())
                .setApiKey(sandbox.apiKey()).setRetryPolicy(SandboxFixture.FAST_RETRIES).setActionsApi(ActionsApi.V2));
        try {
            test.accept(sandbox, v2);
        } finally {
            v2.close().await();
            sandbox.close().await();
            vertx.close().await();
        }
    }

    private static ActionsApiRemovedException removed(io.vertx.core.Future<?> call) {
        return catchThrowableOfType(ActionsApiRemovedException.class, call::await);
    }

    private static List<String> requests(Sandbox sandbox) {
        return sandbox.requests().stream()
                .map(r -> r.method() + " " + r.path().replaceAll("/actions/[^/]+$", "/actions/{id}")).toList();
    }
}

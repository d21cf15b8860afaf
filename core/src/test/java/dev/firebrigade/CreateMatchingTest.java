package dev.firebrigade;

import dev.firebrigade.bulk.BulkReport;
import dev.firebrigade.bulk.RowOutcome;
import dev.firebrigade.model.Action;
import dev.firebrigade.sandbox.DemoData;
import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One matching rule for a create whose answer was lost, whichever way it was sent: every case runs through a single
 * {@code create()} (which settles the lost answer itself) and through a bulk (whose client does not, so the bulk's
 * own settling decides), against a sandbox that stores descriptions with LF line ends, and expects the same answer.
 */
class CreateMatchingTest {
    private static final String INCIDENT = DemoData.INCIDENT_1;

    /** The two ways to create; each returns the IDs it reports, one per draft, the drafts sent together. */
    enum Route {
        CREATE {
            @Override
            List<String> create(IncidentIo via, List<ActionDraft> drafts) {
                List<Future<Action>> sent = drafts.stream().map(ActionDraft::create).toList();
                return sent.stream().map(created -> created.await().id()).toList();
            }
        },
        BULK {
            @Override
            List<String> create(IncidentIo via, List<ActionDraft> drafts) {
                BulkReport report = via.actions().bulk(drafts).concurrency(drafts.size())
                        .reconcileUnknown(2, Duration.ofMillis(20)).run().await();
                assertThat(report.created()).as(report.summary()).isEqualTo(drafts.size());
                return report.outcomes().stream().map(RowOutcome::id).toList();
            }
        };

        /** Creates {@code drafts}, made by {@code via}, the way of this route. */
        abstract List<String> create(IncidentIo via, List<ActionDraft> drafts);

        List<String> create(List<ActionDraft> drafts) {
            return create(client(), drafts);
        }

        /** The client this route sends through. */
        IncidentIo client() {
            return this == CREATE ? safe : bare;
        }

        /** The same with the default clock tolerance, so that creates sent together fall in each other's windows. */
        IncidentIo tolerantClient() {
            return this == CREATE ? safeTolerant : bareTolerant;
        }
    }

    static Vertx vertx;
    static Sandbox sandbox;
    /** Retries and settles its own lost creates, with no clock tolerance so the window's edge is testable. */
    static IncidentIo safe;
    /** Neither retries nor settles: a lost create is left to the bulk. */
    static IncidentIo bare;
    /** {@link #safe} and {@link #bare} with the default clock tolerance. */
    static IncidentIo safeTolerant;
    static IncidentIo bareTolerant;
    /** Another client: what it created is no create of {@link #safe}'s or {@link #bare}'s. */
    static IncidentIo stranger;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        var options = new SandboxOptions().setRateLimitEnabled(false).setNormaliseLineEnds(true);
        SandboxFixture.spec().ifPresent(options::setContractSpec);
        sandbox = Sandbox.start(vertx, options).await();
        var client = new IncidentIoOptions().setBaseUrl(sandbox.baseUrl()).setApiKey(sandbox.apiKey())
                .setRateLimit(RateLimitPolicy.none());
        safe = IncidentIo.create(vertx, new IncidentIoOptions(client)
                .setRetryPolicy(SandboxFixture.FAST_RETRIES.withClockSkewTolerance(Duration.ZERO)));
        bare = IncidentIo.create(vertx, new IncidentIoOptions(client)
                .setRetryPolicy(RetryPolicy.none().withClockSkewTolerance(Duration.ZERO)));
        safeTolerant = IncidentIo.create(vertx, new IncidentIoOptions(client).setRetryPolicy(SandboxFixture.FAST_RETRIES));
        bareTolerant = IncidentIo.create(vertx, new IncidentIoOptions(client).setRetryPolicy(RetryPolicy.none()));
        stranger = IncidentIo.create(vertx, new IncidentIoOptions(client));
    }

    @AfterEach
    void calm() {
        sandbox.faults().clear();
    }

    @AfterAll
    static void stop() {
        assertThat(sandbox.contractViolations()).isEmpty();
        safe.close().await();
        bare.close().await();
        safeTolerant.close().await();
        bareTolerant.close().await();
        stranger.close().await();
        sandbox.close().await();
        vertx.close().await();
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void aDescriptionWithCrlfOrCrStoredWithLfIsFoundNotSentTwice(Route route) {
        for (String lineEnd : List.of("\r\n", "\r")) {
            String name = lineEnd.length() == 2 ? "CRLF" : "CR";
            String description = route + " " + name + ": call the fire brigade" + lineEnd + "then the police";
            sandbox.faults().on("POST", "/v3/actions").resetAfterProcessing().times(1);

            List<String> ids = route.create(List.of(draft(route, INCIDENT, description)));

            assertThat(storedIds(description)).as(name)
                    .containsExactlyElementsOf(ids).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void aTestIncidentsActionIsFoundThroughItsMode(Route route) {
        String description = route + ": on the drill incident";
        sandbox.faults().on("POST", "/v3/actions").resetAfterProcessing().times(1);

        List<String> ids = route.create(List.of(draft(route, DemoData.INCIDENT_4_TEST, description)));

        assertThat(storedIds(description)).containsExactlyElementsOf(ids).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void anIdenticalActionFromBeforeTheWindowIsNotTakenForTheLostOne(Route route) throws InterruptedException {
        String description = route + ": created earlier by someone else";
        // Identical in every field the rule compares, the assignee included: only the window tells them apart.
        String earlier = stranger.actions().forIncident(INCIDENT).describe(description).assignTo(DemoData.USER_LISA)
                .create().await().id();
        // Past the Date header's one-second resolution: the window (tolerance 0) opens after it.
        Thread.sleep(1600);
        sandbox.faults().on("POST", "/v3/actions").resetBeforeProcessing().times(1);

        List<String> ids = route.create(List.of(draft(route, INCIDENT, description)));

        assertThat(ids).doesNotContain(earlier);
        assertThat(storedIds(description)).containsExactlyInAnyOrder(earlier, ids.get(0));
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void twoIdenticalDraftsBothLostStayTwoActions(Route route) {
        String description = route + ": asked for twice on purpose";
        sandbox.faults().on("POST", "/v3/actions").resetAfterProcessing().times(2);
        // Sent together, each lands in the other's window: only the claims keep them apart.
        ActionDraft draft = route.tolerantClient().actions().forIncident(INCIDENT).describe(description)
                .assignTo(DemoData.USER_LISA);

        List<String> ids = route.create(route.tolerantClient(), List.of(draft, draft));

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(storedIds(description)).containsExactlyInAnyOrderElementsOf(ids).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void aStandardIncidentWithOtherActionsInTheWindowIsNotSearchedInOtherModes(Route route) {
        // Someone else's action in any window: the default list holds the incident, so it is no test incident.
        sandbox.state().addAction(new JsonObject().put("incident_id", DemoData.INCIDENT_2)
                .put("description", route + ": someone else's").put("created_at", Instant.now().plus(Duration.ofHours(1))
                        .truncatedTo(ChronoUnit.MICROS).toString()));
        String description = route + ": never processed";
        sandbox.faults().on("POST", "/v3/actions").resetBeforeProcessing().times(1);
        sandbox.clearRequests();

        List<String> ids = route.create(List.of(draft(route, DemoData.INCIDENT_2, description)));

        assertThat(storedIds(description)).containsExactlyElementsOf(ids).hasSize(1);
        assertThat(sandbox.requests()).filteredOn(r -> r.method().equals("GET") && r.path().equals("/v3/actions"))
                .isNotEmpty().noneMatch(r -> r.query().contains("incident_mode"));
    }

    @Test
    void aCsvWithCrlfInsideAQuotedDescriptionLandsOnceThroughFaults() throws IOException {
        Path csv = dir.resolve("crlf.csv");
        Files.writeString(csv, "incident,description,assignee\r\n" + INCIDENT + ",\"from a CSV\r\nsecond line\","
                + DemoData.USER_LISA + "\r\n", StandardCharsets.UTF_8);
        sandbox.faults().on("POST", "/v3/actions").resetAfterProcessing().times(1);

        BulkReport report = bare.actions().bulk(csv).journal(dir.resolve("crlf.journal"))
                .reconcileUnknown(2, Duration.ofMillis(20)).run().await();

        assertThat(report.created()).as(report.summary()).isEqualTo(1);
        assertThat(report.reconciled()).isEqualTo(1);
        assertThat(storedIds("from a CSV\nsecond line")).containsExactly(report.outcomes().get(0).id());
    }

    private static ActionDraft draft(Route route, String incident, String description) {
        return route.client().actions().forIncident(incident).describe(description).assignTo(DemoData.USER_LISA);
    }

    /** The IDs of the sandbox's actions with this description, as a server storing LF line ends keeps it. */
    private static List<String> storedIds(String description) {
        String stored = description.replace("\r\n", "\n").replace('\r', '\n');
        return sandbox.state().actions().stream().filter(a -> stored.equals(a.getString("description")))
                .map(a -> a.getString("id")).toList();
    }
}

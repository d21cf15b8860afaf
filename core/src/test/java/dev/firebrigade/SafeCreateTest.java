package dev.firebrigade;

import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.error.ValidationException;
import dev.firebrigade.model.Action;
import dev.firebrigade.sandbox.DemoData;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A create whose answer is lost is found, or sent again once proven absent, or reported unknown; never doubled. */
class SafeCreateTest extends SandboxFixture {
    /** The sandbox's test-mode incident, whose actions the default list leaves out. */
    private static final String TEST_INCIDENT = DemoData.INCIDENT_4_TEST;

    @Test
    void aCreateProcessedButNeverAnsweredIsFoundNotDoubled() {
        sandbox.faults().on("POST", "/v3/actions").resetAfterProcessing().times(1);

        Action action = io.actions().forIncident(INCIDENT).describe("Reset after processing").assignTo(LISA).create().await();

        assertThat(action.description()).isEqualTo("Reset after processing");
        assertThat(action.assignee().id()).isEqualTo(LISA);
        assertThat(stored("Reset after processing")).extracting(a -> a.getString("id")).containsExactly(action.id());
        assertThat(sent("POST")).isEqualTo(1);
    }

    @Test
    void aCreateIsNotSentAgainBlindlyAfterA5xx() {
        sandbox.faults().on("POST", "/v3/actions").status(500).times(1);

        io.actions().forIncident(INCIDENT).describe("Checked before sent again").create().await();

        List<String> calls = sandbox.requests().stream().map(r -> r.method() + " " + r.path()).toList();
        assertThat(calls.subList(0, 2)).containsExactly("POST /v3/actions", "GET /v3/actions");
        assertThat(calls).last().isEqualTo("POST /v3/actions");
    }

    @Test
    void aCreateNeverProcessedIsSentAgainAfterCheckingItIsAbsent() {
        sandbox.faults().on("POST", "/v3/actions").resetBeforeProcessing().times(1);

        Action action = io.actions().forIncident(INCIDENT).describe("Reset before processing").create().await();

        assertThat(stored("Reset before processing")).extracting(a -> a.getString("id")).containsExactly(action.id());
        // The other modes are listed only when the default list holds nothing of the incident in the window.
        assertThat(calls()).startsWith("POST /v3/actions", "GET /v3/actions").endsWith("POST /v3/actions")
                .filteredOn(call -> call.startsWith("POST")).hasSize(2);
    }

    @Test
    void everyUnknownKindIsReconciled() {
        sandbox.faults().on("POST", "/v3/actions").status(502).times(1);
        sandbox.faults().on("POST", "/v3/actions").truncatedBody().times(1);
        sandbox.faults().on("POST", "/v3/actions").nonJsonBody().times(1);

        for (String description : List.of("after a 502", "after a truncated body", "after a proxy page")) {
            Action action = io.actions().forIncident(INCIDENT).describe(description).create().await();

            assertThat(stored(description)).extracting(a -> a.getString("id")).containsExactly(action.id());
        }
    }

    @Test
    void aTestIncidentsActionIsFoundThroughItsMode() {
        sandbox.faults().on("POST", "/v3/actions").resetAfterProcessing().times(1);

        Action action = io.actions().forIncident(TEST_INCIDENT).describe("On the drill incident").create().await();

        assertThat(stored("On the drill incident")).extracting(a -> a.getString("id")).containsExactly(action.id());
        assertThat(sandbox.requests()).anySatisfy(r -> assertThat(r.query()).contains("incident_mode=test"));
    }

    @Test
    void onActionsV3TheSameReconciliationPagesThroughTheList() {
        sandbox.faults().on("POST", "/v3/actions").resetAfterProcessing().times(1);
        IncidentIo v3 = IncidentIo.create(vertx, clientOptions().setActionsApi(ActionsApi.V3));
        try {
            Action action = v3.actions().forIncident(INCIDENT).describe("Reset on v3").create().await();

            assertThat(stored("Reset on v3")).extracting(a -> a.getString("id")).containsExactly(action.id());
            assertThat(calls()).containsExactly("POST /v3/actions", "GET /v3/actions");
        } finally {
            v3.close().await();
        }
    }

    @Test
    void anIdenticalActionFromBeforeTheAttemptIsNotTakenForOurs() {
        var old = sandbox.state().addAction(new JsonObject().put("incident_id", INCIDENT)
                .put("description", "Already there").put("created_at", "2021-08-17T13:28:57.801578Z"));
        sandbox.faults().on("POST", "/v3/actions").resetBeforeProcessing().times(1);

        Action action = io.actions().forIncident(INCIDENT).describe("Already there").create().await();

        assertThat(action.id()).isNotEqualTo(old.getString("id"));
        assertThat(stored("Already there")).hasSize(2);
    }

    @Test
    void identicalDraftsCreatedConcurrentlyStayDistinct() {
        sandbox.faults().seed(7);
        sandbox.faults().on("POST", "/v3/actions").resetAfterProcessing().probability(0.3);
        sandbox.faults().on("POST", "/v3/actions").resetBeforeProcessing().probability(0.2);
        var draft = io.actions().forIncident(INCIDENT).describe("Identical on purpose").assignTo(LISA);

        List<Future<Action>> creates = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            creates.add(draft.create());
        }
        List<String> ids = Future.all(creates).await().<Action>list().stream().map(Action::id).toList();

        assertThat(sandbox.faults().triggered()).isGreaterThan(5);
        assertThat(ids).doesNotHaveDuplicates().hasSize(30);
        assertThat(stored("Identical on purpose")).extracting(a -> a.getString("id")).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void whenTheCheckFailsTooTheOutcomeIsReportedUnknownWithTheDraft() {
        sandbox.faults().on("POST", "/v3/actions").resetAfterProcessing().times(1);
        sandbox.faults().on("GET", "/v3/actions").status(503);

        var error = catchThrowableOfType(OutcomeUnknownException.class,
                () -> io.actions().forIncident(INCIDENT).describe("Nobody knows").assignTo(LISA).create().await());

        assertThat(error.incidentId()).isEqualTo(INCIDENT);
        assertThat(error.description()).isEqualTo("Nobody knows");
        assertThat(error.assigneeId()).isEqualTo(LISA);
        assertThat(error.attempts()).isEqualTo(1);
        assertThat(error.type()).isEqualTo("outcome_unknown");
        assertThat(error.getMessage()).contains("listing the incident's actions to check failed 3 times", INCIDENT,
                "\"Nobody knows\"");
        assertThat(error.getCause()).isInstanceOf(dev.firebrigade.error.ConnectionException.class);
        assertThat(error.getSuppressed()).isNotEmpty();
        assertThat(stored("Nobody knows")).as("it did land: unknown was the honest answer").hasSize(1);
    }

    @Test
    void createAttemptsAreBoundedThenReportedUnknown() {
        sandbox.faults().on("POST", "/v3/actions").status(503);

        var error = catchThrowableOfType(OutcomeUnknownException.class,
                () -> io.actions().forIncident(INCIDENT).describe("Never lands").create().await());

        assertThat(error.attempts()).isEqualTo(FAST_RETRIES.createAttempts());
        assertThat(sent("POST")).isEqualTo(FAST_RETRIES.createAttempts());
        assertThat(stored("Never lands")).isEmpty();
    }

    @Test
    void aRejectedCreateIsReportedAsItIs() {
        var error = catchThrowableOfType(ValidationException.class,
                () -> io.actions().forIncident("01NOSUCHINCIDENT").describe("x").create().await());

        assertThat(error.status()).isEqualTo(422);
        assertThat(calls()).containsExactly("POST /v3/actions");
    }

    @Test
    void withoutRetriesAnUnknownOutcomeIsReportedAtOnce() {
        sandbox.faults().on("POST", "/v3/actions").resetAfterProcessing().times(1);
        IncidentIo client = IncidentIo.create(vertx, clientOptions().setRetryPolicy(RetryPolicy.none()));
        try {
            var error = catchThrowableOfType(OutcomeUnknownException.class,
                    () -> client.actions().forIncident(INCIDENT).describe("Reported, not checked").create().await());

            assertThat(error.attempts()).isEqualTo(1);
            assertThat(calls()).containsExactly("POST /v3/actions");
        } finally {
            client.close().await();
        }
    }

    @Test
    void aServerClockBehindOursIsCorrectedFromItsDateHeader() {
        // The server's clock runs 40 s behind: its created_at is 40 s before our attempt began.
        Instant serverNow = Instant.now().minusSeconds(40);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(serverNow, ZoneOffset.UTC));
        String landed = new JsonObject().put("actions", List.of(new JsonObject().put("id", "A1")
                .put("incident_id", INCIDENT).put("description", "Skewed").put("status", "outstanding")
                .put("created_at", serverNow.toString()).put("updated_at", serverNow.toString()))).encode();
        try (var server = ScriptedServer.playing(vertx,
                request -> request.connection().close(),
                ScriptedServer.answer(200, landed, Map.of("Date", date)))) {
            IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl()));
            try {
                Action action = client.actions().forIncident(INCIDENT).describe("Skewed").create().await();

                assertThat(action.id()).isEqualTo("A1");
                assertThat(server.seen()).extracting(ScriptedServer.Seen::method).containsExactly("POST", "GET");
            } finally {
                client.close().await();
            }
        }
    }

    @Test
    void withoutADateHeaderOnlyTheToleranceCoversTheClocks() {
        Instant serverNow = Instant.now().minusSeconds(40);
        String landed = new JsonObject().put("actions", List.of(new JsonObject().put("id", "A1")
                .put("incident_id", INCIDENT).put("description", "Skewed").put("status", "outstanding")
                .put("created_at", serverNow.toString()).put("updated_at", serverNow.toString()))).encode();
        var list = ScriptedServer.answer(200, landed);
        // The default list holds an action of the incident, so it is no test incident: no other mode is listed.
        try (var server = ScriptedServer.playing(vertx, request -> request.connection().close(), list,
                ScriptedServer.answer(201, "{\"action\":{\"id\":\"A2\",\"description\":\"Skewed\"}}"))) {
            IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl()));
            try {
                Action action = client.actions().forIncident(INCIDENT).describe("Skewed").create().await();

                assertThat(action.id()).as("40 s before the attempt is outside a 5 s tolerance").isEqualTo("A2");
                assertThat(server.seen()).extracting(ScriptedServer.Seen::method)
                        .containsExactly("POST", "GET", "POST");
            } finally {
                client.close().await();
            }
        }
    }

    private static List<JsonObject> stored(String description) {
        return sandbox.state().actions().stream().filter(a -> description.equals(a.getString("description"))).toList();
    }

    private static List<String> calls() {
        return sandbox.requests().stream().map(r -> r.method() + " " + r.path()).toList();
    }
}

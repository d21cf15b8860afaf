package dev.firebrigade;

import dev.firebrigade.error.DeclareOutcomeUnknownException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.model.IncidentVisibility;
import dev.firebrigade.sandbox.DemoData;
import dev.firebrigade.sandbox.RecordedRequest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static dev.firebrigade.ReferenceResolutionTest.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** incidents().declare() over loopback: names resolved, idempotency kept across retries, bad input refused. */
class IncidentDeclareTest extends SandboxFixture {

    private static IncidentDraft gameDay() {
        return io.incidents().declare().name("Game day: database failover").summary("We **pull the plug** on the primary")
                .severity("Major").type("Platform").status("Investigating").mode(IncidentMode.TEST)
                .visibility(IncidentVisibility.PRIVATE).lead("lisa@incident.io");
    }

    @Test
    void declaresAnIncidentWithEveryNameResolvedToItsId() {
        Incident incident = gameDay().create().await();

        assertThat(incident.name()).isEqualTo("Game day: database failover");
        assertThat(incident.summary()).isEqualTo("We **pull the plug** on the primary");
        assertThat(incident.severity().name()).isEqualTo("Major");
        assertThat(incident.incidentType().name()).isEqualTo("Platform");
        assertThat(incident.incidentStatus().name()).isEqualTo("Investigating");
        assertThat(incident.mode()).isEqualTo(IncidentMode.TEST);
        assertThat(incident.visibility()).isEqualTo(IncidentVisibility.PRIVATE);
        assertThat(incident.lead().id()).isEqualTo(DemoData.USER_LISA);
        JsonObject sent = new JsonObject(only("POST", "/v2/incidents").body());
        assertThat(sent.getString("severity_id")).isEqualTo(DemoData.SEVERITY_MAJOR);
        assertThat(sent.getString("incident_type_id")).isEqualTo(DemoData.INCIDENT_TYPE_PLATFORM);
        assertThat(sent.getString("incident_status_id")).isEqualTo(DemoData.STATUS_INVESTIGATING);
        assertThat(sent.getJsonArray("incident_role_assignments").encode()).isEqualTo(
                "[{\"incident_role_id\":\"" + DemoData.ROLE_LEAD + "\",\"assignee\":{\"email\":\"lisa@incident.io\"}}]");
        assertThat(sent.getString("idempotency_key")).hasSize(36);
    }

    @Test
    void aDeclareWhoseFirstAnswerIsLostCreatesExactlyOneIncident() {
        int before = sandbox.state().incidents().size();
        sandbox.faults().on("POST", "/v2/incidents").resetAfterProcessing().times(1);

        Incident incident = gameDay().create().await();

        assertThat(sandbox.state().incidents()).hasSize(before + 1);
        List<RecordedRequest> posts = requests("POST", "/v2/incidents");
        assertThat(posts).hasSize(2);
        assertThat(key(posts.get(1))).isEqualTo(key(posts.get(0)));
        assertThat(sandbox.state().incidents()).extracting(i -> i.getString("id")).contains(incident.id());
    }

    @Test
    void aDeclareWhoseAnswersStayLostSaysWhichKeyFindsTheIncident() {
        int before = sandbox.state().incidents().size();
        sandbox.faults().on("POST", "/v2/incidents").resetAfterProcessing().times(10);

        var failure = catchThrowableOfType(() -> gameDay().create().await(), DeclareOutcomeUnknownException.class);

        sandbox.faults().clear();
        assertThat(sandbox.state().incidents()).hasSize(before + 1);
        assertThat(failure.getMessage()).contains("idempotencyKey(\"" + failure.idempotencyKey() + "\")");
        assertThat(requests("POST", "/v2/incidents")).extracting(IncidentDeclareTest::key).containsOnly(failure.idempotencyKey());
        Incident found = gameDay().idempotencyKey(failure.idempotencyKey()).create().await();
        assertThat(sandbox.state().incidents()).hasSize(before + 1).extracting(i -> i.getString("id")).contains(found.id());
    }

    @Test
    void theSameKeyGivesTheFirstIncidentBackOnAReRun() {
        Supplier<Incident> rerun = () -> io.incidents().declare().name("Nightly failover drill").mode(IncidentMode.TEST)
                .idempotencyKey("drill-2026-12-02").create().await();
        int before = sandbox.state().incidents().size();

        Incident first = rerun.get();
        Incident second = rerun.get();

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(sandbox.state().incidents()).hasSize(before + 1);
    }

    @Test
    void withoutAKeyEveryCreateOfOneDraftDeclaresItsOwnIncident() {
        var drill = io.incidents().declare().name("Drill").mode(IncidentMode.TUTORIAL);

        Incident first = drill.create().await();
        Incident second = drill.create().await();

        assertThat(second.id()).isNotEqualTo(first.id());
        List<RecordedRequest> posts = requests("POST", "/v2/incidents");
        assertThat(key(posts.get(0))).isNotEqualTo(key(posts.get(1)));
        assertThat(drill.idempotencyKey()).isNull();
    }

    @Test
    void aNameThatMatchesNothingFailsBeforeSendingAndListsTheChoices() {
        assertThatThrownBy(() -> io.incidents().declare().name("x").severity("Majr").create().await())
                .isInstanceOf(UnresolvedReferenceException.class)
                .hasMessageContaining("severity_id Majr matches no severity; the choices are \"Minor\" "
                        + DemoData.SEVERITY_MINOR + ", \"Major\" " + DemoData.SEVERITY_MAJOR + ", \"Critical\"")
                .hasMessageContaining("severity(...)");
        assertThatThrownBy(() -> io.incidents().declare().name("x").role("scribe", "lisa@incident.io").create().await())
                .isInstanceOf(UnresolvedReferenceException.class)
                .hasMessageContaining("\"Incident Lead\"").hasMessageContaining("\"Communications Lead\"");
        assertThat(requests("POST", "/v2/incidents")).isEmpty();
    }

    @Test
    void aNameThatMatchesSeveralThingsFailsBeforeSendingAndListsThem() {
        var shouting = sandbox.state().addIncidentType(new JsonObject().put("name", "PLATFORM"));
        try {
            io.forgetResolutions();
            assertThatThrownBy(() -> io.incidents().declare().name("x").type("platform").create().await())
                    .isInstanceOf(UnresolvedReferenceException.class)
                    .hasMessageContaining("matches 2 incident types: \"Platform\" " + DemoData.INCIDENT_TYPE_PLATFORM
                            + ", \"PLATFORM\" " + shouting.getString("id"));
            assertThat(requests("POST", "/v2/incidents")).isEmpty();
            // The exact spelling still picks one.
            assertThat(io.incidents().declare().name("x").type("Platform").mode(IncidentMode.TEST).create().await()
                    .incidentType().id()).isEqualTo(DemoData.INCIDENT_TYPE_PLATFORM);
        } finally {
            sandbox.state().reset();
            io.forgetResolutions();
        }
    }

    @Test
    void namesAcceptAnyCaseAndIds() {
        Incident incident = io.incidents().declare().name("x").mode(IncidentMode.TEST).severity("critical")
                .status(DemoData.STATUS_TRIAGE).role("comms", DemoData.USER_MARTHA).create().await();

        assertThat(incident.severity().name()).isEqualTo("Critical");
        assertThat(incident.incidentStatus().name()).isEqualTo("Triage");
        assertThat(incident.incidentRoleAssignments()).extracting(Object::toString)
                .containsExactly("Communications Lead: Martha Jones");
    }

    @Test
    void badInputNamesTheStepAndSendsNothing() {
        var draft = io.incidents().declare().name("Database down");
        assertInvalid(() -> io.incidents().declare().create(), "name", "name(");
        assertInvalid(() -> draft.name(null).create(), "name", "name(");
        assertInvalid(() -> draft.name(" \t").create(), "name", "name(");
        assertInvalid(() -> draft.severity(" ").create(), "severity_id", "severity(...)");
        assertInvalid(() -> draft.type(null).create(), "incident_type_id", "type(...)");
        assertInvalid(() -> draft.status("").create(), "incident_status_id", "status(...)");
        assertInvalid(() -> draft.summary("").create(), "summary", "summary(...)");
        assertInvalid(() -> draft.lead((String) null).create(), "assignee", "role(...)");
        assertInvalid(() -> draft.role(" ", "lisa@incident.io").create(), "incident_role_id", "role(...)");
        assertInvalid(() -> draft.idempotencyKey(" ").create(), "idempotency_key", "idempotencyKey(...)");
        assertThatThrownBy(() -> draft.mode(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("mode(...)");
        assertThatThrownBy(() -> draft.mode(IncidentMode.UNKNOWN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> draft.visibility(IncidentVisibility.UNKNOWN)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("visibility(...)");
        assertThat(requests("POST", "/v2/incidents")).isEmpty();
    }

    @Test
    void hostileTextIsSentAsTextNotInterpreted() {
        String hostile = "\"}], \"visibility\": \"public\", \"x\": [{\"a\":\"<script>\u0000\u202e";
        Incident incident = io.incidents().declare().name(hostile).mode(IncidentMode.TEST)
                .visibility(IncidentVisibility.PRIVATE).create().await();

        assertThat(incident.name()).isEqualTo(hostile);
        assertThat(incident.visibility()).isEqualTo(IncidentVisibility.PRIVATE);
    }

    @Test
    void dryRunShowsTheRequestWithoutSendingAnything() {
        var preview = gameDay().idempotencyKey("gameday-1").dryRun();

        assertThat(preview.method()).isEqualTo("POST");
        assertThat(preview.url()).isEqualTo(sandbox.baseUrl() + "/v2/incidents");
        JsonObject body = new JsonObject(preview.body());
        assertThat(body.getString("idempotency_key")).isEqualTo("gameday-1");
        assertThat(body.getString("severity_id")).isEqualTo("Major");
        assertThat(body.getString("visibility")).isEqualTo("private");
        assertThat(body.getString("mode")).isEqualTo("test");
        assertThat(new JsonObject(gameDay().dryRun().body()).getString("idempotency_key"))
                .isEqualTo("<generated at create()>");
        assertThat(sandbox.requests()).isEmpty();

        JsonObject resolved = new JsonObject(gameDay().resolvedDryRun().await().body());
        assertThat(resolved.getString("severity_id")).isEqualTo(DemoData.SEVERITY_MAJOR);
        assertThat(requests("POST", "/v2/incidents")).isEmpty();
    }

    @Test
    void listsTheCatalogTheNamesComeFrom() {
        assertThat(io.incidents().severities().await()).extracting(Object::toString)
                .containsExactly("Minor", "Major", "Critical");
        assertThat(io.incidents().types().await()).extracting(Object::toString)
                .containsExactly("Default", "Platform", "Security");
        assertThat(io.incidents().statuses().await()).extracting(s -> s.name())
                .contains("Triage", "Investigating", "Monitoring", "Closed");
        assertThat(io.incidents().roles().await()).extracting(r -> r.roleType())
                .containsExactly("lead", "reporter", "custom");
    }

    static void assertInvalid(Supplier<?> call, String field, String fixMentions) {
        assertThatThrownBy(() -> ((io.vertx.core.Future<?>) call.get()).await())
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field))
                .hasMessageContaining(fixMentions);
    }

    private static String key(RecordedRequest post) {
        return new JsonObject(post.body()).getString("idempotency_key");
    }

    private static RecordedRequest only(String method, String path) {
        return ReferenceResolutionTest.only(method, path);
    }
}

package dev.firebrigade;

import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.model.FollowUp;
import dev.firebrigade.model.FollowUpStatus;
import dev.firebrigade.sandbox.DemoData;
import dev.firebrigade.sandbox.RecordedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.firebrigade.IncidentDeclareTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** followUps().forIncident(...)...create() over loopback: the draft, its checks, and the shared create engine. */
class FollowUpCreateTest extends SandboxFixture {

    @AfterEach
    void restoreDemoFollowUps() {
        sandbox.state().reset();
    }

    @Test
    void createsAFollowUpByReferenceAndEmailWithEveryField() {
        FollowUp created = io.followUps().forIncident("INC-2").title("Add a replica").describe("Lag **alerts** too")
                .assignTo(DemoData.EMAIL_LISA).priority(DemoData.PRIORITY_HIGH)
                .category(DemoData.CATEGORY_INFRASTRUCTURE).labels("database", "post-mortem").create().await();

        assertThat(created.incidentId()).isEqualTo(DemoData.INCIDENT_2);
        assertThat(created.title()).isEqualTo("Add a replica");
        assertThat(created.description()).isEqualTo("Lag **alerts** too");
        assertThat(created.status()).isEqualTo(FollowUpStatus.OUTSTANDING);
        assertThat(created.assignee().id()).isEqualTo(DemoData.USER_LISA);
        assertThat(created.priority().id()).isEqualTo(DemoData.PRIORITY_HIGH);
        assertThat(created.category().id()).isEqualTo(DemoData.CATEGORY_INFRASTRUCTURE);
        assertThat(created.labels()).containsExactly("database", "post-mortem");
        assertThat(new JsonObject(only("POST", "/v3/follow_ups").body())).isEqualTo(new JsonObject()
                .put("incident_id", DemoData.INCIDENT_2).put("title", "Add a replica")
                .put("description", "Lag **alerts** too").put("assignee_id", DemoData.USER_LISA)
                .put("follow_up_priority_option_id", DemoData.PRIORITY_HIGH)
                .put("follow_up_category_id", DemoData.CATEGORY_INFRASTRUCTURE)
                .put("labels", new JsonArray().add("database").add("post-mortem")));
        assertThat(io.followUps().get(created.id()).await().title()).isEqualTo("Add a replica");
    }

    @Test
    void aDraftIsImmutableSoOneIncidentStartsManyFollowUps() {
        FollowUpDraft postMortem = io.followUps().forIncident(DemoData.INCIDENT_1);

        FollowUp first = postMortem.title("Add a replica").create().await();
        FollowUp second = postMortem.title("Write the runbook").assignTo(DemoData.USER_LISA).create().await();

        assertThat(first.title()).isEqualTo("Add a replica");
        assertThat(first.assignee()).isNull();
        assertThat(second.title()).isEqualTo("Write the runbook");
        assertThat(second.assignee().id()).isEqualTo(DemoData.USER_LISA);
        assertThat(postMortem.toString()).isEqualTo("FollowUpDraft[incident=" + DemoData.INCIDENT_1
                + ", title=null, assignee=unassigned]");
    }

    @Test
    void aCreateWhoseAnswerIsLostAfterProcessingCreatesExactlyOne() {
        sandbox.faults().on("POST", "/v3/follow_ups").resetAfterProcessing().times(1);

        FollowUp created = io.followUps().forIncident(DemoData.INCIDENT_1).title("Lost answer")
                .describe("Found, not doubled").assignTo(DemoData.USER_LISA).create().await();

        assertThat(stored("Lost answer")).extracting(f -> f.getString("id")).containsExactly(created.id());
        assertThat(created.description()).isEqualTo("Found, not doubled");
        assertThat(requests("POST", "/v3/follow_ups")).hasSize(1);
        // Looked for in the window on incident.io's clock, not by listing every follow-up.
        assertThat(requests("GET", "/v3/follow_ups")).isNotEmpty().allSatisfy(get -> assertThat(get.query())
                .contains("incident_id=" + DemoData.INCIDENT_1).contains("created_at%5Bgte%5D="));
    }

    @Test
    void aCreateNeverProcessedIsSentAgainOnceProvenAbsent() {
        sandbox.faults().on("POST", "/v3/follow_ups").resetBeforeProcessing().times(1);

        FollowUp created = io.followUps().forIncident(DemoData.INCIDENT_1).title("Never processed").create().await();

        assertThat(stored("Never processed")).extracting(f -> f.getString("id")).containsExactly(created.id());
        assertThat(requests("POST", "/v3/follow_ups")).hasSize(2);
    }

    @Test
    void anIdenticalFollowUpMadeEarlierIsNotTakenForTheLostOne() {
        var draft = io.followUps().forIncident(DemoData.INCIDENT_1).title("Twice on purpose").describe("same text");
        FollowUp earlier = draft.create().await();
        // The first is claimed by this client's ledger, so the lost second must be found apart from it.
        sandbox.faults().on("POST", "/v3/follow_ups").resetAfterProcessing().times(1);

        FollowUp later = draft.create().await();

        assertThat(later.id()).isNotEqualTo(earlier.id());
        assertThat(stored("Twice on purpose")).extracting(f -> f.getString("id"))
                .containsExactlyInAnyOrder(earlier.id(), later.id());
    }

    @Test
    void aLostCreateIsMatchedOnTitleAndDescriptionNotOnEitherAlone() {
        // Made by someone else just before, inside the window: each differs from the draft in one of the two texts.
        for (JsonObject near : List.of(new JsonObject().put("title", "Other title").put("description", "Same text"),
                new JsonObject().put("title", "Same title").put("description", "Other text"))) {
            sandbox.state().putFollowUp(near.put("incident_id", DemoData.INCIDENT_1));
        }
        sandbox.faults().on("POST", "/v3/follow_ups").resetAfterProcessing().times(1);

        FollowUp created = io.followUps().forIncident(DemoData.INCIDENT_1).title("Same title")
                .describe("Same text").create().await();

        assertThat(stored("Same title")).filteredOn(f -> "Same text".equals(f.getString("description")))
                .extracting(f -> f.getString("id")).containsExactly(created.id());
        assertThat(requests("POST", "/v3/follow_ups")).hasSize(1);
    }

    @Test
    void badInputFailsNamingTheStepAndSendsNothing() {
        var draft = io.followUps().forIncident("INC-1").title("Add a replica");

        assertInvalid(() -> io.followUps().forIncident(null).title("t").create(), "incident_id", "forIncident(");
        assertInvalid(() -> io.followUps().forIncident(" ").title("t").create(), "incident_id", "forIncident(");
        assertInvalid(() -> io.followUps().forIncident("INC-1").create(), "title", "title(");
        assertInvalid(() -> draft.title("\n\t ").create(), "title", "title(");
        assertInvalid(() -> draft.describe("").create(), "description", "describe(");
        assertInvalid(() -> draft.assignTo((String) null).create(), "assignee_id", "assignTo(");
        assertInvalid(() -> draft.priority(null).create(), "follow_up_priority_option_id", "priority(");
        assertInvalid(() -> draft.category(" ").create(), "follow_up_category_id", "category(");
        assertInvalid(() -> draft.labels("ok", " ").create(), "labels", "labels(");
        assertInvalid(() -> draft.labels((String) null).create(), "labels", "labels(");
        assertInvalid(() -> draft.title(null).resolvedDryRun(), "title", "title(");

        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void anUnknownAssigneeFailsBeforeTheCreateIsSent() {
        assertThatThrownBy(() -> io.followUps().forIncident(DemoData.INCIDENT_1).title("Nobody's")
                .assignTo("nobody@example.com").create().await())
                .isInstanceOf(UnresolvedReferenceException.class).hasMessageContaining("nobody@example.com");

        assertThat(requests("POST", "/v3/follow_ups")).isEmpty();
    }

    @Test
    void dryRunsShowTheRequestAsGivenAndResolved() {
        var draft = io.followUps().forIncident("INC-2").title("Add a replica").assignTo(DemoData.EMAIL_LISA);

        RequestPreview local = draft.dryRun();
        assertThat(sandbox.requests()).isEmpty();
        RequestPreview resolved = draft.resolvedDryRun().await();

        assertThat(local.method()).isEqualTo("POST");
        assertThat(local.url()).isEqualTo(sandbox.baseUrl() + "/v3/follow_ups");
        assertThat(new JsonObject(local.body())).isEqualTo(new JsonObject().put("incident_id", "INC-2")
                .put("title", "Add a replica").put("assignee_id", DemoData.EMAIL_LISA));
        assertThat(new JsonObject(resolved.body())).isEqualTo(new JsonObject().put("incident_id", DemoData.INCIDENT_2)
                .put("title", "Add a replica").put("assignee_id", DemoData.USER_LISA));
        assertThat(resolved.toString()).doesNotContain(sandbox.apiKey());
        assertThat(requests("POST", "/v3/follow_ups")).isEmpty();
    }

    private static List<JsonObject> stored(String title) {
        return sandbox.state().followUps().stream().filter(f -> title.equals(f.getString("title"))).toList();
    }

    private static List<RecordedRequest> requests(String method, String path) {
        return sandbox.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private static RecordedRequest only(String method, String path) {
        return ReferenceResolutionTest.only(method, path);
    }
}

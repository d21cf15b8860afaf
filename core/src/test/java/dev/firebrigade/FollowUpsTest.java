package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.error.ValidationException;
import dev.firebrigade.model.FollowUp;
import dev.firebrigade.model.FollowUpStatus;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.model.IssueTracker;
import dev.firebrigade.sandbox.DemoData;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static dev.firebrigade.IncidentDeclareTest.assertInvalid;
import static dev.firebrigade.ReferenceResolutionTest.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** followUps() over loopback, v3 only: get, list with filters and pages, edit, delete, connect, create from a link. */
class FollowUpsTest extends SandboxFixture {

    @AfterEach
    void restoreDemoFollowUps() {
        sandbox.state().reset();
    }

    @Test
    void getsAFollowUpWithEverythingDecoded() {
        FollowUp replica = io.followUps().get(DemoData.FOLLOW_UP_REPLICA).await();

        assertThat(replica.incidentId()).isEqualTo(DemoData.INCIDENT_1);
        assertThat(replica.title()).isEqualTo("Add a read replica");
        assertThat(replica.status()).isEqualTo(FollowUpStatus.OUTSTANDING);
        assertThat(replica.assignee().id()).isEqualTo(DemoData.USER_LISA);
        assertThat(replica.priority().name()).isEqualTo("High");
        assertThat(replica.category().id()).isEqualTo(DemoData.CATEGORY_INFRASTRUCTURE);
        assertThat(replica.labels()).containsExactly("database");
        assertThat(replica.creator().describe()).isEqualTo("Lisa Karlin Curtis");
        assertThat(replica.toString()).isEqualTo("FollowUp " + DemoData.FOLLOW_UP_REPLICA
                + " [outstanding, Lisa Karlin Curtis] \"Add a read replica\"");
        assertThat(io.followUps().get(DemoData.FOLLOW_UP_RUNBOOK).await().externalIssueReference().provider())
                .isEqualTo(IssueTracker.GITHUB);
    }

    @Test
    void listsByIncidentReferenceModeAndTimePageByPage() {
        List<FollowUp> onInc1 = io.followUps().list().forIncident("INC-1").fetch().await();
        var firstPage = io.followUps().list().pageSize(2).firstPage().await();

        assertThat(onInc1).extracting(FollowUp::id).containsExactly(DemoData.FOLLOW_UP_REPLICA, DemoData.FOLLOW_UP_RUNBOOK);
        assertThat(firstPage.items()).hasSize(2);
        assertThat(firstPage.hasNext()).isTrue();
        assertThat(io.followUps().list().fetch().await()).extracting(FollowUp::id)
                .doesNotContain(DemoData.FOLLOW_UP_ON_TEST_INCIDENT).hasSize(3);
        assertThat(io.followUps().list().mode(IncidentMode.TEST).fetch().await()).extracting(FollowUp::id)
                .containsExactly(DemoData.FOLLOW_UP_ON_TEST_INCIDENT);
        assertThat(io.followUps().list().createdSince(LocalDate.of(2030, 1, 1)).fetch().await()).isEmpty();
        assertThat(io.followUps().list().updatedUntil(Instant.parse("2030-01-01T00:00:00Z")).fetch().await()).hasSize(3);
        assertThat(io.followUps().list().assigneeTeam("01TEAM").fetch().await()).isEmpty();
        assertThat(requests("GET", "/v3/follow_ups")).extracting(r -> r.query())
                .contains("incident_id=" + DemoData.INCIDENT_1 + "&page_size=250", "page_size=2",
                        "incident_mode=test&page_size=250", "page_size=250&created_at%5Bgte%5D=2030-01-01",
                        "assignee_team_id=01TEAM&page_size=250");
    }

    @Test
    void editsOnlyWhatIsNamedAndKeepsTheRest() {
        FollowUp edited = io.followUps().edit(DemoData.FOLLOW_UP_REPLICA).title("Add two read replicas")
                .status(FollowUpStatus.COMPLETED).apply().await();

        assertThat(edited.title()).isEqualTo("Add two read replicas");
        assertThat(edited.status()).isEqualTo(FollowUpStatus.COMPLETED);
        assertThat(edited.completedAt()).isNotNull();
        assertThat(edited.assignee().id()).isEqualTo(DemoData.USER_LISA);
        assertThat(edited.priority().id()).isEqualTo(DemoData.PRIORITY_HIGH);
        assertThat(edited.labels()).containsExactly("database");
        JsonObject put = new JsonObject(ReferenceResolutionTest.only("PUT", "/v3/follow_ups/" + DemoData.FOLLOW_UP_REPLICA).body());
        assertThat(put.getString("description")).isEqualTo("So that a failover does not take **minutes**.");
        assertThat(put.getString("follow_up_category_id")).isEqualTo(DemoData.CATEGORY_INFRASTRUCTURE);
    }

    @Test
    void reassignsByEmailAndUnassigns() {
        FollowUp martha = io.followUps().edit(DemoData.FOLLOW_UP_REPLICA).assignTo("martha@incident.io")
                .priority(DemoData.PRIORITY_LOW).category(DemoData.CATEGORY_PROCESS).labels("database", "capacity")
                .describe("Two replicas").apply().await();
        FollowUp nobody = io.followUps().edit(DemoData.FOLLOW_UP_REPLICA).unassign().apply().await();

        assertThat(martha.assignee().id()).isEqualTo(DemoData.USER_MARTHA);
        assertThat(martha.priority().name()).isEqualTo("Low");
        assertThat(martha.category().name()).isEqualTo("Process");
        assertThat(martha.labels()).containsExactly("database", "capacity");
        assertThat(nobody.assignee()).isNull();
        var puts = requests("PUT", "/v3/follow_ups/" + DemoData.FOLLOW_UP_REPLICA);
        assertThat(new JsonObject(puts.get(1).body()).containsKey("assignee_id")).isTrue();
        assertThat(new JsonObject(puts.get(1).body()).getValue("assignee_id")).isNull();
    }

    @Test
    void refusesTheDeletedStatusAndOtherBadInputBeforeSending() {
        var edit = io.followUps().edit(DemoData.FOLLOW_UP_REPLICA);
        assertThatThrownBy(() -> edit.status(FollowUpStatus.DELETED).apply().await())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("followUps().delete(id)");
        assertInvalid(() -> edit.status(FollowUpStatus.UNKNOWN).apply(), "status", "status(...)");
        assertInvalid(() -> edit.title(" ").apply(), "title", "title(...)");
        assertInvalid(() -> edit.describe(null).apply(), "description", "describe(...)");
        assertInvalid(() -> edit.assignTo((String) null).apply(), "assignee_id", "assignTo(...)");
        assertInvalid(() -> edit.assignTeam("").apply(), "assignee_team_id", "assignTeam(...)");
        assertInvalid(() -> edit.priority(" ").apply(), "follow_up_priority_option_id", "priority(...)");
        assertInvalid(() -> edit.category(null).apply(), "follow_up_category_id", "category(...)");
        assertInvalid(() -> edit.labels("ok", " ").apply(), "labels", "labels(...)");
        assertInvalid(() -> io.followUps().edit(null).title("x").apply(), "id", "edit(...)");
        assertInvalid(() -> io.followUps().list().forIncident(" ").fetch(), "incident_id", "forIncident(...)");
        assertInvalid(() -> io.followUps().list().assigneeTeam(null).fetch(), "assignee_team_id", "assigneeTeam(...)");
        assertInvalid(() -> io.followUps().list().pageSize(251).fetch(), "page_size", "pageSize(...)");
        assertInvalid(() -> io.followUps().list().createdBetween(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1))
                .fetch(), "created_at", "createdBetween(...)");
        assertInvalid(() -> io.followUps().connectExternalIssue(DemoData.FOLLOW_UP_REPLICA, null, "https://x.io/1"),
                "provider", "connectExternalIssue(...)");
        assertInvalid(() -> io.followUps().connectExternalIssue(DemoData.FOLLOW_UP_REPLICA, IssueTracker.JIRA, "x"),
                "url", "connectExternalIssue(...)");
        assertInvalid(() -> io.followUps().createFromLink(" ", "https://github.com/a/b/issues/1"), "incident_id",
                "createFromLink(...)");
        assertInvalid(() -> io.followUps().createFromLink("INC-1", null), "url", "createFromLink(...)");
        assertThatThrownBy(() -> edit.assignTo("nobody@incident.io").apply().await())
                .isInstanceOf(UnresolvedReferenceException.class);
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("PUT") || r.method().equals("POST"));
    }

    @Test
    void deletesAndThenTheFollowUpIsGone() {
        io.followUps().delete(DemoData.FOLLOW_UP_ALERTING).await();

        assertThatThrownBy(() -> io.followUps().get(DemoData.FOLLOW_UP_ALERTING).await())
                .isInstanceOf(NotFoundException.class);
        assertThat(io.followUps().list().forIncident("INC-2").fetch().await()).isEmpty();
    }

    @Test
    void connectsAnExternalIssueOnce() {
        String url = "https://firebrigade.atlassian.net/browse/OPS-7";
        FollowUp connected = io.followUps().connectExternalIssue(DemoData.FOLLOW_UP_REPLICA, IssueTracker.JIRA, url).await();

        assertThat(connected.externalIssueReference().provider()).isEqualTo(IssueTracker.JIRA);
        assertThat(connected.externalIssueReference().issuePermalink()).isEqualTo(url);
        assertThat(new JsonObject(ReferenceResolutionTest.only("POST", "/v3/follow_ups/" + DemoData.FOLLOW_UP_REPLICA
                + "/actions/connect_external_issue").body())).isEqualTo(new JsonObject().put("provider", "jira").put("url", url));
        assertThatThrownBy(() -> io.followUps().connectExternalIssue(DemoData.FOLLOW_UP_REPLICA, IssueTracker.JIRA, url)
                .await()).isInstanceOf(ValidationException.class).hasMessageContaining("already connected");
    }

    @Test
    void createsAFollowUpFromATrackerLinkOnAnIncidentGivenByReference() {
        String url = "https://github.com/firebrigade/ops/issues/42";
        FollowUp created = io.followUps().createFromLink("INC-2", url).await();

        assertThat(created.incidentId()).isEqualTo(DemoData.INCIDENT_2);
        assertThat(created.externalIssueReference().issuePermalink()).isEqualTo(url);
        assertThat(io.followUps().list().forIncident("INC-2").fetch().await()).extracting(FollowUp::id)
                .contains(created.id());
        assertThat(new JsonObject(ReferenceResolutionTest.only("POST", "/v3/follow_ups/actions/create_from_link").body()))
                .isEqualTo(new JsonObject().put("incident_id", DemoData.INCIDENT_2).put("url", url));
    }
}

package dev.firebrigade;

import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.model.IncidentMode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionsDslTest extends SandboxFixture {

    @Test
    void createsTheSeedExampleAndParsesEveryField() {
        Instant before = Instant.now().minusSeconds(1);

        Action action = io.actions().forIncident(INCIDENT).describe("Call the fire brigade").assignTo(LISA).create().await();

        assertThat(action.id()).isNotBlank();
        assertThat(action.incidentId()).isEqualTo(INCIDENT);
        assertThat(action.description()).isEqualTo("Call the fire brigade");
        assertThat(action.status()).isEqualTo(ActionStatus.OUTSTANDING);
        assertThat(action.assignee().id()).isEqualTo(LISA);
        assertThat(action.assignee().name()).isEqualTo("Lisa Karlin Curtis");
        assertThat(action.assignee().email()).isEqualTo("lisa@incident.io");
        assertThat(action.assignee().slackUserId()).isEqualTo("U02AYNF2XJM");
        assertThat(action.creator().apiKey().name()).isEqualTo("Firebrigade sandbox");
        assertThat(action.creator().apiKey().id()).isNotBlank();
        assertThat(action.completedAt()).isNull();
        assertThat(action.createdAt()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(action.updatedAt()).isEqualTo(action.createdAt());

        JsonObject sent = new JsonObject(last("POST", "/v3/actions").body());
        assertThat(sent).isEqualTo(new JsonObject()
                .put("incident_id", INCIDENT).put("description", "Call the fire brigade").put("assignee_id", LISA));
    }

    @Test
    void parsesEveryCreatorMemberOfTheSpecExample() {
        Action example = io.actions().get(EXAMPLE_ACTION).await();

        assertThat(example.creator().alert().id()).isEqualTo("01GW2G3V0S59R238FAHPDS1R66");
        assertThat(example.creator().alert().title()).isEqualTo("*errors.withMessage: PG::Error failed to connect");
        assertThat(example.creator().apiKey().name()).isEqualTo("My test API key");
        assertThat(example.creator().user().email()).isEqualTo("lisa@incident.io");
        assertThat(example.creator().workflow().name()).isEqualTo("My little workflow");
        assertThat(example.completedAt()).isNotNull();
        assertThat(example.assignee().name()).isEqualTo("Lisa Karlin Curtis");
    }

    @Test
    void createsUnassignedWhenNoAssigneeIsGiven() {
        Action action = io.actions().forIncident(INCIDENT).describe("Page the database team").create().await();

        assertThat(action.assignee()).isNull();
        assertThat(new JsonObject(last("POST", "/v3/actions").body()).containsKey("assignee_id")).isFalse();
    }

    @Test
    void getsAnActionById() {
        Action created = io.actions().forIncident(INCIDENT).describe("Check the sprinklers").create().await();

        Action fetched = io.actions().get(created.id()).await();

        assertThat(fetched).isEqualTo(created);
    }

    @Test
    void listsActionsOfOneIncident() {
        Action mine = io.actions().forIncident(OTHER_INCIDENT).describe("Roll back the deploy").create().await();

        List<Action> listed = io.actions().list().forIncident(OTHER_INCIDENT).fetch().await();

        assertThat(listed).extracting(Action::id).contains(mine.id());
        assertThat(listed).extracting(Action::incidentId).containsOnly(OTHER_INCIDENT);
        assertThat(last("GET", "/v3/actions").query()).isEqualTo("incident_id=" + OTHER_INCIDENT + "&page_size=250");
    }

    @Test
    void listsActionsOfTestIncidentsOnlyWhenAskedByMode() {
        String testIncident = sandbox.state().incidents().stream()
                .filter(i -> "test".equals(i.getString("mode"))).findFirst().orElseThrow().getString("id");
        Action drill = io.actions().forIncident(testIncident).describe("Drill: call the fire brigade").create().await();

        List<Action> standard = io.actions().list().fetch().await();
        List<Action> tests = io.actions().list().mode(IncidentMode.TEST).fetch().await();

        assertThat(standard).extracting(Action::id).doesNotContain(drill.id());
        assertThat(tests).extracting(Action::id).contains(drill.id());
        assertThat(last("GET", "/v3/actions").query()).isEqualTo("incident_mode=test&page_size=250");
    }

    @Test
    void completesAndReopensKeepingDescriptionAndAssignee() {
        Action created = io.actions().forIncident(INCIDENT).describe("Call the fire brigade").assignTo(LISA).create().await();

        Action completed = io.actions().complete(created.id()).await();

        assertThat(completed.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(completed.completedAt()).isNotNull();
        assertThat(new JsonObject(last("PUT", "/v3/actions/" + created.id()).body())).isEqualTo(new JsonObject()
                .put("description", "Call the fire brigade").put("status", "completed").put("assignee_id", LISA));

        Action reopened = io.actions().reopen(created.id()).await();

        assertThat(reopened.status()).isEqualTo(ActionStatus.OUTSTANDING);
        assertThat(reopened.completedAt()).isNull();
        assertThat(reopened.assignee().id()).isEqualTo(LISA);
        assertThat(reopened.description()).isEqualTo("Call the fire brigade");
    }

    @Test
    void editsDescriptionAssigneeAndStatus() {
        Action created = io.actions().forIncident(INCIDENT).describe("Call the fire brigade").create().await();

        Action edited = io.actions().edit(created.id())
                .describe("Call the **fire brigade** again").assignTo(LISA).status(ActionStatus.NOT_DOING).apply().await();

        assertThat(edited.description()).isEqualTo("Call the **fire brigade** again");
        assertThat(edited.assignee().id()).isEqualTo(LISA);
        assertThat(edited.status()).isEqualTo(ActionStatus.NOT_DOING);
        assertThat(edited.updatedAt()).isAfterOrEqualTo(created.updatedAt());
    }

    @Test
    void unassignsByLeavingTheAssigneeOut() {
        Action created = io.actions().forIncident(INCIDENT).describe("Call the fire brigade").assignTo(LISA).create().await();

        Action edited = io.actions().edit(created.id()).unassigned().apply().await();

        assertThat(edited.assignee()).isNull();
        assertThat(new JsonObject(last("PUT", "/v3/actions/" + created.id()).body()).containsKey("assignee_id")).isFalse();
    }

    @Test
    void deletesAnAction() {
        Action created = io.actions().forIncident(INCIDENT).describe("Temporary").create().await();

        io.actions().delete(created.id()).await();

        assertThat(sandbox.state().action(created.id())).isEmpty();
        assertThatThrownBy(() -> io.actions().get(created.id()).await())
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("404 not_found on GET /v3/actions/" + created.id());
    }

    @Test
    void draftsAreImmutableAndReusable() {
        ActionDraft fire = io.actions().forIncident(INCIDENT);
        ActionDraft call = fire.describe("Call the fire brigade");
        ActionDraft evacuate = fire.describe("Evacuate the building").assignTo(LISA);

        assertThat(fire.description()).isNull();
        assertThat(call.assignee()).isNull();
        assertThat(evacuate.assignee()).isEqualTo(LISA);
        assertThat(evacuate.unassigned().assignee()).isNull();
        assertThat(evacuate.assignee()).isEqualTo(LISA);

        Action first = call.create().await();
        Action second = evacuate.create().await();

        assertThat(first.description()).isEqualTo("Call the fire brigade");
        assertThat(second.description()).isEqualTo("Evacuate the building");
        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void dryRunShowsTheExactRequestWithoutSendingIt() {
        int before = sandbox.state().actionCount();

        var preview = io.actions().forIncident(INCIDENT).describe("Call the fire brigade").assignTo(LISA).dryRun();

        assertThat(preview.method()).isEqualTo("POST");
        assertThat(preview.url()).isEqualTo(sandbox.baseUrl() + "/v3/actions");
        assertThat(new JsonObject(preview.body())).isEqualTo(new JsonObject()
                .put("incident_id", INCIDENT).put("description", "Call the fire brigade").put("assignee_id", LISA));
        assertThat(preview.headers()).containsEntry("Content-Type", "application/json")
                .containsEntry("Authorization", "Bearer " + ApiKey.of(sandbox.apiKey()).redacted());
        assertThat(preview.toString()).doesNotContain(sandbox.apiKey());
        assertThat(sandbox.requests()).isEmpty();
        assertThat(sandbox.state().actionCount()).isEqualTo(before);
    }

    @Test
    void timestampsKeepMicroseconds() {
        Action action = io.actions().get(EXAMPLE_ACTION).await();

        assertThat(action.createdAt()).isEqualTo(Instant.parse("2021-08-17T13:28:57.801578Z"));
        assertThat(action.createdAt().truncatedTo(ChronoUnit.MICROS)).isEqualTo(action.createdAt());
    }

    private static dev.firebrigade.sandbox.RecordedRequest last(String method, String path) {
        List<dev.firebrigade.sandbox.RecordedRequest> matching = sandbox.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
        assertThat(matching).as("requests %s %s", method, path).isNotEmpty();
        return matching.get(matching.size() - 1);
    }
}

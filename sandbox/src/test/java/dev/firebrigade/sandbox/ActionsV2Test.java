package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionsV2Test extends DemoSandboxTest {
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";
    private static final String ULID = "[0-9A-HJKMNP-TV-Z]{26}";

    /** A fresh incident per test keeps list assertions independent of other tests' actions. */
    private static String newIncident(String mode) {
        return http.sandbox.state().addIncident(new JsonObject().put("mode", mode)).getString("id");
    }

    private static JsonObject create(String incidentId, String description, String assigneeId) {
        var body = new JsonObject().put("incident_id", incidentId).put("description", description);
        if (assigneeId != null) {
            body.put("assignee_id", assigneeId);
        }
        var response = http.post("/v2/actions", body);
        assertThat(response.statusCode()).isEqualTo(201);
        return response.bodyAsJsonObject().getJsonObject("action");
    }

    private static List<String> ids(JsonArray actions) {
        return actions.stream().map(a -> ((JsonObject) a).getString("id")).toList();
    }

    @Test
    void createsActionAssignedToAUserWithTheApiKeyAsCreator() {
        var response = http.post("/v2/actions", new JsonObject()
                .put("incident_id", DemoData.INCIDENT_2)
                .put("description", "Call the fire brigade")
                .put("assignee_id", DemoData.USER_LISA));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        var action = response.bodyAsJsonObject().getJsonObject("action");
        assertThat(action.getString("id")).matches(ULID);
        assertThat(action.getString("incident_id")).isEqualTo(DemoData.INCIDENT_2);
        assertThat(action.getString("description")).isEqualTo("Call the fire brigade");
        assertThat(action.getString("status")).isEqualTo("outstanding");
        assertThat(action.getJsonObject("assignee")).isEqualTo(new JsonObject()
                .put("id", "01FCNDV6P870EA6S7TK1DSYDG0").put("name", "Lisa Karlin Curtis").put("email", "lisa@incident.io")
                .put("role", "owner").put("slack_user_id", "U02AYNF2XJM"));
        assertThat(action.getJsonObject("creator").fieldNames()).containsExactly("api_key");
        assertThat(action.getJsonObject("creator").getJsonObject("api_key").getString("name")).isEqualTo("Firebrigade sandbox");
        assertThat(action.getJsonObject("creator").getJsonObject("api_key").getString("id")).matches(ULID);
        assertThat(action.getString("created_at")).matches(TIMESTAMP);
        assertThat(action.getString("updated_at")).isEqualTo(action.getString("created_at"));
        assertThat(action.containsKey("completed_at")).isFalse();
        assertThat(http.sandbox.state().action(action.getString("id"))).contains(action);
    }

    @Test
    void createsUnassignedActionWhenNoAssigneeIsGiven() {
        var action = create(newIncident("standard"), "Open the status page", null);

        assertThat(action.containsKey("assignee")).isFalse();
    }

    @Test
    void idsFollowCreationOrder() {
        var incident = newIncident("standard");
        var first = create(incident, "first", null).getString("id");
        var second = create(incident, "second", null).getString("id");
        var third = create(incident, "third", null).getString("id");

        assertThat(List.of(first, second, third)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void refusesCreateWithoutIncidentOrDescription() {
        var response = http.post("/v2/actions", new JsonObject().put("description", "  "));

        assertThat(response.statusCode()).isEqualTo(422);
        var body = response.bodyAsJsonObject();
        assertThat(body.getString("type")).isEqualTo("validation_error");
        assertThat(body.getInteger("status")).isEqualTo(422);
        assertThat(body.getString("request_id")).isNotBlank();
        assertThat(body.getJsonArray("errors")).isEqualTo(new JsonArray()
                .add(new JsonObject().put("code", "is_required").put("message", "An incident_id is required to create an action")
                        .put("source", new JsonObject().put("field", "incident_id").put("pointer", "/incident_id")))
                .add(new JsonObject().put("code", "is_required").put("message", "A description is required to create an action")
                        .put("source", new JsonObject().put("field", "description").put("pointer", "/description"))));
    }

    @Test
    void refusesCreateForUnknownIncident() {
        var countBefore = http.sandbox.state().actionCount();
        var response = http.post("/v2/actions", new JsonObject().put("incident_id", "01NOPE00000000000000000000").put("description", "x"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("code", "not_found").put("message", "No incident found with ID '01NOPE00000000000000000000'")
                .put("source", new JsonObject().put("field", "incident_id").put("pointer", "/incident_id"))));
        assertThat(http.sandbox.state().actionCount()).isEqualTo(countBefore);
    }

    @Test
    void refusesCreateByIncidentReferenceNumber() {
        // GET /v2/incidents/{id} accepts "2", but an action's incident_id is documented as the incident's ID.
        var response = http.post("/v2/actions", new JsonObject().put("incident_id", "2").put("description", "x"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getJsonObject("source").getString("field"))
                .isEqualTo("incident_id");
    }

    @Test
    void refusesCreateForUnknownAssignee() {
        var response = http.post("/v2/actions", new JsonObject().put("incident_id", DemoData.INCIDENT_1)
                .put("description", "x").put("assignee_id", "01NOBODY000000000000000000"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("code", "not_found").put("message", "No user found with ID '01NOBODY000000000000000000'")
                .put("source", new JsonObject().put("field", "assignee_id").put("pointer", "/assignee_id"))));
    }

    @Test
    void refusesFieldsOfTheWrongType() {
        var response = http.post("/v2/actions", new JsonObject().put("incident_id", DemoData.INCIDENT_1).put("description", 42));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("code", "invalid_value").put("message", "The description must be a string")
                .put("source", new JsonObject().put("field", "description").put("pointer", "/description"))));
    }

    @Test
    void answersMalformedJsonWith400() {
        var response = http.send(HttpMethod.POST, "/v2/actions", "{\"incident_id\": ", http.bearer());

        assertThat(response.statusCode()).isEqualTo(400);
        var body = response.bodyAsJsonObject();
        assertThat(body.getString("type")).isEqualTo("invalid_request_error");
        assertThat(body.getInteger("status")).isEqualTo(400);
        assertThat(body.getJsonArray("errors")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("code", "invalid_json").put("message", "The request body is not valid JSON")));
    }

    @Test
    void answersNonObjectBodiesWith400() {
        for (var body : List.of("[1, 2]", "\"text\"", "")) {
            var response = http.send(HttpMethod.POST, "/v2/actions", body, http.bearer());

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.bodyAsJsonObject().getString("type")).isEqualTo("invalid_request_error");
        }
    }

    @Test
    void listsActionsOfStandardAndRetrospectiveIncidentsByDefault() {
        var ids = ids(http.get("/v2/actions").bodyAsJsonObject().getJsonArray("actions"));

        assertThat(ids).contains(DemoData.ACTION_SPEC_EXAMPLE, DemoData.ACTION_COMPLETED, DemoData.ACTION_OUTSTANDING,
                DemoData.ACTION_ON_RETROSPECTIVE);
        assertThat(ids).doesNotContain(DemoData.ACTION_ON_TEST_INCIDENT);
        assertThat(ids).isSorted();
    }

    @Test
    void listsActionsOfOneIncidentMode() {
        var response = http.get("/v2/actions?incident_mode=test");

        assertThat(ids(response.bodyAsJsonObject().getJsonArray("actions"))).contains(DemoData.ACTION_ON_TEST_INCIDENT)
                .doesNotContain(DemoData.ACTION_SPEC_EXAMPLE);
    }

    @Test
    void refusesUnknownIncidentMode() {
        var response = http.get("/v2/actions?incident_mode=real");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getJsonObject("source").getString("field"))
                .isEqualTo("incident_mode");
    }

    @Test
    void listsActionsOfOneIncident() {
        var incident = newIncident("standard");
        var first = create(incident, "first", null).getString("id");
        var second = create(incident, "second", DemoData.USER_MARTHA).getString("id");

        var response = http.get("/v2/actions?incident_id=" + incident);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().fieldNames()).containsExactly("actions");
        assertThat(ids(response.bodyAsJsonObject().getJsonArray("actions"))).containsExactly(first, second);
    }

    @Test
    void listsNothingForAnUnknownIncident() {
        var response = http.get("/v2/actions?incident_id=01NOPE00000000000000000000");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("actions", new JsonArray()));
    }

    @Test
    void listsActionsOfATestIncidentOnlyWhenAskedForTestMode() {
        var incident = newIncident("test");
        var action = create(incident, "drill", null).getString("id");

        assertThat(ids(http.get("/v2/actions?incident_id=" + incident).bodyAsJsonObject().getJsonArray("actions"))).isEmpty();
        assertThat(ids(http.get("/v2/actions?incident_id=" + incident + "&incident_mode=test").bodyAsJsonObject()
                .getJsonArray("actions"))).containsExactly(action);
    }

    @Test
    void showsTheSpecExampleActionWithEveryField() {
        var response = http.get("/v2/actions/" + DemoData.ACTION_SPEC_EXAMPLE);

        assertThat(response.statusCode()).isEqualTo(200);
        var lisa = new JsonObject().put("id", "01FCNDV6P870EA6S7TK1DSYDG0").put("name", "Lisa Karlin Curtis")
                .put("email", "lisa@incident.io").put("role", "owner").put("slack_user_id", "U02AYNF2XJM");
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("action", new JsonObject()
                .put("id", "01FCNDV6P870EA6S7TK1DSYDG1")
                .put("incident_id", DemoData.INCIDENT_1)
                .put("description", "Call the fire brigade")
                .put("status", "outstanding")
                .put("assignee", lisa)
                .put("creator", new JsonObject()
                        .put("alert", new JsonObject().put("id", "01GW2G3V0S59R238FAHPDS1R66").put("title", "*errors.withMessage: PG::Error failed to connect"))
                        .put("api_key", new JsonObject().put("id", "01FCNDV6P870EA6S7TK1DSYDG8").put("name", "My test API key"))
                        .put("user", lisa)
                        .put("workflow", new JsonObject().put("id", "01FCNDV6P870EA6S7TK1DSYDGA").put("name", "My little workflow")))
                .put("completed_at", "2021-08-17T13:28:57.801578Z")
                .put("created_at", "2021-08-17T13:28:57.801578Z")
                .put("updated_at", "2021-08-17T13:28:57.801578Z")));
    }

    @Test
    void answersUnknownActionWith404() {
        var response = http.get("/v2/actions/01NOPE00000000000000000000");

        assertThat(response.statusCode()).isEqualTo(404);
        var body = response.bodyAsJsonObject();
        assertThat(body.getString("type")).isEqualTo("not_found");
        assertThat(body.getInteger("status")).isEqualTo(404);
        assertThat(body.getJsonArray("errors")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("code", "not_found").put("message", "No action found with ID '01NOPE00000000000000000000'")));
    }

    @Test
    void completingStampsCompletedAtAndReopeningClearsIt() {
        var action = create(newIncident("standard"), "Restart the database", DemoData.USER_MARTHA);
        var uri = "/v2/actions/" + action.getString("id");

        var completed = http.put(uri, new JsonObject().put("description", "Restart the database").put("status", "completed")
                .put("assignee_id", DemoData.USER_MARTHA)).bodyAsJsonObject().getJsonObject("action");
        var completedAgain = http.put(uri, new JsonObject().put("description", "Restart the database (done)").put("status", "completed")
                .put("assignee_id", DemoData.USER_MARTHA)).bodyAsJsonObject().getJsonObject("action");
        var reopened = http.put(uri, new JsonObject().put("description", "Restart the database").put("status", "outstanding")
                .put("assignee_id", DemoData.USER_MARTHA)).bodyAsJsonObject().getJsonObject("action");

        assertThat(completed.getString("status")).isEqualTo("completed");
        assertThat(completed.getString("completed_at")).matches(TIMESTAMP);
        assertThat(completed.getString("updated_at")).isGreaterThan(action.getString("updated_at"));
        assertThat(completed.getString("created_at")).isEqualTo(action.getString("created_at"));
        assertThat(completedAgain.getString("completed_at")).isEqualTo(completed.getString("completed_at"));
        assertThat(completedAgain.getString("description")).isEqualTo("Restart the database (done)");
        assertThat(reopened.getString("status")).isEqualTo("outstanding");
        assertThat(reopened.containsKey("completed_at")).isFalse();
        assertThat(reopened.getJsonObject("assignee").getString("id")).isEqualTo(DemoData.USER_MARTHA);
    }

    @Test
    void updateWithNullOrAbsentAssigneeUnassigns() {
        var incident = newIncident("standard");
        var withNull = create(incident, "a", DemoData.USER_LISA).getString("id");
        var withoutField = create(incident, "b", DemoData.USER_LISA).getString("id");

        var afterNull = http.put("/v2/actions/" + withNull, new JsonObject().put("description", "a").put("status", "outstanding")
                .putNull("assignee_id"));
        var afterAbsent = http.put("/v2/actions/" + withoutField, new JsonObject().put("description", "b").put("status", "not_doing"));

        assertThat(afterNull.statusCode()).isEqualTo(200);
        assertThat(afterNull.bodyAsJsonObject().getJsonObject("action").containsKey("assignee")).isFalse();
        assertThat(afterAbsent.bodyAsJsonObject().getJsonObject("action").containsKey("assignee")).isFalse();
        assertThat(afterAbsent.bodyAsJsonObject().getJsonObject("action").getString("status")).isEqualTo("not_doing");
    }

    @Test
    void updateReassigns() {
        var id = create(newIncident("standard"), "a", DemoData.USER_LISA).getString("id");

        var response = http.put("/v2/actions/" + id, new JsonObject().put("description", "a").put("status", "outstanding")
                .put("assignee_id", DemoData.USER_RORY));

        assertThat(response.bodyAsJsonObject().getJsonObject("action").getJsonObject("assignee")).isEqualTo(new JsonObject()
                .put("id", "01FCQNYAT8H4QX4FR84G98PBSK").put("name", "Rory Williams").put("email", "rory@incident.io")
                .put("role", "responder").put("slack_user_id", "U02C3R0RY9Q"));
    }

    @Test
    void updateRequiresDescriptionAndStatus() {
        var id = create(newIncident("standard"), "a", null).getString("id");

        var response = http.put("/v2/actions/" + id, new JsonObject().put("assignee_id", DemoData.USER_LISA));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors")).isEqualTo(new JsonArray()
                .add(new JsonObject().put("code", "is_required").put("message", "A description is required to update an action")
                        .put("source", new JsonObject().put("field", "description").put("pointer", "/description")))
                .add(new JsonObject().put("code", "is_required").put("message", "A status is required to update an action")
                        .put("source", new JsonObject().put("field", "status").put("pointer", "/status"))));
    }

    @Test
    void updateRefusesStatusDeletedAndUnknownStatuses() {
        var id = create(newIncident("standard"), "a", null).getString("id");

        var deleted = http.put("/v2/actions/" + id, new JsonObject().put("description", "a").put("status", "deleted"));
        var unknown = http.put("/v2/actions/" + id, new JsonObject().put("description", "a").put("status", "done"));

        assertThat(deleted.statusCode()).isEqualTo(422);
        assertThat(deleted.bodyAsJsonObject().getJsonArray("errors")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("code", "invalid_value").put("message", "Setting the status to deleted is not allowed; use the delete endpoint instead")
                .put("source", new JsonObject().put("field", "status").put("pointer", "/status"))));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("code")).isEqualTo("invalid_value");
        assertThat(http.sandbox.state().action(id).orElseThrow().getString("status")).isEqualTo("outstanding");
    }

    @Test
    void updateRefusesUnknownAssigneeAndUnknownAction() {
        var id = create(newIncident("standard"), "a", null).getString("id");

        var unknownAssignee = http.put("/v2/actions/" + id, new JsonObject().put("description", "a").put("status", "outstanding")
                .put("assignee_id", "01NOBODY000000000000000000"));
        var unknownAction = http.put("/v2/actions/01NOPE00000000000000000000", new JsonObject().put("description", "a")
                .put("status", "outstanding"));

        assertThat(unknownAssignee.statusCode()).isEqualTo(422);
        assertThat(unknownAssignee.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getJsonObject("source")
                .getString("field")).isEqualTo("assignee_id");
        assertThat(unknownAction.statusCode()).isEqualTo(404);
        assertThat(unknownAction.bodyAsJsonObject().getString("type")).isEqualTo("not_found");
    }

    @Test
    void deleteRemovesTheActionForGood() {
        var incident = newIncident("standard");
        var id = create(incident, "a", null).getString("id");

        var deleted = http.delete("/v2/actions/" + id);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isNull();
        assertThat(http.get("/v2/actions/" + id).statusCode()).isEqualTo(404);
        assertThat(http.delete("/v2/actions/" + id).statusCode()).isEqualTo(404);
        assertThat(http.get("/v2/actions?incident_id=" + incident).bodyAsJsonObject().getJsonArray("actions")).isEmpty();
        assertThat(http.sandbox.state().action(id)).isEmpty();
    }
}

package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sandbox that checks its own traffic against the spec: its answers must conform, and bad requests are caught. */
class ContractConformanceTest {
    private static SandboxClient http;

    @BeforeAll
    static void start() {
        var spec = SandboxClient.specOrNull();
        http = spec == null ? null : SandboxClient.start(new SandboxOptions().setContractSpec(spec));
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
    }

    @BeforeEach
    void forgetViolations() {
        SandboxClient.specOrSkip();
        http.sandbox.clearContractViolations();
    }

    @Test
    void everyRouteAnswersWithinTheContract() {
        var created = http.post("/v2/actions", new JsonObject().put("incident_id", DemoData.INCIDENT_2)
                .put("description", "Call the fire brigade").put("assignee_id", DemoData.USER_LISA));
        var id = created.bodyAsJsonObject().getJsonObject("action").getString("id");
        var createdV3 = http.post("/v3/actions", new JsonObject().put("incident_id", DemoData.INCIDENT_1).put("description", "v3"));
        var idV3 = createdV3.bodyAsJsonObject().getJsonObject("action").getString("id");
        var statuses = new int[] {
                created.statusCode(),
                createdV3.statusCode(),
                http.get("/v2/actions").statusCode(),
                http.get("/v2/actions?incident_mode=test&incident_id=" + DemoData.INCIDENT_4_TEST).statusCode(),
                http.get("/v2/actions/" + DemoData.ACTION_SPEC_EXAMPLE).statusCode(),
                http.put("/v2/actions/" + id, new JsonObject().put("description", "d").put("status", "completed")).statusCode(),
                http.put("/v2/actions/" + id, new JsonObject().put("description", "d").put("status", "outstanding").putNull("assignee_id")).statusCode(),
                http.delete("/v2/actions/" + id).statusCode(),
                http.get("/v3/actions?page_size=2").statusCode(),
                http.get("/v3/actions?created_at[gte]=2021-08-18").statusCode(),
                http.get("/v3/actions/" + idV3).statusCode(),
                http.put("/v3/actions/" + idV3, new JsonObject().put("description", "d").put("status", "not_doing")
                        .put("assignee_id", DemoData.USER_MARTHA)).statusCode(),
                http.delete("/v3/actions/" + idV3).statusCode(),
                http.get("/v2/users").statusCode(),
                http.get("/v2/users?include_inactive=true&page_size=2").statusCode(),
                http.get("/v2/users?page_size=1000").statusCode(),
                http.get("/v2/users?email=sam@incident.io").statusCode(),
                http.get("/v2/users/" + DemoData.USER_LISA).statusCode(),
                http.get("/v2/incidents").statusCode(),
                http.get("/v2/incidents?mode[one_of]=test&mode[one_of]=retrospective&mode[one_of]=standard&page_size=2").statusCode(),
                http.get("/v2/incidents/" + DemoData.INCIDENT_1).statusCode(),
                http.get("/v2/incidents/3").statusCode(),
                http.get("/v1/identity").statusCode(),
        };
        var errors = new int[] {
                http.get("/v2/actions/01NOPE00000000000000000000").statusCode(),
                http.get("/v2/users/nobody").statusCode(),
                http.send(HttpMethod.GET, "/v2/incidents", null, null).statusCode(),
                http.send(HttpMethod.GET, "/v2/incidents", null, "Bearer wrong").statusCode(),
                http.send(HttpMethod.POST, "/v2/actions", "not json", http.bearer()).statusCode(),
                http.get("/v3/actions?page_size=500").statusCode(),
                http.get("/v2/nothing").statusCode(),
        };

        assertThat(statuses).containsOnly(200, 201, 204);
        assertThat(errors).containsExactly(404, 404, 401, 401, 400, 422, 404);
        assertThat(http.sandbox.contractViolations()).isEmpty();
    }

    @Test
    void aRequestBreakingTheContractIsReportedAndRefused() {
        var countBefore = http.sandbox.state().actionCount();

        // The handler alone would accept this: the extra field is fine, but assignee_id must be a string, not a number.
        var response = http.send(HttpMethod.PUT, "/v2/actions/" + DemoData.ACTION_OUTSTANDING,
                "{\"description\":\"d\",\"status\":\"outstanding\",\"assignee_id\":[\"" + DemoData.USER_LISA + "\"]}", http.bearer());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("code", "invalid_value").put("message", "The assignee_id must be a string")
                .put("source", new JsonObject().put("field", "assignee_id").put("pointer", "/assignee_id"))));
        assertThat(http.sandbox.contractViolations()).containsExactly(
                "PUT /v2/actions/01FCNDV6P870EA6S7TK1DSYDG3 request: /assignee_id: Instance type array is invalid. Expected string");
        assertThat(http.sandbox.state().actionCount()).isEqualTo(countBefore);
    }

    @Test
    void aMissingRequiredFieldIsAnsweredLikeWithoutContractAndReported() {
        var response = http.post("/v2/actions", new JsonObject().put("incident_id", DemoData.INCIDENT_1));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("code", "is_required").put("message", "A description is required to create an action")
                .put("source", new JsonObject().put("field", "description").put("pointer", "/description"))));
        assertThat(http.sandbox.contractViolations()).containsExactly(
                "POST /v2/actions request: /description: Instance does not have required property \"description\"");
    }
}

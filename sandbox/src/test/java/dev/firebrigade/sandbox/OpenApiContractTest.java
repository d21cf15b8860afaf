package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The validator on its own, against incident.io's spec (skipped when the spec is not available). */
class OpenApiContractTest {
    private static OpenApiContract contract;

    @BeforeAll
    static void load() {
        var spec = SandboxClient.specOrNull();
        contract = spec == null ? null : OpenApiContract.load(spec);
    }

    @BeforeEach
    void needsTheSpec() {
        SandboxClient.specOrSkip();
    }

    private static JsonObject action() {
        return new JsonObject()
                .put("id", "01FCNDV6P870EA6S7TK1DSYDG1").put("incident_id", DemoData.INCIDENT_1).put("description", "d")
                .put("status", "outstanding")
                .put("creator", new JsonObject().put("api_key", new JsonObject().put("id", "k").put("name", "n")))
                .put("created_at", "2021-08-17T13:28:57.801578Z").put("updated_at", "2021-08-17T13:28:57.801578Z");
    }

    @Test
    void acceptsAConformingCreateRequestAndResponse() {
        var request = new JsonObject().put("incident_id", DemoData.INCIDENT_2).put("description", "Call the fire brigade")
                .put("assignee_id", DemoData.USER_LISA);

        assertThat(contract.validateRequest("POST", "/v2/actions", request)).isEmpty();
        assertThat(contract.validateResponse("POST", "/v2/actions", 201, new JsonObject().put("action", action()))).isEmpty();
    }

    @Test
    void reportsAMissingRequiredRequestField() {
        assertThat(contract.validateRequest("POST", "/v2/actions", new JsonObject().put("incident_id", "x")))
                .containsExactly("/description: Instance does not have required property \"description\"");
    }

    @Test
    void reportsWrongTypesAndEnumsInAResponse() {
        var broken = action().put("status", "done");
        broken.getJsonObject("creator").getJsonObject("api_key").remove("name");
        broken.remove("created_at");

        assertThat(contract.validateResponse("GET", "/v2/actions/{id}", 200, new JsonObject().put("action", broken)))
                .containsExactlyInAnyOrder(
                        "/action/created_at: Instance does not have required property \"created_at\"",
                        "/action/creator/api_key/name: Instance does not have required property \"name\"",
                        "/action/status: Instance does not match any of [\"outstanding\",\"completed\",\"deleted\",\"not_doing\"]");
    }

    @Test
    void reportsAnUndeclaredSuccessStatus() {
        assertThat(contract.validateResponse("POST", "/v2/actions", 200, new JsonObject().put("action", action())))
                .containsExactly("(body): status 200 is not declared for POST /v2/actions (declared: 201)");
    }

    @Test
    void expectsNoBodyOn204() {
        assertThat(contract.validateResponse("DELETE", "/v2/actions/{id}", 204, null)).isEmpty();
        assertThat(contract.validateResponse("DELETE", "/v2/actions/{id}", 204, new JsonObject()))
                .containsExactly("(body): status 204 declares no body, but one was sent");
    }

    @Test
    void treatsNullAsAbsentForOptionalRequestFields() {
        var unassign = new JsonObject().put("description", "d").put("status", "outstanding").putNull("assignee_id");

        assertThat(contract.validateRequest("PUT", "/v2/actions/{id}", unassign)).isEmpty();
        assertThat(contract.validateRequest("PUT", "/v2/actions/{id}", unassign.copy().putNull("status")))
                .containsExactly("/status: Instance type null is invalid. Expected string",
                        "/status: Instance does not match any of [\"outstanding\",\"completed\",\"deleted\",\"not_doing\"]");
    }

    @Test
    void checksV3ActionsAgainstTheirOwnOperationsAndSchemas() {
        assertThat(contract.validateRequest("POST", "/v3/actions", new JsonObject().put("description", "d")))
                .containsExactly("/incident_id: Instance does not have required property \"incident_id\"");
        assertThat(contract.validateResponse("PUT", "/v3/actions/{id}", 200, new JsonObject().put("action", action()))).isEmpty();
        // ActionV3 is the schema, not ActionV2: a v3 action without its creator is reported against it.
        assertThat(contract.validateSchema("ActionV3", action().copy().put("creator", 1))).isNotEmpty();
        assertThat(contract.validateResponse("GET", "/v3/actions/{id}", 200,
                new JsonObject().put("action", action().copy().put("status", "gone")))).isNotEmpty();
    }

    @Test
    void checksTheV3ListAgainstActionsListResultV3() {
        var good = new JsonObject().put("actions", new JsonArray().add(action()))
                .put("pagination_meta", new JsonObject().put("page_size", 25).put("after", "01FCNDV6P870EA6S7TK1DSYDG1"));
        var bad = new JsonObject().put("actions", new JsonArray().add(action()).add(action().put("status", 3)))
                .put("pagination_meta", new JsonObject().put("after", "x"));

        assertThat(contract.validateResponse("GET", "/v3/actions", 200, good)).isEmpty();
        assertThat(contract.validateResponse("GET", "/v3/actions", 200, bad)).containsExactlyInAnyOrder(
                "/actions/1/status: Instance type number is invalid. Expected string",
                "/actions/1/status: Instance does not match any of [\"outstanding\",\"completed\",\"deleted\",\"not_doing\"]",
                "/pagination_meta/page_size: Instance does not have required property \"page_size\"");
        assertThat(contract.validateResponse("GET", "/v3/actions", 200, new JsonObject())).containsExactlyInAnyOrder(
                "/actions: Instance does not have required property \"actions\"",
                "/pagination_meta: Instance does not have required property \"pagination_meta\"");
    }

    @Test
    void checksV3ErrorsAgainstTheErrorResponseTheyDeclare() {
        var source = new JsonObject().put("field", "incident_id");
        var error = new JsonObject().put("type", "validation_error").put("status", 422).put("request_id", "r")
                .put("errors", new JsonArray().add(new JsonObject().put("code", "is_required").put("message", "m")
                        .put("source", source)));

        assertThat(contract.validateResponse("POST", "/v3/actions", 422, error))
                .containsExactly("/errors/0/source/pointer: Instance does not have required property \"pointer\"");
        source.put("pointer", "/incident_id");
        assertThat(contract.validateResponse("POST", "/v3/actions", 422, error)).isEmpty();
    }

    @Test
    void checksErrorBodiesAgainstTheDocumentedShape() {
        var good = new JsonObject().put("type", "not_found").put("status", 404).put("request_id", "r")
                .put("errors", new JsonArray().add(new JsonObject().put("code", "not_found").put("message", "m")));
        var bad = new JsonObject().put("type", "oops").put("status", 500)
                .put("errors", new JsonArray().add(new JsonObject().put("code", "x").put("source", "field")));

        assertThat(contract.validateResponse("GET", "/v2/actions/{id}", 404, good)).isEmpty();
        assertThat(contract.validateResponse("GET", "/v2/actions/{id}", 404, bad)).containsExactly(
                "/type: type must be one of the documented error types, was oops",
                "/status: status must repeat the HTTP status 404, was 500",
                "/request_id: request_id must be a non-empty string",
                "/errors/0/message: message must be a string",
                "/errors/0/source: source must be an object with a string field");
    }

    @Test
    void validatesAnyComponentSchemaByName() {
        assertThat(contract.validateSchema("UserV2", new JsonObject().put("id", "u").put("name", "n").put("role", "owner"))).isEmpty();
        assertThat(contract.validateSchema("UserV2", new JsonObject().put("id", "u").put("name", "n").put("role", "boss")))
                .hasSize(1);
    }

    @Test
    void toleratesTheSpecsOwnPageSizeContradictionForUsers() {
        var page = new JsonObject().put("users", new JsonArray()).put("pagination_meta", new JsonObject().put("page_size", 1000));

        assertThat(contract.validateResponse("GET", "/v2/users", 200, page)).isEmpty();
        assertThat(contract.validateSchema("PaginationMetaResultV2", page.getJsonObject("pagination_meta")))
                .containsExactly("/page_size: 1000 is greater than 250");
    }

    @Test
    void reportsOperationsMissingFromTheSpec() {
        assertThat(contract.validateRequest("POST", "/v9/nothing", new JsonObject()))
                .containsExactly("(body): POST /v9/nothing is not in the spec");
    }
}

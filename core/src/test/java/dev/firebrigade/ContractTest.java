package dev.firebrigade;

import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.model.UserRole;
import dev.firebrigade.sandbox.OpenApiContract;
import dev.firebrigade.transport.Json;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our requests and the sandbox's answers against incident.io's own OpenAPI spec. The spec is theirs, read from
 * ../shared at test time; without it these tests are skipped and say why.
 */
class ContractTest extends SandboxFixture {
    private static OpenApiContract contract;
    private static JsonObject schemas;

    @BeforeAll
    static void loadSpec() throws Exception {
        assumeTrue(spec().isPresent(), "incident.io's openapi.json is not at -Dfirebrigade.spec ("
                + System.getProperty("firebrigade.spec") + "): contract tests skipped");
        Path path = spec().orElseThrow();
        contract = OpenApiContract.load(path);
        schemas = new JsonObject(Files.readString(path)).getJsonObject("components").getJsonObject("schemas");
    }

    @Test
    void everyActionsCallAgreesWithTheSpec() {
        sandbox.clearContractViolations();
        Action created = io.actions().forIncident(INCIDENT).describe("Call the fire brigade").assignTo(LISA).create().await();
        io.actions().forIncident(INCIDENT).describe("Unassigned").create().await();
        io.actions().get(created.id()).await();
        io.actions().list().forIncident(INCIDENT).fetch().await();
        io.actions().complete(created.id()).await();
        io.actions().edit(created.id()).unassigned().describe("Done differently").apply().await();
        io.actions().reopen(created.id()).await();
        io.actions().delete(created.id()).await();

        assertThat(sandbox.contractViolations()).isEmpty();
    }

    @Test
    void ourBodiesValidateAgainstTheirPayloadSchemas() throws Exception {
        var create = new ActionPayloads.Create(INCIDENT, "Call the fire brigade", LISA);
        var update = new ActionPayloads.Update("Call the fire brigade", ActionStatus.NOT_DOING, null);

        assertThat(contract.validateRequest("POST", "/v2/actions", encode(create))).isEmpty();
        assertThat(contract.validateRequest("PUT", "/v2/actions/{id}", encode(update))).isEmpty();
        assertThat(contract.validateRequest("POST", "/v2/actions", new JsonObject().put("description", "no incident")))
                .as("the validator does reject a bad body").isNotEmpty();
    }

    @Test
    void decodesTheSpecsOwnCreateExampleCompletely() throws Exception {
        JsonObject example = schemas.getJsonObject("ActionsCreateResultV2").getJsonObject("example");

        Action action = Json.mapper().readValue(example.encode(), ActionPayloads.One.class).action();

        assertThat(action.id()).isEqualTo("01FCNDV6P870EA6S7TK1DSYDG0");
        assertThat(action.incidentId()).isEqualTo("01FCNDV6P870EA6S7TK1DSYDG0");
        assertThat(action.description()).isEqualTo("Call the fire brigade");
        assertThat(action.status()).isEqualTo(ActionStatus.OUTSTANDING);
        assertThat(action.createdAt()).isEqualTo(Instant.parse("2021-08-17T13:28:57.801578Z"));
        assertThat(action.updatedAt()).isEqualTo(Instant.parse("2021-08-17T13:28:57.801578Z"));
        assertThat(action.completedAt()).isEqualTo(Instant.parse("2021-08-17T13:28:57.801578Z"));
        assertThat(action.assignee().role()).isEqualTo(UserRole.OWNER);
        assertThat(action.assignee().slackUserId()).isEqualTo("U02AYNF2XJM");
        assertThat(action.creator().alert().title()).isEqualTo("*errors.withMessage: PG::Error failed to connect");
        assertThat(action.creator().apiKey().name()).isEqualTo("My test API key");
        assertThat(action.creator().user().name()).isEqualTo("Lisa Karlin Curtis");
        assertThat(action.creator().workflow().name()).isEqualTo("My little workflow");
    }

    @Test
    void toleratesNewFieldsAndNewEnumValues() throws Exception {
        JsonObject example = schemas.getJsonObject("ActionsCreateResultV2").getJsonObject("example").copy();
        example.getJsonObject("action").put("status", "delegated").put("priority", new JsonObject().put("rank", 1));
        example.getJsonObject("action").getJsonObject("assignee").put("role", "incident_commander");

        Action action = Json.mapper().readValue(example.encode(), ActionPayloads.One.class).action();

        assertThat(action.status()).isEqualTo(ActionStatus.UNKNOWN);
        assertThat(action.assignee().role()).isEqualTo(UserRole.UNKNOWN);
    }

    private static JsonObject encode(Object payload) throws Exception {
        return new JsonObject(Json.mapper().writeValueAsString(payload));
    }
}

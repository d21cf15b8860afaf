package dev.firebrigade;

import dev.firebrigade.internal.wire.ActionPayloads;
import dev.firebrigade.internal.wire.FollowUpPayloads;
import dev.firebrigade.internal.wire.IncidentPayloads;
import dev.firebrigade.internal.wire.UserPayloads;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.model.Identity;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.model.IncidentStatusCategory;
import dev.firebrigade.model.IncidentVisibility;
import dev.firebrigade.model.User;
import dev.firebrigade.model.UserRole;
import dev.firebrigade.sandbox.DemoData;
import dev.firebrigade.sandbox.RecordedRequest;
import dev.firebrigade.sandbox.OpenApiContract;
import dev.firebrigade.internal.transport.Json;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our requests and the sandbox's answers against incident.io's own OpenAPI spec. The spec is theirs, read from
 * ../shared at test time; without it these tests are skipped and say why.
 */
class ContractTest extends SandboxFixture {
    private static OpenApiContract contract;
    private static JsonObject schemas;
    private static JsonObject specJson;

    @BeforeAll
    static void loadSpec() throws Exception {
        if (spec().isEmpty()) {
            return;
        }
        Path path = spec().orElseThrow();
        contract = OpenApiContract.load(path);
        specJson = new JsonObject(Files.readString(path));
        schemas = specJson.getJsonObject("components").getJsonObject("schemas");
    }

    /** Per test, so that each one is reported as skipped, with the reason, when the spec is absent. */
    @BeforeEach
    void needsTheSpec() {
        assumeSpec();
    }

    @Test
    void everyActionsCallOnTheDefaultV3AgreesWithTheSpecsV3Operations() {
        sandbox.clearContractViolations();
        sandbox.faults().on("POST", "/v3/actions").resetAfterProcessing().times(1);
        Action found = io.actions().forIncident(INCIDENT).describe("Found by its window").create().await();
        Action created = io.actions().forIncident(INCIDENT).describe("Call the fire brigade").assignTo(LISA).create().await();
        io.actions().forIncident(INCIDENT).describe("Unassigned").create().await();
        io.actions().get(created.id()).await();
        io.actions().list().forIncident(INCIDENT).fetch().await();
        io.actions().list().forIncident("INC-1").mode(IncidentMode.STANDARD).createdSince(LocalDate.of(2021, 1, 1))
                .updatedUntil(Instant.parse("2030-01-01T00:00:00Z")).pageSize(1).collect(2).await();
        io.actions().list().createdBetween(LocalDate.of(2021, 1, 1), LocalDate.of(2030, 1, 1)).collect(1).await();
        io.actions().complete(created.id()).await();
        io.actions().edit(created.id()).unassigned().describe("Done differently").apply().await();
        io.actions().reopen(created.id()).await();
        io.actions().delete(created.id()).await();
        io.actions().delete(found.id()).await();

        assertThat(io.actions().api()).isEqualTo(ActionsApi.V3);
        assertThat(sandbox.contractViolations()).isEmpty();
        assertThat(undeclaredQueryParameters()).isEmpty();
        assertThat(sandbox.requests()).filteredOn(r -> r.path().contains("/actions"))
                .allSatisfy(r -> assertThat(r.path()).startsWith("/v3/actions"))
                .anySatisfy(r -> assertThat(r.query()).contains("created_at%5Bgte%5D="));
        // The operations checked are the spec's own v3 ones, not v2's under another name.
        assertThat(specJson.getJsonObject("paths").getJsonObject("/v3/actions").getJsonObject("get")
                .getString("operationId")).isEqualTo("Actions V3#List");
    }

    @Test
    void ourBodiesValidateAgainstTheirPayloadSchemas() throws Exception {
        var create = new ActionPayloads.Create(INCIDENT, "Call the fire brigade", LISA);
        var update = new ActionPayloads.Update("Call the fire brigade", ActionStatus.NOT_DOING, null);

        assertThat(contract.validateRequest("POST", "/v3/actions", encode(create))).isEmpty();
        assertThat(contract.validateRequest("PUT", "/v3/actions/{id}", encode(update))).isEmpty();
        assertThat(contract.validateRequest("POST", "/v2/actions", encode(create))).isEmpty();
        assertThat(contract.validateRequest("POST", "/v3/actions", new JsonObject().put("description", "no incident")))
                .as("the validator does reject a bad body").isNotEmpty();
    }

    @Test
    void decodesTheSpecsOwnCreateExampleCompletely() throws Exception {
        JsonObject example = schemas.getJsonObject("ActionsCreateResultV3").getJsonObject("example");

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
        JsonObject example = schemas.getJsonObject("ActionsCreateResultV3").getJsonObject("example").copy();
        example.getJsonObject("action").put("status", "delegated").put("priority", new JsonObject().put("rank", 1));
        example.getJsonObject("action").getJsonObject("assignee").put("role", "incident_commander");

        Action action = Json.mapper().readValue(example.encode(), ActionPayloads.One.class).action();

        assertThat(action.status()).isEqualTo(ActionStatus.UNKNOWN);
        assertThat(action.assignee().role()).isEqualTo(UserRole.UNKNOWN);
    }

    @Test
    void everyUsersIncidentsIdentityAndReferenceCallAgreesWithTheSpec() {
        sandbox.clearContractViolations();
        io.forgetResolutions();
        io.users().get(LISA).await();
        io.users().list().email("lisa@incident.io").includeInactive().pageSize(2).firstPage().await();
        io.users().list().slackUserId("U02AYNF2XJM").fetch().await();
        io.users().list().includeInactive().pageSize(3).collect(5).await();
        io.incidents().get("INC-1").await();
        io.incidents().get(OTHER_INCIDENT).await();
        io.incidents().list().statusCategory(IncidentStatusCategory.LIVE).mode(IncidentMode.STANDARD, IncidentMode.TEST)
                .severityAtLeast(DemoData.SEVERITY_MINOR).createdSince(LocalDate.of(2021, 1, 1))
                .updatedUntil(Instant.parse("2030-01-01T00:00:00Z")).oldestFirst().matchAny().pageSize(1).collect(3).await();
        io.identity().await();
        Action action = io.actions().forIncident("INC-2").describe("Resolved references").assignTo("rory@incident.io")
                .create().await();
        io.actions().edit(action.id()).assignTo("lisa@incident.io").apply().await();
        io.raw().get("/v1/identity").await();

        assertThat(sandbox.contractViolations()).isEmpty();
        assertThat(sandbox.requests()).hasSizeGreaterThan(12);
        assertThat(undeclaredQueryParameters()).isEmpty();
    }

    @Test
    void everyFollowUpCreateCallAgreesWithTheSpec() throws Exception {
        sandbox.clearContractViolations();
        sandbox.faults().on("POST", "/v3/follow_ups").resetAfterProcessing().times(1);
        io.followUps().forIncident("INC-2").title("Found by its window").create().await();
        io.followUps().forIncident("INC-2").title("Add a replica").describe("Lag alerts too").assignTo(LISA)
                .priority(DemoData.PRIORITY_HIGH).category(DemoData.CATEGORY_INFRASTRUCTURE).labels("database")
                .create().await();
        var everyField = new FollowUpPayloads.Create(INCIDENT, "Add a replica", "Lag alerts too", LISA,
                DemoData.PRIORITY_HIGH, DemoData.CATEGORY_INFRASTRUCTURE, List.of("database"));

        assertThat(contract.validateRequest("POST", "/v3/follow_ups", encode(everyField))).isEmpty();
        assertThat(sandbox.contractViolations()).isEmpty();
        assertThat(undeclaredQueryParameters()).isEmpty();
        assertThat(sandbox.requests()).filteredOn(r -> r.path().equals("/v3/follow_ups") && r.method().equals("GET"))
                .anySatisfy(r -> assertThat(r.query()).contains("created_at%5Bgte%5D="));
        sandbox.state().reset();
    }

    @Test
    void theQueryCheckDoesFlagAnUndeclaredParameter() {
        io.raw().get("/v2/users?page_size=1&status%5Bone_of%5D=x").await();

        assertThat(undeclaredQueryParameters()).containsExactly("GET /v2/users sends undeclared status[one_of]");
    }

    @Test
    void theDeprecatedV2StillAgreesWithItsOperationsUntilItsRemoval() {
        IncidentIo v2 = IncidentIo.create(vertx, clientOptions().setActionsApi(ActionsApi.V2));
        try {
            sandbox.clearContractViolations();
            Action created = v2.actions().forIncident("INC-1").describe("v2").assignTo("lisa@incident.io").create().await();
            v2.actions().get(created.id()).await();
            v2.actions().list().forIncident("INC-1").fetch().await();
            v2.actions().complete(created.id()).await();
            v2.actions().edit(created.id()).unassigned().apply().await();
            v2.actions().delete(created.id()).await();

            assertThat(sandbox.contractViolations()).isEmpty();
            assertThat(undeclaredQueryParameters()).isEmpty();
            assertThat(specJson.getJsonObject("paths").getJsonObject("/v2/actions").getJsonObject("post")
                    .getBoolean("deprecated")).isTrue();
        } finally {
            v2.close().await();
        }
    }

    @Test
    void decodesTheSpecsUserIncidentAndIdentityExamplesCompletely() throws Exception {
        User user = decode("UsersShowResultV2", UserPayloads.One.class).user();
        UserPayloads.Many users = decode("UsersListResultV2", UserPayloads.Many.class);
        Incident incident = decode("IncidentsShowResultV2", IncidentPayloads.One.class).incident();
        IncidentPayloads.Many incidents = decode("IncidentsListResultV2", IncidentPayloads.Many.class);
        Identity identity = decode("UtilitiesIdentityResultV1", IncidentPayloads.IdentityResult.class).identity();

        assertThat(user.id()).isEqualTo("01FCNDV6P870EA6S7TK1DSYDG0");
        assertThat(user.isActive()).isTrue();
        assertThat(user.baseRole().slug()).isEqualTo("customer-success");
        assertThat(user.customRoles()).extracting(r -> r.name()).containsExactly("Customer Success");
        assertThat(users.items()).hasSize(1);
        assertThat(users.paginationMeta().after()).isEqualTo("01FCNDV6P870EA6S7TK1DSYDG0");
        assertThat(users.paginationMeta().pageSize()).isEqualTo(25);

        assertThat(incident.id()).isEqualTo("01FDAG4SAP5TYPT98WGR2N7W91");
        assertThat(incident.reference()).isEqualTo("INC-123");
        assertThat(incident.number()).isEqualTo(123L);
        assertThat(incident.mode()).isEqualTo(IncidentMode.STANDARD);
        assertThat(incident.visibility()).isEqualTo(IncidentVisibility.PUBLIC);
        assertThat(incident.incidentStatus().category()).isEqualTo(IncidentStatusCategory.TRIAGE);
        assertThat(incident.incidentStatus().rank()).isEqualTo(4L);
        assertThat(incident.severity().name()).isEqualTo("Minor");
        assertThat(incident.incidentType().name()).isEqualTo("Production Outage");
        assertThat(incident.lead().name()).isEqualTo("Lisa Karlin Curtis");
        assertThat(incident.incidentRoleAssignments().get(0).role().shortform()).isEqualTo("lead");
        assertThat(incident.creator().workflow().name()).isEqualTo("My little workflow");
        assertThat(incident.permalink()).isEqualTo("https://app.incident.io/incidents/123");
        assertThat(incident.slackChannelName()).isEqualTo("inc-165-green-parrot");
        assertThat(incident.summary()).startsWith("Our database is really really sad");
        assertThat(incident.updatedAt()).isEqualTo(Instant.parse("2021-08-17T13:28:57.801578Z"));
        assertThat(incidents.items()).hasSize(1);
        assertThat(incidents.paginationMeta().totalRecordCount()).isEqualTo(238L);

        assertThat(identity.name()).isEqualTo("Alertmanager token");
        assertThat(identity.roles()).containsExactly("viewer");
        assertThat(identity.teamRoles()).containsExactly("catalog_editor");
        assertThat(identity.teams()).extracting(t -> t.name()).containsExactly("Platform");
        assertThat(identity.dashboardUrl()).isEqualTo("https://app.incident.io/my-org");
    }

    @Test
    void toleratesNewIncidentCategoriesModesAndVisibilities() throws Exception {
        JsonObject example = schemas.getJsonObject("IncidentsShowResultV2").getJsonObject("example").copy();
        example.getJsonObject("incident").put("mode", "simulation").put("visibility", "team_only")
                .put("brand_new_field", new JsonObject().put("x", 1));
        example.getJsonObject("incident").getJsonObject("incident_status").put("category", "snoozed");

        Incident incident = Json.mapper().readValue(example.encode(), IncidentPayloads.One.class).incident();

        assertThat(incident.mode()).isEqualTo(IncidentMode.UNKNOWN);
        assertThat(incident.visibility()).isEqualTo(IncidentVisibility.UNKNOWN);
        assertThat(incident.statusCategory()).isEqualTo(IncidentStatusCategory.UNKNOWN);
    }

    /** Each query parameter we sent, by its name before any bracket, must be a parameter the spec declares. */
    private static List<String> undeclaredQueryParameters() {
        JsonObject paths = specJson.getJsonObject("paths");
        List<String> problems = new ArrayList<>();
        for (RecordedRequest request : sandbox.requests()) {
            JsonObject operation = operation(paths, request.method(), request.path());
            if (operation == null) {
                problems.add(request.method() + " " + request.path() + " is not in the spec");
                continue;
            }
            Set<String> declared = new HashSet<>();
            operation.getJsonArray("parameters", new io.vertx.core.json.JsonArray()).forEach(p ->
                    declared.add(((JsonObject) p).getString("name")));
            for (String pair : request.query().isEmpty() ? new String[0] : request.query().split("&")) {
                String name = URLDecoder.decode(pair.substring(0, pair.indexOf('=')), StandardCharsets.UTF_8);
                String base = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
                if (!declared.contains(base)) {
                    problems.add(request.method() + " " + request.path() + " sends undeclared " + name);
                }
            }
        }
        return problems;
    }

    private static JsonObject operation(JsonObject paths, String method, String path) {
        for (String template : paths.fieldNames()) {
            if (path.matches(template.replaceAll("\\{[^}]+}", "[^/]+"))) {
                JsonObject operation = paths.getJsonObject(template).getJsonObject(method.toLowerCase(java.util.Locale.ROOT));
                if (operation != null) {
                    return operation;
                }
            }
        }
        return null;
    }

    private static <T> T decode(String schema, Class<T> type) throws Exception {
        return Json.mapper().readValue(schemas.getJsonObject(schema).getJsonObject("example").encode(), type);
    }

    private static JsonObject encode(Object payload) throws Exception {
        return new JsonObject(Json.mapper().writeValueAsString(payload));
    }
}

package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ActionsV3Test extends DemoSandboxTest {
    /** An incident whose actions have fixed timestamps, for the created_at / updated_at filters. */
    private static String datedIncident;
    private static List<String> dated;

    @BeforeAll
    static void seedDatedActions() {
        var state = http.sandbox.state();
        datedIncident = state.addIncident(new JsonObject()).getString("id");
        dated = new ArrayList<>();
        for (var created : List.of("2024-12-01T23:59:59.999999Z", "2024-12-02T00:00:00.000000Z", "2024-12-05T12:00:00.000000Z",
                "2024-12-08T23:59:59.000000Z", "2024-12-09T00:00:00.000000Z")) {
            dated.add(state.addAction(new JsonObject().put("incident_id", datedIncident).put("description", "at " + created)
                    .put("created_at", created).put("updated_at", created.replace("2024-12", "2025-01"))).getString("id"));
        }
    }

    private static List<String> ids(JsonObject list) {
        return list.getJsonArray("actions").stream().map(a -> ((JsonObject) a).getString("id")).toList();
    }

    private static String newIncident() {
        return http.sandbox.state().addIncident(new JsonObject()).getString("id");
    }

    private static String createV3(String incidentId, String description) {
        var response = http.post("/v3/actions", new JsonObject().put("incident_id", incidentId).put("description", description));
        assertThat(response.statusCode()).isEqualTo(201);
        return response.bodyAsJsonObject().getJsonObject("action").getString("id");
    }

    @Test
    void v2AndV3ShareTheSameActions() {
        var incident = newIncident();
        var viaV3 = createV3(incident, "made with v3");

        var readViaV2 = http.get("/v2/actions/" + viaV3).bodyAsJsonObject().getJsonObject("action");
        var updatedViaV2 = http.put("/v2/actions/" + viaV3, new JsonObject().put("description", "edited with v2").put("status", "completed"));
        var readViaV3 = http.get("/v3/actions/" + viaV3).bodyAsJsonObject().getJsonObject("action");

        assertThat(readViaV2.getString("description")).isEqualTo("made with v3");
        assertThat(updatedViaV2.statusCode()).isEqualTo(200);
        assertThat(readViaV3.getString("description")).isEqualTo("edited with v2");
        assertThat(readViaV3.getString("status")).isEqualTo("completed");
        assertThat(http.delete("/v3/actions/" + viaV3).statusCode()).isEqualTo(204);
        assertThat(http.get("/v2/actions/" + viaV3).statusCode()).isEqualTo(404);
    }

    @Test
    void v3ValidatesLikeV2() {
        var response = http.post("/v3/actions", new JsonObject().put("incident_id", DemoData.INCIDENT_1));
        var deleted = http.put("/v3/actions/" + DemoData.ACTION_OUTSTANDING, new JsonObject().put("description", "d").put("status", "deleted"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getJsonObject("source").getString("field"))
                .isEqualTo("description");
        assertThat(deleted.statusCode()).isEqualTo(422);
        assertThat(http.get("/v3/actions/01NOPE00000000000000000000").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesThroughActionsOldestFirst() {
        var incident = newIncident();
        var created = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            created.add(createV3(incident, "action " + i));
        }

        var first = http.get("/v3/actions?page_size=2&incident_id=" + incident).bodyAsJsonObject();
        var second = http.get("/v3/actions?page_size=2&incident_id=" + incident + "&after=" + created.get(1)).bodyAsJsonObject();
        var third = http.get("/v3/actions?page_size=2&incident_id=" + incident + "&after=" + created.get(3)).bodyAsJsonObject();

        assertThat(ids(first)).containsExactly(created.get(0), created.get(1));
        assertThat(first.getJsonObject("pagination_meta")).isEqualTo(new JsonObject().put("page_size", 2).put("after", created.get(1)));
        assertThat(ids(second)).containsExactly(created.get(2), created.get(3));
        assertThat(second.getJsonObject("pagination_meta")).isEqualTo(new JsonObject().put("page_size", 2).put("after", created.get(3)));
        assertThat(ids(third)).containsExactly(created.get(4));
        assertThat(third.getJsonObject("pagination_meta")).isEqualTo(new JsonObject().put("page_size", 2));
    }

    @Test
    void defaultsToPagesOf25() {
        var body = http.get("/v3/actions?incident_id=" + DemoData.INCIDENT_1).bodyAsJsonObject();

        assertThat(ids(body)).containsExactly(DemoData.ACTION_SPEC_EXAMPLE, DemoData.ACTION_COMPLETED);
        assertThat(body.getJsonObject("pagination_meta")).isEqualTo(new JsonObject().put("page_size", 25));
    }

    @Test
    void refusesPageSizesOutsideOneTo250() {
        for (var size : List.of("0", "251", "-1", "many")) {
            var response = http.get("/v3/actions?page_size=" + size);

            assertThat(response.statusCode()).as(size).isEqualTo(422);
            assertThat(response.bodyAsJsonObject().getJsonArray("errors")).isEqualTo(new JsonArray().add(new JsonObject()
                    .put("code", "invalid_value").put("message", "The page_size must be a number from 1 to 250, but was '" + size + "'")
                    .put("source", new JsonObject().put("field", "page_size").put("pointer", "/page_size"))));
        }
        assertThat(http.get("/v3/actions?page_size=250").statusCode()).isEqualTo(200);
    }

    @Test
    void hidesActionsOfTestIncidentsUnlessAsked() {
        assertThat(ids(http.get("/v3/actions?page_size=250").bodyAsJsonObject())).doesNotContain(DemoData.ACTION_ON_TEST_INCIDENT);
        assertThat(ids(http.get("/v3/actions?incident_mode=test").bodyAsJsonObject())).containsExactly(DemoData.ACTION_ON_TEST_INCIDENT);
        assertThat(ids(http.get("/v3/actions?incident_mode=retrospective").bodyAsJsonObject())).containsExactly(DemoData.ACTION_ON_RETROSPECTIVE);
    }

    @Test
    void filtersByCreatedAtDateRangeInclusive() {
        var body = http.get("/v3/actions?incident_id=" + datedIncident + "&created_at[date_range]=2024-12-02~2024-12-08").bodyAsJsonObject();

        assertThat(ids(body)).containsExactly(dated.get(1), dated.get(2), dated.get(3));
    }

    @Test
    void filtersByCreatedAtBounds() {
        assertThat(ids(http.get("/v3/actions?incident_id=" + datedIncident + "&created_at[gte]=2024-12-05").bodyAsJsonObject()))
                .containsExactly(dated.get(2), dated.get(3), dated.get(4));
        assertThat(ids(http.get("/v3/actions?incident_id=" + datedIncident + "&created_at[lte]=2024-12-02").bodyAsJsonObject()))
                .containsExactly(dated.get(0), dated.get(1));
        assertThat(ids(http.get("/v3/actions?incident_id=" + datedIncident
                + "&created_at[gte]=2024-12-02T00:00:00Z&created_at[lte]=2024-12-05T12:00:00Z").bodyAsJsonObject()))
                .containsExactly(dated.get(1), dated.get(2));
    }

    @Test
    void filtersByUpdatedAt() {
        assertThat(ids(http.get("/v3/actions?incident_id=" + datedIncident + "&updated_at[gte]=2025-01-08").bodyAsJsonObject()))
                .containsExactly(dated.get(3), dated.get(4));
        assertThat(ids(http.get("/v3/actions?incident_id=" + datedIncident + "&updated_at[lte]=2024-12-31").bodyAsJsonObject()))
                .isEmpty();
    }

    @Test
    void refusesBadTimeFilters() {
        var badDate = http.get("/v3/actions?created_at[gte]=last-week");
        var badOperator = http.get("/v3/actions?created_at[gt]=2024-12-02");
        var badRange = http.get("/v3/actions?created_at[date_range]=2024-12-02");

        assertThat(badDate.statusCode()).isEqualTo(422);
        assertThat(badDate.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0)).isEqualTo(new JsonObject()
                .put("code", "invalid_value")
                .put("message", "The created_at filter needs dates (2024-12-02) or RFC3339 timestamps, but got 'last-week'")
                .put("source", new JsonObject().put("field", "created_at").put("pointer", "/created_at")));
        assertThat(badOperator.statusCode()).isEqualTo(422);
        assertThat(badOperator.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("The created_at filter accepts the operators date_range, gte, lte, but got 'gt'");
        assertThat(badRange.statusCode()).isEqualTo(422);
    }

    @Test
    void refusesFiltersTheSandboxDoesNotSimulate() {
        var response = http.get("/v3/actions?status[one_of]=outstanding");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("code")).isEqualTo("unsupported_filter");
    }
}

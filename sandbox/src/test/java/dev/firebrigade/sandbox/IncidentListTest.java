package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /v2/incidents over the five demo incidents (INC-1..5, created on 2021-08-17, 18, 20, 22 and 23). */
class IncidentListTest extends DemoSandboxTest {
    private static List<String> references(String query) {
        var response = http.get("/v2/incidents" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return response.bodyAsJsonObject().getJsonArray("incidents").stream()
                .map(i -> ((JsonObject) i).getString("reference")).toList();
    }

    @Test
    void listsStandardAndRetrospectiveIncidentsNewestFirstByDefault() {
        var body = http.get("/v2/incidents").bodyAsJsonObject();

        assertThat(references("")).containsExactly("INC-5", "INC-3", "INC-2", "INC-1");
        assertThat(body.getJsonObject("pagination_meta")).isEqualTo(new JsonObject().put("page_size", 25).put("total_record_count", 4));
        assertThat(body.getJsonArray("incidents").getJsonObject(3)).isEqualTo(http.sandbox.state().incident(DemoData.INCIDENT_1).orElseThrow());
    }

    @Test
    void sortsOldestFirstWhenAsked() {
        assertThat(references("?sort_by=created_at_oldest_first")).containsExactly("INC-1", "INC-2", "INC-3", "INC-5");
    }

    @Test
    void filtersByMode() {
        assertThat(references("?mode[one_of]=test")).containsExactly("INC-4");
        assertThat(references("?mode[one_of]=standard&mode[one_of]=retrospective&mode[one_of]=test&mode[one_of]=tutorial"))
                .containsExactly("INC-5", "INC-4", "INC-3", "INC-2", "INC-1");
        assertThat(http.get("/v2/incidents?mode[one_of]=real").statusCode()).isEqualTo(422);
    }

    @Test
    void filtersByStatusCategory() {
        assertThat(references("?status_category[one_of]=live")).containsExactly("INC-2", "INC-1");
        assertThat(references("?status_category[one_of]=active")).containsExactly("INC-2", "INC-1");
        assertThat(references("?status_category[not_in]=closed&status_category[not_in]=learning")).containsExactly("INC-2", "INC-1");
        assertThat(references("?status_category[one_of]=closed&status_category[one_of]=learning")).containsExactly("INC-5", "INC-3");
    }

    @Test
    void filtersByStatusAndIncidentType() {
        assertThat(references("?status[one_of]=" + DemoData.STATUS_MONITORING)).containsExactly("INC-2");
        assertThat(references("?status[not_in]=" + DemoData.STATUS_MONITORING)).containsExactly("INC-5", "INC-3", "INC-1");
        assertThat(references("?incident_type[not_in]=01FD3PF0T85S2AX5XTJK8EVA1F")).isEmpty();
    }

    @Test
    void filtersBySeverityIdAndRank() {
        assertThat(references("?severity[one_of]=" + DemoData.SEVERITY_MINOR)).containsExactly("INC-2");
        assertThat(references("?severity[not_in]=" + DemoData.SEVERITY_MINOR)).containsExactly("INC-5", "INC-3", "INC-1");
        assertThat(references("?severity[gte]=" + DemoData.SEVERITY_MAJOR)).containsExactly("INC-5", "INC-3", "INC-1");
        assertThat(references("?severity[lte]=" + DemoData.SEVERITY_MAJOR)).containsExactly("INC-5", "INC-2", "INC-1");
        assertThat(references("?severity[gte]=" + DemoData.SEVERITY_MAJOR + "&severity[lte]=" + DemoData.SEVERITY_MAJOR))
                .containsExactly("INC-5", "INC-1");
        var unknown = http.get("/v2/incidents?severity[gte]=01NOPE00000000000000000000");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getJsonObject("source").getString("field"))
                .isEqualTo("severity");
    }

    @Test
    void filtersByCreatedAt() {
        assertThat(references("?created_at[date_range]=2021-08-18~2021-08-20")).containsExactly("INC-3", "INC-2");
        assertThat(references("?created_at[gte]=2021-08-20")).containsExactly("INC-5", "INC-3");
        assertThat(references("?created_at[lte]=2021-08-17T13:28:57.801578Z")).containsExactly("INC-1");
    }

    @Test
    void combinesFiltersWithAnyWhenAsked() {
        var query = "?severity[one_of]=" + DemoData.SEVERITY_CRITICAL + "&status_category[one_of]=learning";

        assertThat(references(query)).isEmpty();
        assertThat(references(query + "&filter_mode=any")).containsExactly("INC-5", "INC-3");
    }

    @Test
    void pagesWithTheAfterCursorAndCountsTheTotal() {
        var first = http.get("/v2/incidents?page_size=3").bodyAsJsonObject();
        var second = http.get("/v2/incidents?page_size=3&after=" + DemoData.INCIDENT_2).bodyAsJsonObject();

        assertThat(first.getJsonObject("pagination_meta")).isEqualTo(new JsonObject()
                .put("page_size", 3).put("total_record_count", 4).put("after", DemoData.INCIDENT_2));
        assertThat(second.getJsonArray("incidents").getJsonObject(0).getString("reference")).isEqualTo("INC-1");
        assertThat(second.getJsonObject("pagination_meta")).isEqualTo(new JsonObject().put("page_size", 3).put("total_record_count", 4));
    }

    @Test
    void refusesBadPagingAndUnsimulatedFilters() {
        assertThat(http.get("/v2/incidents?page_size=251").statusCode()).isEqualTo(422);
        assertThat(http.get("/v2/incidents?after=01NOPE00000000000000000000").statusCode()).isEqualTo(422);
        assertThat(http.get("/v2/incidents?sort_by=name").statusCode()).isEqualTo(422);
        var customField = http.get("/v2/incidents?custom_field[01FD4EG268J8X99RXZJ4D63PZ2][one_of]=x");
        assertThat(customField.statusCode()).isEqualTo(400);
        assertThat(customField.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("The sandbox does not simulate the 'custom_field' filter; supported filters: created_at, incident_type, "
                        + "mode, severity, status, status_category, updated_at");
    }
}

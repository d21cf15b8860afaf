package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Declaring and editing incidents, incident updates, and the catalog the names come from. */
class IncidentChangesTest extends DemoSandboxTest {

    private static JsonObject declare(String key) {
        return new JsonObject().put("idempotency_key", key).put("visibility", "private").put("mode", "test")
                .put("name", "Game day").put("severity_id", DemoData.SEVERITY_CRITICAL)
                .put("incident_type_id", DemoData.INCIDENT_TYPE_PLATFORM).put("incident_status_id", DemoData.STATUS_TRIAGE)
                .put("incident_role_assignments", new JsonArray().add(new JsonObject().put("incident_role_id", DemoData.ROLE_LEAD)
                        .put("assignee", new JsonObject().put("email", DemoData.EMAIL_LISA))));
    }

    @Test
    void declaresAnIncidentWithItsCatalogEntriesAndLead() {
        var response = http.post("/v2/incidents", declare("sandbox-declare-1"));

        assertThat(response.statusCode()).isEqualTo(200);
        var incident = response.bodyAsJsonObject().getJsonObject("incident");
        assertThat(incident.getString("reference")).startsWith("INC-");
        assertThat(incident.getString("mode")).isEqualTo("test");
        assertThat(incident.getString("visibility")).isEqualTo("private");
        assertThat(incident.getJsonObject("severity").getString("name")).isEqualTo("Critical");
        assertThat(incident.getJsonObject("incident_type").getString("name")).isEqualTo("Platform");
        assertThat(incident.getJsonObject("incident_status").getString("name")).isEqualTo("Triage");
        assertThat(incident.getJsonArray("incident_role_assignments").getJsonObject(0).getJsonObject("assignee")
                .getString("id")).isEqualTo(DemoData.USER_LISA);
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersWithTheFirstIncident() {
        var first = http.post("/v2/incidents", declare("sandbox-declare-2")).bodyAsJsonObject().getJsonObject("incident");
        int count = http.get("/v2/incidents?mode[one_of]=test").bodyAsJsonObject().getJsonArray("incidents").size();

        var again = http.post("/v2/incidents", declare("sandbox-declare-2").put("name", "Another name"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.bodyAsJsonObject().getJsonObject("incident")).isEqualTo(first);
        assertThat(http.get("/v2/incidents?mode[one_of]=test").bodyAsJsonObject().getJsonArray("incidents")).hasSize(count);
    }

    @Test
    void refusesADeclareWithoutKeyOrVisibilityOrWithAnUnknownSeverity() {
        var noKey = http.post("/v2/incidents", new JsonObject().put("visibility", "public"));
        var unknownSeverity = http.post("/v2/incidents", declare("sandbox-declare-3").put("severity_id", "01NOPE"));

        assertThat(noKey.statusCode()).isEqualTo(422);
        assertThat(noKey.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getJsonObject("source")
                .getString("field")).isEqualTo("idempotency_key");
        assertThat(unknownSeverity.statusCode()).isEqualTo(422);
        assertThat(unknownSeverity.bodyAsString()).contains("No severity found with ID '01NOPE'");
    }

    @Test
    void editsOnlyTheFieldsSentAndRecordsAStatusMoveAsAnUpdate() {
        var incident = http.post("/v2/incidents", declare("sandbox-edit-1")).bodyAsJsonObject().getJsonObject("incident");
        var id = incident.getString("id");

        var edited = http.post("/v2/incidents/" + id + "/actions/edit", new JsonObject()
                .put("incident", new JsonObject().put("incident_status_id", DemoData.STATUS_MONITORING))
                .put("notify_incident_channel", false)).bodyAsJsonObject().getJsonObject("incident");
        var updates = http.get("/v2/incident_updates?incident_id=" + id).bodyAsJsonObject();

        assertThat(edited.getJsonObject("incident_status").getString("name")).isEqualTo("Monitoring");
        assertThat(edited.getString("name")).isEqualTo("Game day");
        assertThat(edited.getJsonObject("severity")).isEqualTo(incident.getJsonObject("severity"));
        assertThat(updates.getJsonArray("incident_updates")).hasSize(1);
        assertThat(updates.getJsonArray("incident_updates").getJsonObject(0).getJsonObject("new_incident_status")
                .getString("id")).isEqualTo(DemoData.STATUS_MONITORING);
        assertThat(updates.getJsonObject("pagination_meta").getInteger("page_size")).isEqualTo(25);
    }

    @Test
    void anEditNeedsTheNotifyFlag() {
        var response = http.post("/v2/incidents/" + DemoData.INCIDENT_1 + "/actions/edit",
                new JsonObject().put("incident", new JsonObject().put("name", "x")));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.bodyAsString()).contains("notify_incident_channel");
    }

    @Test
    void servesTheCatalog() {
        assertThat(http.get("/v1/severities").bodyAsJsonObject().getJsonArray("severities")).hasSize(3);
        assertThat(http.get("/v1/incident_types").bodyAsJsonObject().getJsonArray("incident_types")).hasSize(3);
        assertThat(http.get("/v1/incident_statuses").bodyAsJsonObject().getJsonArray("incident_statuses")).hasSize(6);
        assertThat(http.get("/v2/incident_roles").bodyAsJsonObject().getJsonArray("incident_roles")).hasSize(3);
    }
}

package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class IncidentsTest extends DemoSandboxTest {
    @Test
    void showsAnIncidentByItsId() {
        var response = http.get("/v2/incidents/" + DemoData.INCIDENT_1);

        assertThat(response.statusCode()).isEqualTo(200);
        var incident = response.bodyAsJsonObject().getJsonObject("incident");
        assertThat(incident.fieldNames()).contains("incident_status", "id", "reference", "name", "visibility", "mode",
                "creator", "incident_role_assignments", "custom_field_entries", "slack_team_id", "slack_channel_id",
                "created_at", "updated_at");
        assertThat(incident.getString("id")).isEqualTo("01FCNDV6P870EA6S7TK1DSYDG7");
        assertThat(incident.getString("reference")).isEqualTo("INC-1");
        assertThat(incident.getString("name")).isEqualTo("Our database is sad");
        assertThat(incident.getString("mode")).isEqualTo("standard");
        assertThat(incident.getString("visibility")).isEqualTo("public");
        assertThat(incident.getJsonObject("incident_status").getString("category")).isEqualTo("live");
        assertThat(incident.getJsonObject("severity")).isEqualTo(new JsonObject()
                .put("id", "01FCWY5ME8YA61ZCBW4E8C34PF").put("name", "Major")
                .put("description", "Issues causing **significant impact**. Immediate response is usually required.")
                .put("rank", 2).put("created_at", "2021-08-01T09:00:00.000000Z").put("updated_at", "2021-08-01T09:00:00.000000Z"));
        assertThat(incident.getJsonObject("creator").getJsonObject("user").getString("id")).isEqualTo(DemoData.USER_LISA);
        assertThat(incident.getJsonArray("incident_role_assignments")).hasSize(2);
        assertThat(incident.getJsonArray("incident_role_assignments").getJsonObject(0).getJsonObject("assignee").getString("email"))
                .isEqualTo("lisa@incident.io");
        assertThat(incident.getJsonArray("custom_field_entries").getJsonObject(0).getJsonArray("values").getJsonObject(0)
                .getJsonObject("value_option").getString("value")).isEqualTo("Platform");
        assertThat(incident.getString("slack_team_id")).isEqualTo("T02A1FSLE8J");
        assertThat(incident.getString("created_at")).isEqualTo("2021-08-17T13:28:57.801578Z");
    }

    @Test
    void showsAnIncidentByTheNumberOfItsReference() {
        var response = http.get("/v2/incidents/2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getJsonObject("incident").getString("id")).isEqualTo("01FCNDV6P870EA6S7TK1DSYD5H");
    }

    @Test
    void doesNotAcceptTheFullReference() {
        // Only the ID and the numeric part are documented; a client must strip "INC-" itself.
        var response = http.get("/v2/incidents/INC-2");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("code", "not_found").put("message", "No incident found with ID or reference number 'INC-2'")));
    }

    @Test
    void answersUnknownIncidentWith404() {
        assertThat(http.get("/v2/incidents/999").statusCode()).isEqualTo(404);
        assertThat(http.get("/v2/incidents/01NOPE00000000000000000000").statusCode()).isEqualTo(404);
        assertThat(http.get("/v2/incidents/123456789012345678901234567890").statusCode()).isEqualTo(404);
    }

    @Test
    void servesIncidentsAddedByTestsWithTheNextReference() {
        var state = http.sandbox.state();
        var added = state.addIncident(new JsonObject().put("name", "Kettle on fire").put("mode", "tutorial")
                .put("severity", state.severity("Critical").orElseThrow()));

        var byNumber = http.get("/v2/incidents/" + added.getString("reference").substring(4)).bodyAsJsonObject();

        assertThat(added.getString("reference")).startsWith("INC-");
        assertThat(Integer.parseInt(added.getString("reference").substring(4))).isGreaterThan(5);
        assertThat(byNumber.getJsonObject("incident")).isEqualTo(added);
        assertThat(added.getJsonObject("severity").getString("id")).isEqualTo(DemoData.SEVERITY_CRITICAL);
        assertThat(added.getJsonObject("incident_status").getString("name")).isEqualTo("Investigating");
    }
}

package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.IncidentUpdate;
import dev.firebrigade.sandbox.DemoData;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.firebrigade.IncidentDeclareTest.assertInvalid;
import static dev.firebrigade.ReferenceResolutionTest.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** incidents().edit(...).apply() and incidentUpdates() over loopback. */
class IncidentEditTest extends SandboxFixture {

    @AfterEach
    void restoreDemoIncidents() {
        sandbox.state().reset();
    }

    @Test
    void movesAnIncidentAlongSendingOnlyTheFieldsNamed() {
        Incident edited = io.incidents().edit("INC-2").status("Investigating").severity("major")
                .summary("Rolled back; **watching** error rates").notifyChannel(false).apply().await();

        assertThat(edited.id()).isEqualTo(DemoData.INCIDENT_2);
        assertThat(edited.incidentStatus().name()).isEqualTo("Investigating");
        assertThat(edited.severity().name()).isEqualTo("Major");
        assertThat(edited.summary()).isEqualTo("Rolled back; **watching** error rates");
        assertThat(edited.name()).isEqualTo(sandbox.state().incident(DemoData.INCIDENT_2).orElseThrow().getString("name"));
        var post = ReferenceResolutionTest.only("POST", "/v2/incidents/" + DemoData.INCIDENT_2 + "/actions/edit");
        assertThat(new JsonObject(post.body())).isEqualTo(new JsonObject()
                .put("incident", new JsonObject().put("summary", "Rolled back; **watching** error rates")
                        .put("severity_id", DemoData.SEVERITY_MAJOR).put("incident_status_id", DemoData.STATUS_INVESTIGATING))
                .put("notify_incident_channel", false));
    }

    @Test
    void notifiesTheChannelUnlessToldNotTo() {
        io.incidents().edit(DemoData.INCIDENT_1).name("Our database is very sad").apply().await();

        var post = requests("POST", "/v2/incidents/" + DemoData.INCIDENT_1 + "/actions/edit").get(0);
        assertThat(new JsonObject(post.body()).getBoolean("notify_incident_channel")).isTrue();
    }

    @Test
    void changesTheLead() {
        Incident edited = io.incidents().edit("INC-1").lead("martha@incident.io").apply().await();

        assertThat(edited.lead().id()).isEqualTo(DemoData.USER_MARTHA);
    }

    @Test
    void listsTheUpdatesAStatusMoveLeavesPageByPage() {
        for (String status : List.of("Monitoring", "Investigating", "Monitoring", "Documenting", "Closed")) {
            io.incidents().edit("INC-1").status(status).notifyChannel(false).apply().await();
        }
        io.incidents().edit("INC-2").status("Closed").apply().await();

        List<IncidentUpdate> updates = io.incidentUpdates().forIncident("INC-1").fetch().await();
        Page<IncidentUpdate> first = io.incidentUpdates().forIncident("inc-1").pageSize(2).firstPage().await();

        assertThat(updates).extracting(u -> u.newIncidentStatus().name())
                .containsExactly("Monitoring", "Investigating", "Monitoring", "Documenting", "Closed");
        assertThat(updates).allSatisfy(u -> {
            assertThat(u.incidentId()).isEqualTo(DemoData.INCIDENT_1);
            assertThat(u.updater().describe()).isNotBlank();
        });
        assertThat(first.items()).extracting(IncidentUpdate::id).containsExactly(updates.get(0).id(), updates.get(1).id());
        assertThat(first.hasNext()).isTrue();
        assertThat(io.incidentUpdates().list().fetch().await()).hasSize(6);
        assertThat(requests("GET", "/v2/incident_updates")).allSatisfy(r ->
                assertThat(r.query()).doesNotContain("INC"));
    }

    @Test
    void refusesBadEditsBeforeSending() {
        assertInvalid(() -> io.incidents().edit("INC-1").apply(), "incident", "status(\"Monitoring\")");
        assertInvalid(() -> io.incidents().edit(null).status("Closed").apply(), "id", "edit(...)");
        assertInvalid(() -> io.incidents().edit(" ").status("Closed").apply(), "id", "edit(...)");
        assertInvalid(() -> io.incidents().edit("INC-1").status(null).apply(), "incident_status_id", "status(...)");
        assertInvalid(() -> io.incidents().edit("INC-1").name("").apply(), "name", "name(...)");
        assertInvalid(() -> io.incidents().edit("INC-1").callUrl(" ").apply(), "call_url", "callUrl(...)");
        assertInvalid(() -> io.incidentUpdates().forIncident(" ").fetch(), "incident_id", "forIncident(...)");
        assertThatThrownBy(() -> io.incidents().edit("INC-1").status("Resolved").apply().await())
                .isInstanceOf(UnresolvedReferenceException.class)
                .hasMessageContaining("incident_status_id Resolved matches no incident status")
                .hasMessageContaining("\"Monitoring\"");
        assertThatThrownBy(() -> io.incidents().edit("INC-99").status("Closed").apply().await())
                .isInstanceOf(UnresolvedReferenceException.class).hasCauseInstanceOf(NotFoundException.class);
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void dryRunShowsTheEditAsGiven() {
        var preview = io.incidents().edit("INC-2").status("Monitoring").notifyChannel(false).dryRun();

        assertThat(preview.url()).isEqualTo(sandbox.baseUrl() + "/v2/incidents/INC-2/actions/edit");
        assertThat(new JsonObject(preview.body())).isEqualTo(new JsonObject()
                .put("incident", new JsonObject().put("incident_status_id", "Monitoring"))
                .put("notify_incident_channel", false));
        assertThat(sandbox.requests()).isEmpty();
        assertThatThrownBy(() -> io.incidents().edit("INC-2").dryRun()).isInstanceOf(InvalidInputException.class);
    }
}

package dev.firebrigade;

import dev.firebrigade.model.Action;
import org.junit.jupiter.api.Test;

import static dev.firebrigade.Firebrigade.actions;
import static dev.firebrigade.Firebrigade.client;
import static dev.firebrigade.Firebrigade.connect;
import static dev.firebrigade.Firebrigade.identity;
import static dev.firebrigade.Firebrigade.incidents;
import static dev.firebrigade.Firebrigade.raw;
import static dev.firebrigade.Firebrigade.users;
import static org.assertj.core.api.Assertions.assertThat;

class FacadeTest extends SandboxFixture {

    @Test
    void theReadmeLineWorksThroughTheFacade() {
        connect(io);

        Action action = actions().forIncident(OTHER_INCIDENT).describe("Call the fire brigade").assignTo(LISA).create().await();

        assertThat(client()).isSameAs(io);
        assertThat(action.incidentId()).isEqualTo(OTHER_INCIDENT);
    }

    @Test
    void usersIncidentsIdentityAndRawWorkThroughTheFacade() {
        connect(io);

        Action action = actions().forIncident("INC-2").describe("Call the fire brigade").assignTo("lisa@incident.io")
                .create().await();

        assertThat(action.incidentId()).isEqualTo(OTHER_INCIDENT);
        assertThat(action.assignee().id()).isEqualTo(LISA);
        assertThat(users().list().email("lisa@incident.io").fetch().await()).extracting(u -> u.id()).containsExactly(LISA);
        assertThat(incidents().get("INC-2").await().id()).isEqualTo(OTHER_INCIDENT);
        assertThat(identity().await().name()).isEqualTo("Firebrigade sandbox");
        assertThat(raw().get("/v2/incidents/2").await().getJsonObject("incident").getString("reference")).isEqualTo("INC-2");
    }

    @Test
    void pagesAndQueriesPrintAsOneShortLine() {
        var page = io.incidents().list().oldestFirst().pageSize(2).firstPage().await();

        assertThat(page.toString()).isEqualTo("Page of 2 of 4, more after " + OTHER_INCIDENT);
        assertThat(io.incidents().list().statusCategory(dev.firebrigade.model.IncidentStatusCategory.LIVE).toString())
                .isEqualTo("IncidentQuery[filters={status_category[one_of]=[live]}, pageSize=default]");
        assertThat(io.users().list().email("lisa@incident.io").toString())
                .isEqualTo("UserQuery[email=lisa@incident.io, pageSize=default]");
    }

    @Test
    void modelsPrintAsOneShortLine() {
        Action example = io.actions().get(EXAMPLE_ACTION).await();

        assertThat(example.toString()).isEqualTo("Action " + EXAMPLE_ACTION
                + " [outstanding] \"Call the fire brigade\" -> Lisa Karlin Curtis (incident " + INCIDENT + ")");
        assertThat(example.assignee().toString()).isEqualTo("User " + LISA + " Lisa Karlin Curtis <lisa@incident.io>");
        assertThat(example.creator().toString()).isEqualTo("Actor Lisa Karlin Curtis");
    }
}

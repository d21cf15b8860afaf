package dev.firebrigade;

import dev.firebrigade.model.Action;
import org.junit.jupiter.api.Test;

import static dev.firebrigade.Firebrigade.actions;
import static dev.firebrigade.Firebrigade.client;
import static dev.firebrigade.Firebrigade.connect;
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
    void modelsPrintAsOneShortLine() {
        Action example = io.actions().get(EXAMPLE_ACTION).await();

        assertThat(example.toString()).isEqualTo("Action " + EXAMPLE_ACTION
                + " [outstanding] \"Call the fire brigade\" -> Lisa Karlin Curtis (incident " + INCIDENT + ")");
        assertThat(example.assignee().toString()).isEqualTo("User " + LISA + " Lisa Karlin Curtis <lisa@incident.io>");
        assertThat(example.creator().toString()).isEqualTo("Actor Lisa Karlin Curtis");
    }
}

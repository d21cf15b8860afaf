package dev.firebrigade;

import dev.firebrigade.model.Incident;
import dev.firebrigade.model.IncidentMode;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.firebrigade.ReferenceResolutionTest.requests;
import static org.assertj.core.api.Assertions.assertThat;

/** Name lookups are cached and coalesced like emails: a burst of declares asks for the catalog once. */
@Unthrottled
class CatalogCoalescingTest extends SandboxFixture {

    @Test
    void aThousandConcurrentDeclaresWithOneSeverityNameMakeOneSeverityRequest() {
        io.forgetResolutions();
        var drill = io.incidents().declare().name("Load drill").mode(IncidentMode.TEST).severity("Major")
                .status("Investigating");
        var creates = new ArrayList<Future<Incident>>();
        for (int i = 0; i < 1_000; i++) {
            creates.add(drill.create());
        }

        List<Incident> incidents = Future.all(creates).await().list();

        assertThat(incidents).hasSize(1_000).allSatisfy(i -> assertThat(i.severity().name()).isEqualTo("Major"));
        assertThat(incidents.stream().map(Incident::id).distinct()).hasSize(1_000);
        assertThat(requests("GET", "/v1/severities")).hasSize(1);
        assertThat(requests("GET", "/v1/incident_statuses")).hasSize(1);
        assertThat(requests("POST", "/v2/incidents")).hasSize(1_000);
    }
}

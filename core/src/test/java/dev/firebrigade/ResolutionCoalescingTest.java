package dev.firebrigade;

import dev.firebrigade.model.Action;
import dev.firebrigade.sandbox.DemoData;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One script, one incident, one assignee, a thousand actions: one lookup of each kind. */
class ResolutionCoalescingTest extends SandboxFixture {

    @Test
    void aThousandConcurrentCreatesMakeOneLookupOfEachKind() {
        sandbox.clearRequests();
        var draft = io.actions().forIncident("INC-1").assignTo(DemoData.EMAIL_LISA);

        List<Future<Action>> creates = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            creates.add(draft.describe("Sweep floor " + i).create());
        }
        Future.all(creates).await();

        assertThat(ReferenceResolutionTest.requests("GET", "/v2/incidents/1")).hasSize(1);
        assertThat(ReferenceResolutionTest.requests("GET", "/v2/users")).hasSize(1);
        assertThat(ReferenceResolutionTest.requests("POST", "/v3/actions")).hasSize(1000);
        assertThat(creates).allSatisfy(f -> {
            assertThat(f.result().incidentId()).isEqualTo(DemoData.INCIDENT_1);
            assertThat(f.result().assignee().id()).isEqualTo(DemoData.USER_LISA);
        });
    }
}

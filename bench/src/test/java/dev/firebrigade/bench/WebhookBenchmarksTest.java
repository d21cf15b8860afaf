package dev.firebrigade.bench;

import dev.firebrigade.webhooks.ActionEvent;
import dev.firebrigade.webhooks.IncidentEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each webhook benchmark, called once: what it measures must be a genuine, fully decoded verification. */
class WebhookBenchmarksTest {

    @Test
    void everyBenchmarkVerifiesAndDecodesItsDelivery() {
        var bench = new WebhookBenchmarks();
        bench.setUp();

        assertThat(bench.verifyActionEvent()).isInstanceOfSatisfying(ActionEvent.class,
                event -> assertThat(event.action().description()).isEqualTo("Call the fire brigade, round 0"));
        assertThat(bench.verifyIncidentEvent()).isInstanceOfSatisfying(IncidentEvent.class,
                event -> assertThat(event.incident().reference()).isEqualTo("INC-1"));
        assertThat(WebhookBenchmarks.actionCreated(0).length()).isBetween(500, 800);
        assertThat(WebhookBenchmarks.incidentCreated(0).length()).isBetween(2000, 3500);
    }
}

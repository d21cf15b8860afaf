package dev.firebrigade.bench;

import dev.firebrigade.ActionsApi;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The v3 reconciliation asks only for its window: its cost does not grow with the incident, v2's does. */
class ReconciliationCostTest {
    @Test
    void v3ListsOnlyTheWindowWhereV2ListsTheWholeIncident() throws Exception {
        List<ReconciliationCost.Cost> costs = ReconciliationCost.measure(300);

        for (String kind : List.of("safe create", "bulk, 1 row in doubt")) {
            var v2 = find(costs, kind, ActionsApi.V2);
            var v3 = find(costs, kind, ActionsApi.V3);
            assertThat(v2.actionsReturned()).as(kind).isGreaterThanOrEqualTo(300);
            assertThat(v3.actionsReturned()).as(kind).isBetween(1, 2);
            assertThat(v3.bytes()).as(kind).isLessThan(v2.bytes() / 50);
        }
    }

    private static ReconciliationCost.Cost find(List<ReconciliationCost.Cost> costs, String kind, ActionsApi api) {
        return costs.stream().filter(c -> c.kind().equals(kind) && c.api() == api).findFirst().orElseThrow();
    }
}

package dev.firebrigade;

import dev.firebrigade.bulk.BulkReport;
import dev.firebrigade.model.Action;
import dev.firebrigade.sandbox.RecordedRequest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On v3, looking for a create whose answer was lost lists only the window that can hold it ({@code incident_id} and
 * {@code created_at[gte]} = attempt start less the clock tolerance), however many actions the incident has.
 */
@Unthrottled
class ReconciliationWindowTest extends SandboxFixture {
    @TempDir
    Path dir;

    @Test
    void aSafeCreateOnV3ListsOnlyItsWindow() {
        String incident = incidentWithOldActions(300);
        sandbox.faults().on("POST", "/v3/actions").resetAfterProcessing().times(1);
        Instant started = Instant.now();

        Action action = io.actions().forIncident(incident).describe("Found in the window").create().await();

        List<RecordedRequest> listings = listings("/v3/actions");
        assertThat(listings).hasSize(1);
        assertThat(param(listings.get(0), "incident_id")).isEqualTo(incident);
        Instant since = Instant.parse(param(listings.get(0), "created_at[gte]"));
        Duration tolerance = FAST_RETRIES.clockSkewTolerance();
        // The attempt's start by incident.io's clock (the same as ours here, to the Date header's second), less 5 s.
        assertThat(since).isBetween(started.minus(tolerance).minusSeconds(2), started.minus(tolerance).plusSeconds(2));
        assertThat(action.description()).isEqualTo("Found in the window");
        assertThat(sandbox.state().actions()).filteredOn(a -> a.getString("description").equals("Found in the window"))
                .hasSize(1);
    }

    @Test
    void onV2TheSameCheckListsTheWholeIncident() {
        String incident = incidentWithOldActions(300);
        sandbox.faults().on("POST", "/v2/actions").resetAfterProcessing().times(1);
        IncidentIo v2 = IncidentIo.create(vertx, clientOptions().setActionsApi(ActionsApi.V2));
        try {
            v2.actions().forIncident(incident).describe("Found among all").create().await();
        } finally {
            v2.close().await();
        }

        assertThat(listings("/v2/actions")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("incident_id=" + incident));
    }

    @Test
    void theBulksReconciliationOnV3ListsOnlyTheWindowOfItsRowsInDoubt() throws IOException {
        String incident = incidentWithOldActions(300);
        Path csv = Files.writeString(dir.resolve("rows.csv"), "incident,description,assignee,key\n"
                + incident + ",Row in doubt,,doubt\n");
        Path journal = dir.resolve("rows.journal");
        Instant sent = Instant.now();
        // As if a run died after sending the row: the action exists, the journal has only the intent.
        sandbox.state().addAction(new JsonObject().put("incident_id", incident).put("description", "Row in doubt"));
        Files.writeString(journal, "{\"event\":\"run\",\"version\":1,\"source\":\"" + csv + "\",\"at\":\"" + sent + "\"}\n"
                + "{\"event\":\"sending\",\"key\":\"key:doubt\",\"row\":1,\"line\":2,\"incident\":\"" + incident
                + "\",\"description\":\"Row in doubt\",\"at\":\"" + sent + "\"}\n");
        sandbox.clearRequests();

        BulkReport report = io.actions().bulk(csv).journal(journal).run().await();

        assertThat(report.ok()).isTrue();
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(sent("POST")).isZero();
        List<RecordedRequest> listings = listings("/v3/actions");
        assertThat(listings).isNotEmpty().allSatisfy(r -> {
            assertThat(param(r, "incident_id")).isEqualTo(incident);
            assertThat(Instant.parse(param(r, "created_at[gte]"))).isBefore(sent).isAfter(sent.minus(Duration.ofMinutes(3)));
        });
    }

    /** A new incident holding {@code count} actions created a year ago. */
    private static String incidentWithOldActions(int count) {
        String incident = sandbox.state().addIncident(new JsonObject()).getString("id");
        String yearAgo = Instant.now().minus(Duration.ofDays(365)).toString();
        for (int i = 0; i < count; i++) {
            sandbox.state().addAction(new JsonObject().put("incident_id", incident).put("description", "Old " + i)
                    .put("created_at", yearAgo).put("updated_at", yearAgo));
        }
        sandbox.clearRequests();
        return incident;
    }

    private static List<RecordedRequest> listings(String path) {
        return sandbox.requests().stream().filter(r -> r.method().equals("GET") && r.path().equals(path)).toList();
    }

    private static String param(RecordedRequest request, String name) {
        for (String pair : request.query().split("&")) {
            int eq = pair.indexOf('=');
            if (URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

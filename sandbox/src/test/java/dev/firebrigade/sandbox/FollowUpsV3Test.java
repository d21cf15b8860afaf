package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** {@code /v3/follow_ups}: create, PUT rules, delete, connect, create from a link, and the paginated list. */
class FollowUpsV3Test extends DemoSandboxTest {

    private static JsonObject created(String title) {
        var response = http.post("/v3/follow_ups", new JsonObject().put("incident_id", DemoData.INCIDENT_2).put("title", title)
                .put("assignee_id", DemoData.USER_MARTHA).put("follow_up_priority_option_id", DemoData.PRIORITY_MEDIUM)
                .put("follow_up_category_id", DemoData.CATEGORY_MONITORING).put("labels", new JsonArray().add("alerts")));
        assertThat(response.statusCode()).isEqualTo(201);
        return response.bodyAsJsonObject().getJsonObject("follow_up");
    }

    @Test
    void createsAFollowUpWithItsPriorityCategoryAndLabels() {
        var followUp = created("Page on payment errors");

        assertThat(followUp.getString("status")).isEqualTo("outstanding");
        assertThat(followUp.getJsonObject("assignee").getString("id")).isEqualTo(DemoData.USER_MARTHA);
        assertThat(followUp.getJsonObject("priority").getString("name")).isEqualTo("Medium");
        assertThat(followUp.getJsonObject("category").getString("name")).isEqualTo("Monitoring");
        assertThat(followUp.getJsonArray("labels")).containsExactly("alerts");
    }

    @Test
    void aPutRefusesDeletedAndANullAssigneeUnassigns() {
        var id = created("Refuse deleted").getString("id");

        var deleted = http.put("/v3/follow_ups/" + id, new JsonObject().put("title", "x").put("status", "deleted"));
        var unassigned = http.put("/v3/follow_ups/" + id, new JsonObject().put("title", "Refuse deleted")
                .put("status", "completed").putNull("assignee_id"));

        assertThat(deleted.statusCode()).isEqualTo(422);
        assertThat(deleted.bodyAsString()).contains("not allowed; use the delete endpoint");
        var followUp = unassigned.bodyAsJsonObject().getJsonObject("follow_up");
        assertThat(followUp.containsKey("assignee")).isFalse();
        assertThat(followUp.getString("completed_at")).isNotNull();
        assertThat(followUp.getJsonObject("priority").getString("id")).isEqualTo(DemoData.PRIORITY_MEDIUM);
    }

    @Test
    void deletesForGood() {
        var id = created("Delete me").getString("id");

        assertThat(http.delete("/v3/follow_ups/" + id).statusCode()).isEqualTo(204);
        assertThat(http.get("/v3/follow_ups/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void connectsAnIssueOnlyOnceAndCreatesFromKnownTrackerLinks() {
        var id = created("Connect me").getString("id");
        var connect = new JsonObject().put("provider", "linear").put("url", "https://linear.app/fb/issue/OPS-1");

        assertThat(http.post("/v3/follow_ups/" + id + "/actions/connect_external_issue", connect).statusCode()).isEqualTo(200);
        assertThat(http.post("/v3/follow_ups/" + id + "/actions/connect_external_issue", connect).statusCode()).isEqualTo(422);
        var fromLink = http.post("/v3/follow_ups/actions/create_from_link", new JsonObject()
                .put("incident_id", DemoData.INCIDENT_1).put("url", "https://gitlab.com/fb/ops/-/issues/3"));
        var unknownTracker = http.post("/v3/follow_ups/actions/create_from_link", new JsonObject()
                .put("incident_id", DemoData.INCIDENT_1).put("url", "https://example.com/3"));

        assertThat(fromLink.statusCode()).isEqualTo(201);
        assertThat(fromLink.bodyAsJsonObject().getJsonObject("follow_up").getJsonObject("external_issue_reference")
                .getString("provider")).isEqualTo("gitlab");
        assertThat(unknownTracker.statusCode()).isEqualTo(422);
    }

    @Test
    void aFollowUpFromALinkIsBackdatedToTheIssueAndStoresTheLinkAsItsPermalink() {
        var link = new JsonObject().put("incident_id", DemoData.INCIDENT_1).put("url", "https://github.com/fb/ops/issues/9");
        var before = Instant.now();

        var first = http.post("/v3/follow_ups/actions/create_from_link", link).bodyAsJsonObject().getJsonObject("follow_up");
        var second = http.post("/v3/follow_ups/actions/create_from_link", link).bodyAsJsonObject().getJsonObject("follow_up");

        assertThat(first.getJsonObject("external_issue_reference")).isEqualTo(new JsonObject().put("provider", "github")
                .put("issue_name", "fb/ops/issues/9").put("issue_permalink", "https://github.com/fb/ops/issues/9"));
        // The spec: "backdated to the issue's creation time"; both follow-ups share the issue, so its time too.
        assertThat(Instant.parse(first.getString("created_at"))).isBefore(before.minus(Duration.ofHours(23)));
        assertThat(second.getString("created_at")).isEqualTo(first.getString("created_at"));
        assertThat(Instant.parse(first.getString("updated_at"))).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.MICROS));
        var written = http.get("/v3/follow_ups?incident_id=" + DemoData.INCIDENT_1 + "&updated_at%5Bgte%5D="
                + before.truncatedTo(ChronoUnit.MICROS)).bodyAsJsonObject().getJsonArray("follow_ups");
        assertThat(written.stream().map(f -> ((JsonObject) f).getString("id")))
                .containsExactly(first.getString("id"), second.getString("id"));
    }

    @Test
    void listsInIdOrderWithCursorPagesAndTheDefaultModes() {
        var first = http.get("/v3/follow_ups?page_size=1").bodyAsJsonObject();
        var after = first.getJsonObject("pagination_meta").getString("after");
        var second = http.get("/v3/follow_ups?page_size=1&after=" + after).bodyAsJsonObject();

        assertThat(first.getJsonArray("follow_ups").getJsonObject(0).getString("id")).isEqualTo(DemoData.FOLLOW_UP_REPLICA);
        assertThat(second.getJsonArray("follow_ups").getJsonObject(0).getString("id")).isEqualTo(DemoData.FOLLOW_UP_RUNBOOK);
        assertThat(http.get("/v3/follow_ups?incident_mode=test").bodyAsJsonObject().getJsonArray("follow_ups")
                .getJsonObject(0).getString("id")).isEqualTo(DemoData.FOLLOW_UP_ON_TEST_INCIDENT);
    }
}

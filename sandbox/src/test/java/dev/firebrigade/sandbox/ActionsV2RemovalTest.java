package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The deprecated {@code /v2/actions}: served with its sunset date until removed, then refused as removed. */
class ActionsV2RemovalTest {
    @Test
    void v2AnswersCarryTheSunsetDateAndTheV3Successor() {
        try (var http = SandboxClient.start()) {
            var v2 = http.get("/v2/actions?incident_id=" + DemoData.INCIDENT_1);
            var v3 = http.get("/v3/actions?incident_id=" + DemoData.INCIDENT_1);

            assertThat(v2.statusCode()).isEqualTo(200);
            assertThat(v2.getHeader("Sunset")).isEqualTo("Thu, 31 Dec 2026 00:00:00 GMT");
            assertThat(v2.getHeader("Link")).isEqualTo("</v3/actions>; rel=\"successor-version\"");
            assertThat(v3.getHeader("Sunset")).isNull();
            assertThat(v3.getHeader("Link")).isNull();
        }
    }

    @Test
    void removedV2AnswersEveryRouteWithTheChosenStatusAndNamesTheV3Route() {
        for (int status : new int[] {404, 410}) {
            try (var http = SandboxClient.start(new SandboxOptions().setActionsV2RemovedStatus(status))) {
                int before = http.sandbox.state().actionCount();
                var create = http.post("/v2/actions", new JsonObject().put("incident_id", DemoData.INCIDENT_1).put("description", "d"));
                var show = http.get("/v2/actions/" + DemoData.ACTION_OUTSTANDING);
                var list = http.get("/v2/actions");
                var onV3 = http.get("/v3/actions/" + DemoData.ACTION_OUTSTANDING);

                assertThat(create.statusCode()).isEqualTo(status);
                assertThat(show.statusCode()).isEqualTo(status);
                assertThat(list.statusCode()).isEqualTo(status);
                assertThat(create.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"))
                        .isEqualTo("This endpoint was removed on 31 December 2026. Use POST /v3/actions instead.");
                assertThat(show.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"))
                        .isEqualTo("This endpoint was removed on 31 December 2026. Use GET /v3/actions/{id} instead.");
                assertThat(http.sandbox.state().actionCount()).isEqualTo(before);
                assertThat(onV3.statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void onlyNotFoundOrGoneSimulateTheRemoval() {
        assertThatThrownBy(() -> new SandboxOptions().setActionsV2RemovedStatus(500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 (served), 404 or 410");
    }
}

package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static SandboxClient http;

    @BeforeAll
    static void start() {
        http = SandboxClient.start(new SandboxOptions().setRateLimitEnabled(false));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @BeforeEach
    void clearFaults() {
        http.sandbox.faults().clear();
    }

    private static JsonObject newAction() {
        return new JsonObject().put("incident_id", DemoData.INCIDENT_1).put("description", "Call the fire brigade");
    }

    private static int actionCount() {
        return http.sandbox.state().actionCount();
    }

    @Test
    void answersAStatusForTheNextNRequestsWithoutProcessingThem() {
        var rule = http.sandbox.faults().on("POST", "/v2/actions").status(503).times(2);
        var before = actionCount();

        var first = http.post("/v2/actions", newAction());
        var second = http.post("/v2/actions", newAction());
        var third = http.post("/v2/actions", newAction());

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(201);
        var body = first.bodyAsJsonObject();
        assertThat(body.copy().put("request_id", "r")).isEqualTo(new JsonObject()
                .put("type", "api_error").put("status", 503).put("request_id", "r")
                .put("errors", new JsonArray().add(new JsonObject().put("code", "service_unavailable")
                        .put("message", "The service is temporarily unavailable. Try again later."))));
        assertThat(actionCount()).isEqualTo(before + 1);
        assertThat(rule.triggered()).isEqualTo(2);
        assertThat(rule.remaining()).isZero();
        assertThat(http.sandbox.faults().triggered()).isEqualTo(2);
    }

    @Test
    void answersEachServerErrorWithItsOwnBody() {
        for (var status : List.of(500, 502, 504)) {
            http.sandbox.faults().on("GET", "/v1/identity").status(status).times(1);

            var response = http.get("/v1/identity");

            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
            assertThat(response.bodyAsJsonObject().getString("type")).isEqualTo("api_error");
            assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(status);
        }
        assertThat(http.sandbox.faults().triggered()).isEqualTo(3);
    }

    @Test
    void answers429WithRetryAfter() {
        http.sandbox.faults().on("GET", "/v1/identity").status(429).times(1);
        http.sandbox.faults().on("GET", "/v2/users").tooManyRequests(Duration.ofMillis(2500)).times(1);

        var defaultRetry = http.get("/v1/identity");
        var longerRetry = http.get("/v2/users");

        assertThat(defaultRetry.statusCode()).isEqualTo(429);
        assertThat(defaultRetry.getHeader("Retry-After")).isEqualTo("1");
        assertThat(defaultRetry.bodyAsJsonObject().getString("type")).isEqualTo("too_many_requests");
        assertThat(defaultRetry.bodyAsJsonObject().getJsonObject("rate_limit").getInteger("remaining")).isZero();
        assertThat(longerRetry.statusCode()).isEqualTo(429);
        assertThat(longerRetry.getHeader("Retry-After")).isEqualTo("3");
    }

    @Test
    void strikesBeforeAuthentication() {
        http.sandbox.faults().on("GET", "/v1/identity").status(502).times(1);

        var response = http.send(HttpMethod.GET, "/v1/identity", null, null);

        // A proxy in front of the API answers before the API ever sees the key.
        assertThat(response.statusCode()).isEqualTo(502);
    }

    @Test
    void addsLatencyOnATimer() {
        http.sandbox.faults().on("GET", "/v1/identity").latency(Duration.ofMillis(300)).times(1);

        long start = System.nanoTime();
        var slow = http.get("/v1/identity");
        long slowMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(slowMillis).isGreaterThanOrEqualTo(300);
    }

    @Test
    void latencyCombinesWithAnotherFault() {
        http.sandbox.faults().on("*", "/v1/identity").latency(Duration.ofMillis(200)).times(1);
        http.sandbox.faults().on("*", "/v1/identity").status(504).times(1);

        long start = System.nanoTime();
        var response = http.get("/v1/identity");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(200);
        assertThat(http.sandbox.faults().triggered()).isEqualTo(2);
    }

    @Test
    void resetBeforeProcessingLeavesStateUntouched() {
        var rule = http.sandbox.faults().on("POST", "/v2/actions").resetBeforeProcessing().times(1);
        var before = actionCount();

        assertThatThrownBy(() -> http.post("/v2/actions", newAction())).isInstanceOf(Exception.class);

        assertThat(actionCount()).isEqualTo(before);
        assertThat(rule.triggered()).isEqualTo(1);
        assertThat(http.post("/v2/actions", newAction()).statusCode()).isEqualTo(201);
    }

    @Test
    void resetAfterProcessingChangesStateButNeverAnswers() {
        var rule = http.sandbox.faults().on("POST", "/v2/actions").resetAfterProcessing().times(1);
        var before = actionCount();

        assertThatThrownBy(() -> http.post("/v2/actions", newAction().put("description", "Unknown outcome")))
                .isInstanceOf(Exception.class);

        assertThat(actionCount()).isEqualTo(before + 1);
        assertThat(http.sandbox.state().actions()).extracting(a -> a.getString("description")).contains("Unknown outcome");
        assertThat(rule.triggered()).isEqualTo(1);
    }

    @Test
    void slowBodyArrivesWholeButInChunks() {
        http.sandbox.faults().on("GET", "/v2/actions/*").slowBody(64, Duration.ofMillis(20)).times(1);

        long start = System.nanoTime();
        var slow = http.get("/v2/actions/" + DemoData.ACTION_SPEC_EXAMPLE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        var normal = http.get("/v2/actions/" + DemoData.ACTION_SPEC_EXAMPLE);

        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(slow.bodyAsString()).isEqualTo(normal.bodyAsString());
        int chunks = (slow.bodyAsString().length() + 63) / 64;
        assertThat(millis).isGreaterThanOrEqualTo((chunks - 1) * 20L);
    }

    @Test
    void truncatedBodyFailsTheClientAfterTheStateChanged() {
        http.sandbox.faults().on("PUT", "/v2/actions/*").truncatedBody().times(1);

        assertThatThrownBy(() -> http.put("/v2/actions/" + DemoData.ACTION_OUTSTANDING,
                new JsonObject().put("description", "Truncated answer").put("status", "completed")))
                .isInstanceOf(Exception.class);

        assertThat(http.sandbox.state().action(DemoData.ACTION_OUTSTANDING).orElseThrow().getString("description"))
                .isEqualTo("Truncated answer");
    }

    @Test
    void nonJsonBodyIsAnHtmlProxyPage() {
        http.sandbox.faults().on("POST", "/v2/actions").nonJsonBody().times(1);
        var before = actionCount();

        var response = http.post("/v2/actions", newAction());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.getHeader("Content-Type")).isEqualTo("text/html");
        assertThat(response.bodyAsString()).startsWith("<html>").contains("502 Bad Gateway");
        assertThat(actionCount()).isEqualTo(before);
    }

    @Test
    void probabilityIsReproducibleWithASeed() {
        var first = pattern(42);
        var second = pattern(42);

        assertThat(first).isEqualTo(second);
        assertThat(first).contains(500, 200);
    }

    private static List<Integer> pattern(long seed) {
        http.sandbox.faults().clear().seed(seed);
        http.sandbox.faults().on("GET", "/v1/identity").status(500).probability(0.5);
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 20; i++) {
            statuses.add(http.get("/v1/identity").statusCode());
        }
        assertThat(http.sandbox.faults().triggered()).isEqualTo((int) statuses.stream().filter(s -> s == 500).count());
        return statuses;
    }

    @Test
    void matchesMethodsAndPathPatterns() {
        http.sandbox.faults().on("GET", "/v2/actions/*").status(500);

        assertThat(http.get("/v2/actions/" + DemoData.ACTION_COMPLETED).statusCode()).isEqualTo(500);
        assertThat(http.get("/v2/actions").statusCode()).isEqualTo(200);
        assertThat(http.put("/v2/actions/x", new JsonObject()).statusCode()).isEqualTo(422);

        http.sandbox.faults().clear().on("/v3/**").status(503);

        assertThat(http.get("/v3/actions").statusCode()).isEqualTo(503);
        assertThat(http.get("/v3/actions/" + DemoData.ACTION_COMPLETED).statusCode()).isEqualTo(503);
        assertThat(http.get("/v2/actions").statusCode()).isEqualTo(200);
    }

    @Test
    void clearAndRemoveStopFaults() {
        var users = http.sandbox.faults().on("GET", "/v2/users").status(500);
        http.sandbox.faults().on("GET", "/v1/identity").status(500);

        users.remove();
        assertThat(http.get("/v2/users").statusCode()).isEqualTo(200);
        assertThat(http.get("/v1/identity").statusCode()).isEqualTo(500);
        assertThat(http.sandbox.faults().rules()).hasSize(1);

        http.sandbox.faults().clear();
        assertThat(http.get("/v1/identity").statusCode()).isEqualTo(200);
        assertThat(http.sandbox.faults().triggered()).isZero();
        assertThat(http.sandbox.faults().rules()).isEmpty();
    }

    @Test
    void faultedRequestsAreStillRecorded() {
        http.sandbox.clearRequests();
        http.sandbox.faults().on("POST", "/v2/actions").resetBeforeProcessing().times(1);

        assertThatThrownBy(() -> http.post("/v2/actions", newAction())).isInstanceOf(Exception.class);
        http.post("/v2/actions", newAction());

        assertThat(http.sandbox.requests()).extracting(RecordedRequest::method).containsExactly("POST", "POST");
    }

    @Test
    void rulesDescribeThemselves() {
        var rule = http.sandbox.faults().on("POST", "/v2/actions").status(503).times(3);

        assertThat(rule.toString()).isEqualTo("STATUS 503 on POST /v2/actions, 3 left, triggered 0");
        assertThat(rule.kind()).isEqualTo(FaultRule.Kind.STATUS);
    }
}

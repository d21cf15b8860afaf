package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/** The per-key token bucket seen over HTTP; each test starts its own small bucket. */
class RateLimitTest {
    private static final String OTHER_KEY = "other-key-0123456789";

    private static SandboxClient smallBucket() {
        var keys = new LinkedHashMap<String, String>();
        keys.put(SandboxOptions.DEMO_API_KEY, SandboxOptions.DEMO_API_KEY_NAME);
        keys.put(OTHER_KEY, "Other");
        // 3 requests, then one every 2 seconds: a 6-second window.
        return SandboxClient.start(new SandboxOptions().setApiKeys(keys).setRateLimitCapacity(3).setRateLimitRefillPerSecond(0.5));
    }

    @Test
    void sendsTheDocumentedHeadersWithTheDefaultLimit() {
        try (var http = SandboxClient.start()) {
            var before = Instant.now().getEpochSecond();
            var response = http.get("/v1/identity");
            var after = Instant.now().getEpochSecond(); // the server read its clock between the two

            assertThat(response.getHeader("X-RateLimit-Limit")).isEqualTo("1200, 1200;window=60");
            assertThat(response.getHeader("X-RateLimit-Remaining")).isEqualTo("1199");
            assertThat(response.getHeader("X-RateLimit-Used")).isEqualTo("1");
            // One token short of full at 20/s: full again within a second.
            assertThat(Long.parseLong(response.getHeader("X-RateLimit-Reset"))).isBetween(before, after + 2);
            assertThat(response.getHeader("Retry-After")).isNull();
        }
    }

    @Test
    void countsDownAndAnswers429WithRetryAfterAndTheDocumentedBody() {
        try (var http = smallBucket()) {
            var first = http.get("/v1/identity");
            http.get("/v1/identity");
            var third = http.get("/v2/actions/unknown");
            var before = Instant.now();
            var limited = http.get("/v1/identity");
            var after = Instant.now(); // the server read its clock between the two: a slow request must not fail

            assertThat(first.getHeader("X-RateLimit-Limit")).isEqualTo("3, 3;window=6");
            assertThat(first.getHeader("X-RateLimit-Remaining")).isEqualTo("2");
            assertThat(third.statusCode()).isEqualTo(404);
            assertThat(third.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(third.getHeader("X-RateLimit-Used")).isEqualTo("3");

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.getHeader("Retry-After")).isEqualTo("2");
            assertThat(limited.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(limited.getHeader("X-RateLimit-Used")).isEqualTo("3");
            assertThat(Long.parseLong(limited.getHeader("X-RateLimit-Reset"))).isBetween(before.getEpochSecond() + 5, after.getEpochSecond() + 7);
            var body = limited.bodyAsJsonObject();
            var rateLimit = body.getJsonObject("rate_limit");
            assertThat(Instant.parse(rateLimit.getString("retry_after"))).isBetween(before.plusSeconds(1), after.plusSeconds(3));
            // request_id and retry_after vary; everything else is fixed.
            assertThat(body.copy().put("request_id", "r").put("rate_limit", rateLimit.copy().put("retry_after", "t"))).isEqualTo(new JsonObject()
                    .put("type", "too_many_requests").put("status", 429).put("request_id", "r")
                    .put("errors", new JsonArray().add(new JsonObject().put("code", "too_many_requests")
                            .put("message", "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.")))
                    .put("rate_limit", new JsonObject().put("name", "api_key_name").put("limit", 3).put("remaining", 0).put("retry_after", "t")));
        }
    }

    @Test
    void refusedRequestsAreNotProcessed() {
        try (var http = smallBucket()) {
            for (int i = 0; i < 3; i++) {
                http.get("/v1/identity");
            }
            var count = http.sandbox.state().actionCount();

            var response = http.post("/v2/actions", new JsonObject().put("incident_id", DemoData.INCIDENT_1).put("description", "x"));

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(http.sandbox.state().actionCount()).isEqualTo(count);
        }
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        try (var http = smallBucket()) {
            for (int i = 0; i < 4; i++) {
                http.get("/v1/identity");
            }

            var other = http.send(HttpMethod.GET, "/v1/identity", null, "Bearer " + OTHER_KEY);

            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(other.getHeader("X-RateLimit-Remaining")).isEqualTo("2");
        }
    }

    @Test
    void refillsOverTime() throws InterruptedException {
        try (var http = SandboxClient.start(new SandboxOptions().setRateLimitCapacity(1).setRateLimitRefillPerSecond(10))) {
            http.get("/v1/identity");
            var limited = http.get("/v1/identity");
            Thread.sleep(Duration.ofMillis(150).toMillis());
            var later = http.get("/v1/identity");

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
            assertThat(later.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void canBeSwitchedOff() {
        try (var http = SandboxClient.start(new SandboxOptions().setRateLimitEnabled(false).setRateLimitCapacity(1))) {
            http.get("/v1/identity");
            var second = http.get("/v1/identity");

            assertThat(second.statusCode()).isEqualTo(200);
            // "Headers are omitted rather than guessed if we cannot determine your allowance."
            assertThat(second.getHeader("X-RateLimit-Limit")).isNull();
        }
    }
}

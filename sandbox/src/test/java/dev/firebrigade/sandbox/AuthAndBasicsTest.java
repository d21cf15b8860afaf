package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthAndBasicsTest {
    private static final String SECOND_KEY = "second-key-0123456789abcdef";
    private static SandboxClient http;

    @BeforeAll
    static void start() {
        var keys = new LinkedHashMap<String, String>();
        keys.put(SandboxOptions.DEMO_API_KEY, SandboxOptions.DEMO_API_KEY_NAME);
        keys.put(SECOND_KEY, "Alertmanager token");
        http = SandboxClient.start(new SandboxOptions().setApiKeys(keys));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @BeforeEach
    void forgetRequests() {
        http.sandbox.clearRequests();
    }

    @Test
    void answersAMissingKeyWith401AsDocumented() {
        var response = http.send(HttpMethod.GET, "/v2/actions", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        var body = response.bodyAsJsonObject();
        assertThat(body.getString("request_id")).isNotBlank();
        assertThat(body.copy().put("request_id", "x")).isEqualTo(new JsonObject()
                .put("type", "authentication_error").put("status", 401).put("request_id", "x")
                .put("errors", new JsonArray().add(new JsonObject().put("code", "missing_authorization_material")
                        .put("message", "No authorization material provided in request"))));
        assertThat(response.getHeader("X-RateLimit-Limit")).isNull();
    }

    @Test
    void answersAnUnknownKeyWith401() {
        var response = http.send(HttpMethod.GET, "/v2/actions", null, "Bearer not-a-key");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("type")).isEqualTo("authentication_error");
        assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("code"))
                .isEqualTo("invalid_authorization_material");
    }

    @Test
    void answersANonBearerHeaderWith401() {
        var response = http.send(HttpMethod.GET, "/v2/actions", null, "Basic " + SandboxOptions.DEMO_API_KEY);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("code"))
                .isEqualTo("invalid_authorization_material");
    }

    @Test
    void everyRouteNeedsAKey() {
        for (var uri : new String[] {"/v1/identity", "/v2/users", "/v2/users/x", "/v2/incidents", "/v2/incidents/1",
                "/v2/actions/x", "/v3/actions"}) {
            assertThat(http.send(HttpMethod.GET, uri, null, null).statusCode()).as(uri).isEqualTo(401);
        }
        assertThat(http.send(HttpMethod.POST, "/v2/actions", "{}", null).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpMethod.DELETE, "/v2/actions/" + DemoData.ACTION_COMPLETED, null, null).statusCode()).isEqualTo(401);
        assertThat(http.sandbox.state().action(DemoData.ACTION_COMPLETED)).isPresent();
    }

    @Test
    void requestIdsDifferPerRequest() {
        var first = http.get("/v2/actions/nope").bodyAsJsonObject().getString("request_id");
        var second = http.get("/v2/actions/nope").bodyAsJsonObject().getString("request_id");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void identityNamesTheCallingKey() {
        var demo = http.get("/v1/identity");
        var second = http.send(HttpMethod.GET, "/v1/identity", null, "Bearer " + SECOND_KEY);

        assertThat(demo.statusCode()).isEqualTo(200);
        assertThat(demo.bodyAsJsonObject()).isEqualTo(new JsonObject().put("identity", new JsonObject()
                .put("name", "Firebrigade sandbox")
                .put("roles", new JsonArray().add("viewer").add("incident_creator").add("incident_editor").add("global_access"))
                .put("team_roles", new JsonArray())
                .put("teams", new JsonArray())
                .put("dashboard_url", "https://app.incident.io/firebrigade-sandbox")));
        assertThat(second.bodyAsJsonObject().getJsonObject("identity").getString("name")).isEqualTo("Alertmanager token");
    }

    @Test
    void actionsRecordWhichKeyCreatedThem() {
        var body = new JsonObject().put("incident_id", DemoData.INCIDENT_1).put("description", "From Alertmanager").encode();

        var action = http.send(HttpMethod.POST, "/v2/actions", body, "Bearer " + SECOND_KEY).bodyAsJsonObject().getJsonObject("action");
        var again = http.send(HttpMethod.POST, "/v2/actions", body, "Bearer " + SECOND_KEY).bodyAsJsonObject().getJsonObject("action");

        var apiKey = action.getJsonObject("creator").getJsonObject("api_key");
        assertThat(apiKey.getString("name")).isEqualTo("Alertmanager token");
        assertThat(apiKey.getString("id")).isEqualTo(Ulid.stableIdFor(SECOND_KEY)).doesNotContain(SECOND_KEY);
        assertThat(again.getJsonObject("creator")).isEqualTo(action.getJsonObject("creator"));
    }

    @Test
    void answersUnknownPathsWith404AndUnknownMethodsWith405() {
        var unknownPath = http.get("/v2/nothing-here");
        var unknownMethod = http.send(HttpMethod.PATCH, "/v2/actions/" + DemoData.ACTION_COMPLETED, "{}", http.bearer());

        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(unknownPath.bodyAsJsonObject().getString("type")).isEqualTo("not_found");
        assertThat(unknownMethod.statusCode()).isEqualTo(405);
        assertThat(unknownMethod.bodyAsJsonObject().getString("type")).isEqualTo("method_not_allowed");
    }

    @Test
    void recordsRequestsWithTheKeyRedacted() {
        http.post("/v2/actions?dry=no", new JsonObject().put("incident_id", DemoData.INCIDENT_1).put("description", "Recorded"));
        http.send(HttpMethod.GET, "/v1/identity", null, "Bearer " + SECOND_KEY);
        http.send(HttpMethod.GET, "/v1/identity", null, "Bearer short");
        http.send(HttpMethod.GET, "/v1/identity", null, null);

        var requests = http.sandbox.requests();

        assertThat(requests).hasSize(4);
        var post = requests.get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/v2/actions");
        assertThat(post.query()).isEqualTo("dry=no");
        assertThat(post.body()).isEqualTo("{\"incident_id\":\"" + DemoData.INCIDENT_1 + "\",\"description\":\"Recorded\"}");
        assertThat(post.header("authorization")).isEqualTo("Bearer ****-key");
        assertThat(post.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(post.receivedAt()).isNotNull();
        assertThat(requests.get(1).header("Authorization")).isEqualTo("Bearer ****cdef");
        assertThat(requests.get(2).header("Authorization")).isEqualTo("Bearer ****");
        assertThat(requests.get(3).header("Authorization")).isNull();
        assertThat(requests.get(3).body()).isEmpty();
        assertThat(requests.get(3).query()).isEmpty();
        assertThat(requests.toString()).doesNotContain(SandboxOptions.DEMO_API_KEY, SECOND_KEY);

        http.sandbox.clearRequests();
        assertThat(http.sandbox.requests()).isEmpty();
    }

    @Test
    void redactsAnythingThatIsNotABearerToken() {
        assertThat(RequestRecorder.redact("Basic dXNlcjpwYXNz")).isEqualTo("****");
        assertThat(RequestRecorder.redact("bearer 0123456789abcdefWXYZ")).isEqualTo("Bearer ****WXYZ");
    }

    @Test
    void exposesTheFirstKeyAndBaseUrl() {
        assertThat(http.sandbox.apiKey()).isEqualTo("sandbox-demo-key");
        assertThat(http.sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + http.sandbox.port());
        assertThat(http.sandbox.port()).isPositive();
        assertThat(http.sandbox.contractViolations()).isEmpty();
    }

    @Test
    void optionsAreCopiedAndShowNoKeys() {
        var options = new SandboxOptions().setPort(1234).setApiKeys(Map.of("secret-value", "Named"));
        var copy = new SandboxOptions(options);
        options.setPort(0);

        assertThat(copy.getPort()).isEqualTo(1234);
        assertThat(copy.getApiKeys()).isEqualTo(Map.of("secret-value", "Named"));
        assertThat(copy.toString()).contains("Named").doesNotContain("secret-value");
    }
}

package dev.firebrigade;

import dev.firebrigade.error.AuthenticationException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.error.ValidationException;
import dev.firebrigade.sandbox.DemoData;
import dev.firebrigade.sandbox.RecordedRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** raw(): any endpoint as JSON, through the same transport as the DSL, and never to another host. */
class RawTest extends SandboxFixture {

    @BeforeEach
    void forgetRequests() {
        sandbox.clearRequests();
    }

    @Test
    void getsAnyEndpointAsJson() {
        JsonObject identity = io.raw().get("/v1/identity").await();
        JsonObject users = io.raw().get("/v2/users?email=lisa%40incident.io&page_size=5").await();

        assertThat(identity.getJsonObject("identity").getString("name")).isEqualTo("Firebrigade sandbox");
        assertThat(users.getJsonArray("users").getJsonObject(0).getString("id")).isEqualTo(DemoData.USER_LISA);
        RecordedRequest sent = sandbox.requests().get(1);
        assertThat(sent.path()).isEqualTo("/v2/users");
        assertThat(sent.query()).isEqualTo("email=lisa%40incident.io&page_size=5");
        assertThat(sent.header("Authorization")).startsWith("Bearer ****");
        assertThat(sent.header("User-Agent")).startsWith("firebrigade/");
    }

    @Test
    void postsPutsAndDeletesWithTheBodyAsGiven() {
        JsonObject created = io.raw().post("/v2/actions", new JsonObject()
                .put("incident_id", INCIDENT).put("description", "Raw call").put("assignee_id", LISA)).await();
        String id = created.getJsonObject("action").getString("id");

        JsonObject updated = io.raw().put("/v2/actions/" + id, new JsonObject()
                .put("description", "Raw call, done").put("status", "completed").putNull("assignee_id")).await();
        JsonObject deleted = io.raw().delete("/v2/actions/" + id).await();

        assertThat(created.getJsonObject("action").getJsonObject("assignee").getString("id")).isEqualTo(LISA);
        assertThat(updated.getJsonObject("action").getString("status")).isEqualTo("completed");
        assertThat(updated.getJsonObject("action").containsKey("assignee")).isFalse();
        assertThat(new JsonObject(sandbox.requests().get(1).body()).containsKey("assignee_id"))
                .as("an explicit null is sent as null").isTrue();
        assertThat(deleted).isEqualTo(new JsonObject());
        assertThat(sandbox.state().action(id)).isEmpty();
    }

    @Test
    void failuresAreTypedLikeTheDsls() {
        assertThatThrownBy(() -> io.raw().get("/v2/incidents/424242").await()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("GET /v2/incidents/424242");
        assertThatThrownBy(() -> io.raw().post("/v2/actions", new JsonObject().put("incident_id", INCIDENT)).await())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errorFor("description")).isPresent());
        // That body breaks the spec on purpose (see sendsEvenABodyTheSpecForbids).
        sandbox.clearContractViolations();
        IncidentIo wrong = IncidentIo.create(vertx, clientOptions().setApiKey("wrong-key-0000000000000000"));
        try {
            assertThatThrownBy(() -> wrong.raw().get("/v1/identity").await()).isInstanceOf(AuthenticationException.class);
        } finally {
            wrong.close().await();
        }
    }

    @Test
    void sendsEvenABodyTheSpecForbids() {
        assumeSpec();
        assertThatThrownBy(() -> io.raw().post("/v2/actions", new JsonObject().put("incident_id", INCIDENT)).await())
                .isInstanceOf(ValidationException.class);

        // raw() sends what it is given: the sandbox, checking against the spec, noted the missing description.
        assertThat(sandbox.contractViolations()).singleElement().asString().contains("description");
        sandbox.clearContractViolations();
    }

    @Test
    void refusesAnythingButAPathOnTheConfiguredHost() {
        for (String bad : new String[] {"https://evil.example/v1/identity", "//evil.example/v1/identity",
                "v1/identity", "/https://evil.example/x", "\\\\evil\\x", "/v1/identity#x", "/v1/ident ity", "", "/v2/x?a=%zz"}) {
            assertThat(io.raw().get(bad).cause()).as(bad).isInstanceOf(InvalidInputException.class);
        }
        assertThat(io.raw().send(null, "/v1/identity", null).cause()).isInstanceOf(InvalidInputException.class);
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void dryRunShowsTheRequestWithTheKeyRedacted() {
        var preview = io.raw().dryRun(HttpMethod.POST, "/v2/actions?x=1", new JsonObject().put("description", "d"));

        assertThat(preview.url()).isEqualTo(sandbox.baseUrl() + "/v2/actions?x=1");
        assertThat(new JsonObject(preview.body())).isEqualTo(new JsonObject().put("description", "d"));
        assertThat(preview.toString()).doesNotContain(sandbox.apiKey());
        assertThat(sandbox.requests()).isEmpty();
    }
}

package dev.firebrigade;

import dev.firebrigade.error.ApiError;
import dev.firebrigade.error.AuthenticationException;
import dev.firebrigade.error.ConflictException;
import dev.firebrigade.error.ConnectionException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.error.PermissionException;
import dev.firebrigade.error.RateLimitException;
import dev.firebrigade.error.ServerException;
import dev.firebrigade.error.TimeoutException;
import dev.firebrigade.error.UnexpectedResponseException;
import dev.firebrigade.error.ValidationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every failure reaches the caller as the typed exception for it, with the request id in its message. */
class ErrorMappingTest extends SandboxFixture {

    @Test
    void wrongKeyIsAnAuthenticationError() {
        IncidentIo wrong = IncidentIo.create(vertx, clientOptions().setApiKey("wrong-key-0000000000000000"));
        try {
            var error = catchThrowableOfType(AuthenticationException.class, () -> wrong.actions().get(EXAMPLE_ACTION).await());

            assertThat(error.status()).isEqualTo(401);
            assertThat(error.type()).isEqualTo("authentication_error");
            assertThat(error.requestId()).isNotBlank();
            assertThat(error.getMessage()).contains("request_id " + error.requestId()).doesNotContain("wrong-key");
        } finally {
            wrong.close().await();
        }
    }

    @Test
    void unknownActionIsNotFound() {
        var error = catchThrowableOfType(NotFoundException.class, () -> io.actions().get("01NOPE").await());

        assertThat(error.status()).isEqualTo(404);
        assertThat(error.method()).isEqualTo("GET");
        assertThat(error.path()).isEqualTo("/v3/actions/01NOPE");
        assertThat(error.getMessage()).contains("request_id " + error.requestId());
    }

    @Test
    void serverSideValidationIsPerField() {
        var error = catchThrowableOfType(ValidationException.class,
                () -> io.actions().forIncident("01UNKNOWNINCIDENT").describe("x").create().await());

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.type()).isEqualTo("validation_error");
        assertThat(error.errorFor("incident_id")).isPresent();
        assertThat(error.getMessage()).contains("incident_id").contains("request_id");
    }

    @Test
    void statusCodesMapToTheirTypes() {
        assertThat(answer(403, "resource_forbidden")).isInstanceOf(PermissionException.class);
        assertThat(answer(409, "conflict")).isInstanceOf(ConflictException.class);
        assertThat(answer(500, "api_error")).isInstanceOf(ServerException.class);
        assertThat(answer(503, "api_error")).isInstanceOf(ServerException.class);
        assertThat(answer(400, "invalid_request_error")).isExactlyInstanceOf(IncidentIoException.class);
    }

    @Test
    void parsesTheDocumentedValidationBody() {
        var body = errorBody(422, "validation_error").put("errors", new JsonArray().add(new JsonObject()
                .put("code", "is_required").put("message", "A severity is required to open an incident")
                .put("source", new JsonObject().put("field", "severity_id"))));
        try (var server = CannedServer.answering(vertx, 422, "application/json", body.encode(), Map.of())) {
            var error = (ValidationException) callAgainst(server);

            assertThat(error.errors()).containsExactly(
                    new ApiError("is_required", "A severity is required to open an incident", "severity_id"));
            assertThat(error.getMessage()).isEqualTo("422 validation_error on GET /v3/actions/" + EXAMPLE_ACTION
                    + ": A severity is required to open an incident"
                    + " [severity_id: is_required] (request_id req-422)");
        }
    }

    @Test
    void rateLimitCarriesRetryAfterInSecondsOrAsADate() {
        var body = errorBody(429, "too_many_requests").encode();
        try (var server = CannedServer.answering(vertx, 429, "application/json", body, Map.of("Retry-After", "7"))) {
            assertThat(((RateLimitException) callAgainst(server)).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        }
        try (var server = CannedServer.answering(vertx, 429, "application/json", body,
                Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"))) {
            assertThat(((RateLimitException) callAgainst(server)).retryAfter()).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void aProxyPageIsAnUnexpectedResponseWithAnExcerpt() {
        String html = "<html><head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>";
        try (var server = CannedServer.answering(vertx, 502, "text/html", html, Map.of())) {
            var error = (UnexpectedResponseException) callAgainst(server);

            assertThat(error.status()).isEqualTo(502);
            assertThat(error.excerpt()).isEqualTo("<html><head><title>502 Bad Gateway</title></head> <body>nginx</body></html>");
        }
    }

    @Test
    void emptyProblemJsonAndTruncatedBodiesAreUnexpectedResponses() {
        try (var server = CannedServer.answering(vertx, 500, null, "", Map.of())) {
            assertThat(callAgainst(server)).isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("(empty body)");
        }
        String problem = "{\"title\":\"Service Unavailable\",\"status\":503}";
        try (var server = CannedServer.answering(vertx, 503, "application/problem+json", problem, Map.of())) {
            assertThat(callAgainst(server)).isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("Service Unavailable");
        }
        try (var server = CannedServer.answering(vertx, 200, "application/json", "{\"action\":{\"id\":\"01F", Map.of())) {
            assertThat(callAgainst(server)).isInstanceOf(UnexpectedResponseException.class)
                    .hasMessageContaining("{\"action\":{\"id\":\"01F").hasNoSuppressedExceptions();
        }
        try (var server = CannedServer.answering(vertx, 200, "application/json", "", Map.of())) {
            assertThat(callAgainst(server)).isInstanceOf(UnexpectedResponseException.class);
        }
    }

    @Test
    void refusedConnectionIsAConnectionErrorNotWritten() throws Exception {
        int freePort;
        try (var socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        IncidentIo nowhere = IncidentIo.create(vertx, clientOptions().setBaseUrl("http://127.0.0.1:" + freePort));
        try {
            var error = catchThrowableOfType(ConnectionException.class, () -> nowhere.actions().get(EXAMPLE_ACTION).await());

            assertThat(error.requestWritten()).isFalse();
            assertThat(error.getMessage()).contains("could not connect to 127.0.0.1:" + freePort);
        } finally {
            nowhere.close().await();
        }
    }

    @Test
    void silentServerIsATimeout() {
        var silent = vertx.createHttpServer().requestHandler(request -> { }).listen(0, "127.0.0.1").await();
        IncidentIo slow = IncidentIo.create(vertx, clientOptions()
                .setBaseUrl("http://127.0.0.1:" + silent.actualPort()).setRequestTimeout(Duration.ofMillis(300)));
        try {
            var error = catchThrowableOfType(TimeoutException.class, () -> slow.actions().get(EXAMPLE_ACTION).await());

            assertThat(error.requestWritten()).isTrue();
            assertThat(error.getMessage()).contains("within 300 ms");
        } finally {
            slow.close().await();
            silent.close().await();
        }
    }

    private static JsonObject errorBody(int status, String type) {
        return new JsonObject().put("type", type).put("status", status).put("request_id", "req-" + status)
                .put("errors", new JsonArray().add(new JsonObject().put("code", type).put("message", "canned " + type)));
    }

    private static IncidentIoException answer(int status, String type) {
        try (var server = CannedServer.answering(vertx, status, "application/json", errorBody(status, type).encode(), Map.of())) {
            IncidentIoException error = callAgainst(server);
            assertThat(error.status()).isEqualTo(status);
            assertThat(error.type()).isEqualTo(type);
            assertThat(error.getMessage()).contains("(request_id req-" + status + ")");
            return error;
        }
    }

    private static IncidentIoException callAgainst(CannedServer server) {
        IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl()));
        try {
            return catchThrowableOfType(IncidentIoException.class, () -> client.actions().get(EXAMPLE_ACTION).await());
        } finally {
            client.close().await();
        }
    }
}

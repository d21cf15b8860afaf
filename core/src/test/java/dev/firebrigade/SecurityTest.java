package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.error.RedirectException;
import dev.firebrigade.error.ResponseTooLargeException;
import dev.firebrigade.internal.transport.HeaderValues;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The key goes to incident.io and nowhere else, nothing in a value can reshape a request, and answers are bounded. */
class SecurityTest extends SandboxFixture {
    private static final String SECRET = "inc_live_s3cr3t-key-do-not-print-9f2c";

    @Test
    void plainHttpIsRefusedForAnyHostButLoopback() {
        for (String url : new String[]{"http://api.incident.io", "http://10.0.0.5:8080", "http://localhost.evil.com",
                "http://127.evil.example", "http://127.0.0.1.evil.example", "http://127.0.0.300"}) {
            assertThatThrownBy(() -> new IncidentIoOptions().setBaseUrl(url))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("base_url");
        }
        assertThat(new IncidentIoOptions().setBaseUrl("http://127.0.0.2:8080").getBaseUrl()).isEqualTo("http://127.0.0.2:8080");
        assertThatThrownBy(() -> IncidentIo.optionsFrom(Map.of(IncidentIo.API_KEY_ENV, SECRET,
                IncidentIo.BASE_URL_ENV, "http://api.incident.io"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void redirectsAreNotFollowedSoTheTargetNeverSeesTheKey() {
        try (var target = ScriptedServer.playing(vertx, ScriptedServer.answer(200, "{\"action\":{\"id\":\"A1\"}}"))) {
            for (int status : new int[]{301, 302, 303, 307, 308}) {
                try (var origin = ScriptedServer.playing(vertx, ScriptedServer.answer(status, null,
                        Map.of("Location", target.baseUrl() + "/v3/actions/A1?token=abc")))) {
                    IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(origin.baseUrl()).setApiKey(SECRET));
                    try {
                        var onGet = catchThrowableOfType(RedirectException.class, () -> client.actions().get("A1").await());
                        var onCreate = catchThrowableOfType(RedirectException.class,
                                () -> client.actions().forIncident(INCIDENT).describe("x").create().await());

                        assertThat(onGet.status()).isEqualTo(status);
                        assertThat(onGet.location()).isEqualTo(target.baseUrl() + "/v3/actions/A1");
                        assertThat(onGet.getMessage()).contains("not followed").doesNotContain(SECRET).doesNotContain("token=abc");
                        assertThat(onCreate.status()).isEqualTo(status);
                        assertThat(origin.seen()).as("not retried, not reconciled").hasSize(2);
                        assertThat(origin.seen().get(0).headers().get("Authorization")).isEqualTo("Bearer " + SECRET);
                    } finally {
                        client.close().await();
                    }
                }
            }
            assertThat(target.seen()).isEmpty();
        }
    }

    @Test
    void aTraversalInAnIdCannotLeaveItsPathSegment() {
        sandbox.clearRequests();
        String hostile = "../../v1/api_keys";

        assertThatThrownBy(() -> io.actions().get(hostile).await()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> io.actions().delete(hostile).await()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> io.actions().complete(hostile).await()).isInstanceOf(NotFoundException.class);

        assertThat(sandbox.requests()).hasSize(3).allSatisfy(r ->
                assertThat(r.path()).isEqualTo("/v3/actions/..%2F..%2Fv1%2Fapi_keys"));
    }

    @Test
    void lineBreaksOrNonAsciiInAnyHeaderValueAreRefused() {
        for (String hostile : new String[]{"abc\r\nX-Injected: 1", "abc\nX: 1", "abc\r", "k\u0000ey", "ключ-1234567890123456"}) {
            assertThatThrownBy(() -> ApiKey.of(hostile)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("api_key");
        }
        for (String hostile : new String[]{"tool/1.0\r\nX-Injected: 1", "tool\n", "t\u0007", "outil-équipe"}) {
            assertThatThrownBy(() -> new IncidentIoOptions().setUserAgentSuffix(hostile))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("userAgentSuffix");
            assertThatThrownBy(() -> HeaderValues.check("X-Anything", hostile))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("X-Anything");
        }
        assertThat(new IncidentIoOptions().setUserAgentSuffix("runbook-bot/2.1 (+ops@example.com)").getUserAgentSuffix())
                .isEqualTo("runbook-bot/2.1 (+ops@example.com)");
    }

    @Test
    void aBodyLargerThanTheBoundIsAbandonedNotBuffered() {
        var written = new AtomicLong();
        try (var server = ScriptedServer.playing(vertx, request -> {
            HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "application/json");
            response.write("{\"action\":{\"id\":\"A1\",\"description\":\"");
            Buffer chunk = Buffer.buffer("x".repeat(64 * 1024));
            vertx.setPeriodic(1, id -> {
                if (response.closed() || written.get() > 64L * 1024 * 1024) {
                    vertx.cancelTimer(id);
                    return;
                }
                if (!response.writeQueueFull()) {
                    response.write(chunk);
                    written.addAndGet(chunk.length());
                }
            });
        })) {
            IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl())
                    .setMaxResponseBytes(1024 * 1024));
            try {
                var error = catchThrowableOfType(ResponseTooLargeException.class, () -> client.actions().get("A1").await());

                assertThat(error.limit()).isEqualTo(1024 * 1024);
                assertThat(error.status()).isEqualTo(200);
                assertThat(server.seen()).as("a body too large will be too large again: not retried").hasSize(1);
            } finally {
                client.close().await();
            }
            assertThat(written.get()).as("the connection was cut soon after the bound").isLessThan(16L * 1024 * 1024);
        }
    }

    @Test
    void aDeclaredLengthOverTheBoundFailsBeforeTheBodyIsRead() {
        try (var server = ScriptedServer.playing(vertx, request -> request.response()
                .putHeader("Content-Type", "application/json").putHeader("Content-Length", Long.toString(50L * 1024 * 1024))
                .write("{\"action\":"))) {
            IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl()));
            try {
                var error = catchThrowableOfType(ResponseTooLargeException.class, () -> client.actions().get("A1").await());

                assertThat(error.limit()).isEqualTo(10L * 1024 * 1024);
                assertThat(error.getMessage()).contains("maxResponseBytes");
            } finally {
                client.close().await();
            }
        }
    }

    @Test
    void aBodyWithinTheBoundIsRead() {
        String description = "y".repeat(900 * 1024);
        try (var server = ScriptedServer.playing(vertx, ScriptedServer.answer(200,
                "{\"action\":{\"id\":\"A1\",\"description\":\"" + description + "\"}}"))) {
            IncidentIo client = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl())
                    .setMaxResponseBytes(1024 * 1024));
            try {
                assertThat(client.actions().get("A1").await().description()).isEqualTo(description);
            } finally {
                client.close().await();
            }
        }
    }

    @Test
    void dryRunShowsTheKeyRedacted() {
        IncidentIo client = IncidentIo.create(vertx, clientOptions().setApiKey(SECRET));
        try {
            String preview = client.actions().forIncident(INCIDENT).describe("x").dryRun().toString();

            assertThat(preview).contains("Authorization: Bearer ****9f2c").doesNotContain(SECRET);
            assertThat(client.options().toString()).doesNotContain(SECRET);
        } finally {
            client.close().await();
        }
    }
}

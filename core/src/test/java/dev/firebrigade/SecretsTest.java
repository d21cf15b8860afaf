package dev.firebrigade;

import dev.firebrigade.error.IncidentIoException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The API key appears in no toString, message, preview, recorded request or log line. */
class SecretsTest extends SandboxFixture {
    private static final String SECRET = "inc_live_s3cr3t-key-do-not-print-9f2c";

    @Test
    void keyIsRedactedInEveryDescription() {
        ApiKey key = ApiKey.of(SECRET);
        IncidentIoOptions options = new IncidentIoOptions().setApiKey(key);

        assertThat(key.toString()).isEqualTo("ApiKey[****9f2c]").doesNotContain(SECRET);
        assertThat(key.redacted()).isEqualTo("****9f2c");
        assertThat(ApiKey.of("short").redacted()).isEqualTo("****");
        assertThat(options.toString()).contains("****9f2c").doesNotContain(SECRET);
        IncidentIo client = IncidentIo.create(vertx, options.setBaseUrl(sandbox.baseUrl()));
        try {
            assertThat(client.toString()).doesNotContain(SECRET);
            assertThat(client.actions().forIncident(INCIDENT).describe("x").dryRun().toString())
                    .contains("Bearer ****9f2c").doesNotContain(SECRET);
        } finally {
            client.close().await();
        }
    }

    @Test
    void keyIsInNoExceptionNorLogNorRecording() {
        var captured = new StringBuilder();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                captured.append(record.getMessage()).append(record.getThrown()).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level previous = root.getLevel();
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        IncidentIo client = IncidentIo.create(vertx, new IncidentIoOptions().setBaseUrl(sandbox.baseUrl()).setApiKey(SECRET));
        try {
            var error = catchThrowableOfType(IncidentIoException.class, () -> client.actions().get(EXAMPLE_ACTION).await());

            assertThat(error.getMessage()).doesNotContain(SECRET);
            assertThat(String.valueOf(error.getCause())).doesNotContain(SECRET);
            assertThat(sandbox.requests()).isNotEmpty().allSatisfy(r -> {
                assertThat(r.headers().toString()).doesNotContain(SECRET);
                assertThat(r.toString()).doesNotContain(SECRET);
            });
            assertThat(captured.toString()).doesNotContain(SECRET);
        } finally {
            client.close().await();
            root.removeHandler(handler);
            root.setLevel(previous);
        }
    }

    @Test
    void keysThatCouldBreakTheHeaderAreRefused() {
        for (String hostile : new String[]{"abc\r\nX-Injected: 1", "abc def", "abc\u0000", "", "   "}) {
            var error = catchThrowableOfType(IncidentIoException.class, () -> ApiKey.of(hostile));
            assertThat(error.getMessage()).contains("api_key").doesNotContain(hostile.strip().isEmpty() ? "\u0001" : hostile);
        }
    }

    @Test
    void environmentGivesKeyAndBaseUrl() {
        var options = IncidentIo.optionsFrom(Map.of(IncidentIo.API_KEY_ENV, SECRET, IncidentIo.BASE_URL_ENV, "https://eu.example.com/"));

        assertThat(options.getApiKey()).isEqualTo(ApiKey.of(SECRET));
        assertThat(options.getBaseUrl()).isEqualTo("https://eu.example.com");
        assertThat(IncidentIo.optionsFrom(Map.of(IncidentIo.API_KEY_ENV, SECRET)).getBaseUrl())
                .isEqualTo("https://api.incident.io");
        assertThat(catchThrowableOfType(IncidentIoException.class, () -> IncidentIo.optionsFrom(Map.of())))
                .hasMessageContaining("INCIDENT_IO_API_KEY");
    }
}

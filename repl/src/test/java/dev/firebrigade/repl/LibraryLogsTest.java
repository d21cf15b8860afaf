package dev.firebrigade.repl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a flaky network the REPL, scripts and bulk say what failed in their own words, once; Vert.x's and Netty's
 * log lines appear only with {@code FIREBRIGADE_LOG}.
 */
class LibraryLogsTest extends KeyedServerFixture {
    /** Every list of actions is cut off mid-answer, and retried, until the retries run out. */
    private static final String[] SCRIPT = {
            "try { actions().list().forIncident(\"INC-2\").fetch().await(); }"
                    + " catch (Exception e) { println(\"Failed: \" + e.getClass().getSimpleName()); }"};

    @AfterEach
    void calm() {
        incidentIo.faults().clear();
    }

    private Run flakyRun(Map<String, String> extra) {
        incidentIo.faults().on("GET", "/v3/actions").resetAfterProcessing();
        var env = new java.util.HashMap<>(Map.of("INCIDENT_IO_API_KEY", incidentIo.apiKey(),
                "INCIDENT_IO_BASE_URL", incidentIo.baseUrl()));
        env.putAll(extra);
        Path script = Run.scriptFile(SCRIPT);
        return Run.script(env, "", "run", script.toString());
    }

    @Test
    void aResetConnectionIsReportedOnceInOurWords() {
        Run run = flakyRun(Map.of());

        assertThat(run.out()).as(run.all()).contains("Failed: ConnectionException");
        assertThat(incidentIo.faults().triggered()).as("the connections were really reset").isGreaterThan(1);
        assertThat(run.err()).as(run.all()).doesNotContain("SEVERE", "WARNING", "io.vertx", "io.netty");
    }

    @Test
    void firebrigadeLogDebugShowsTheLibrariesLines() {
        Run run = flakyRun(Map.of("FIREBRIGADE_LOG", "debug"));

        assertThat(run.out()).as(run.all()).contains("Failed: ConnectionException");
        assertThat(run.err()).as(run.all()).contains("io.vertx.core.net.impl.ConnectionBase", "SEVERE: Connection reset");
    }

    @Test
    void anUnknownLevelIsSaidOnceAndLogsStayOff() {
        Run run = flakyRun(Map.of("FIREBRIGADE_LOG", "loud"));

        assertThat(run.err()).as(run.all())
                .contains("FIREBRIGADE_LOG=loud is not a level (debug, info, warning, error, off); library logs stay off")
                .doesNotContain("io.netty");
    }
}

package dev.firebrigade.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** INCIDENT_IO_ACTIONS_API in the REPL, scripts and bulk: v3 by default, v2 with one deprecation line, nonsense refused. */
class ActionsApiSettingTest extends KeyedServerFixture {
    private static final String DEPRECATION = "firebrigade: the v2 actions API (/v2/actions) is deprecated and"
            + " incident.io removes it on 2026-12-31; switch to v3 by unsetting INCIDENT_IO_ACTIONS_API or setting it to v3\n";
    private static final String BAD_VALUE = "INCIDENT_IO_ACTIONS_API is 'V4', which is no actions API: set it to v3"
            + " (the default) or v2 (deprecated, removed by incident.io on 2026-12-31), or unset it";

    @TempDir
    Path dir;

    @Test
    void theReplUsesV3AndItsBannerAndHelpSaySo() {
        Run run = Run.inProcess(Map.of(), "actions().api()\nhelp()\n/exit\n");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).as(run.all())
                .contains("Actions API: v3 (/v3/actions). INCIDENT_IO_ACTIONS_API=v2 chooses the deprecated /v2/actions"
                        + " until 2026-12-31.")
                .containsPattern("(?m)^\\$1 ==> v3$")
                .contains("Actions calls: create POST /v3/actions, get GET /v3/actions/{id}, complete/reopen/edit GET then"
                        + " PUT, delete DELETE, list GET /v3/actions.");
        assertThat(run.err()).doesNotContain("deprecated");
    }

    @Test
    void v2InAnyCaseIsUsedWithOneDeprecationLineOnStderr() {
        Run run = Run.inProcess(Map.of("INCIDENT_IO_ACTIONS_API", "V2"), "actions().api()\n/exit\n");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).as(run.all())
                .contains("Actions API: v2 (/v2/actions), deprecated: incident.io removes it on 2026-12-31.")
                .containsPattern("(?m)^\\$1 ==> v2$");
        assertThat(run.err()).as(run.all()).containsOnlyOnce(DEPRECATION);
    }

    @Test
    void aScriptOnV2SendsV2AndWarnsOnce() {
        var script = Run.scriptFile("actions().forIncident(\"INC-2\").describe(\"Old style\").create().await();");
        incidentIo.clearRequests();

        Run run = Run.inProcess(Map.of("INCIDENT_IO_API_KEY", incidentIo.apiKey(), "INCIDENT_IO_BASE_URL",
                incidentIo.baseUrl(), "INCIDENT_IO_ACTIONS_API", "v2"), "", "run", script.toString());

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.err()).as(run.all()).isEqualTo(DEPRECATION);
        assertThat(incidentIo.requests()).anySatisfy(r -> assertThat(r.method() + " " + r.path()).isEqualTo("POST /v2/actions"))
                .noneSatisfy(r -> assertThat(r.path()).startsWith("/v3/actions"));
    }

    @Test
    void anUnknownValueStopsTheReplAndScriptsWithExitTwoBeforeAnythingIsSent() {
        var script = Run.scriptFile("println(\"ran\");");
        incidentIo.clearRequests();
        Map<String, String> env = Map.of("INCIDENT_IO_API_KEY", incidentIo.apiKey(), "INCIDENT_IO_BASE_URL",
                incidentIo.baseUrl(), "INCIDENT_IO_ACTIONS_API", "V4");

        Run repl = Run.inProcess(env, "1 + 1\n/exit\n");
        Run scriptRun = Run.inProcess(env, "", "run", script.toString());

        assertThat(repl.code()).as(repl.all()).isEqualTo(2);
        assertThat(repl.err()).isEqualTo("firebrigade: invalid_input: " + BAD_VALUE + "\n");
        assertThat(repl.out()).isEmpty();
        assertThat(scriptRun.code()).as(scriptRun.all()).isEqualTo(2);
        assertThat(scriptRun.out()).isEmpty();
        assertThat(incidentIo.requests()).isEmpty();
    }

    @Test
    void aBlankValueMeansTheDefault() {
        Run run = Run.inProcess(Map.of("INCIDENT_IO_ACTIONS_API", ""), "actions().api()\n/exit\n");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\$1 ==> v3$");
    }

    @Test
    void bulkNamesItsApiWarnsOnV2AndExitsTwoOnAnUnknownValue() throws IOException {
        Path csv = Files.writeString(dir.resolve("rows.csv"), "incident,description,assignee\nINC-2,Call the fire brigade,\n");

        Run v2 = bulk(Map.of("INCIDENT_IO_ACTIONS_API", "v2"), csv.toString(), "--no-journal");
        Run v3 = bulk(Map.of(), csv.toString(), "--no-journal");
        Run bad = bulk(Map.of("INCIDENT_IO_ACTIONS_API", "V4"), csv.toString(), "--no-journal");

        assertThat(v2.code()).as(v2.all()).isZero();
        assertThat(v2.err()).contains(", actions API v2 (/v2/actions)").containsOnlyOnce(DEPRECATION);
        assertThat(v3.code()).as(v3.all()).isZero();
        assertThat(v3.err()).contains(", actions API v3 (/v3/actions)").doesNotContain("deprecated");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("firebrigade bulk: invalid_input: " + BAD_VALUE + "\n");
        assertThat(bad.out()).isEmpty();
    }

    private static Run bulk(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = BulkCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Run.env(env), false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

package dev.firebrigade.repl;

import dev.firebrigade.sandbox.DemoData;
import dev.firebrigade.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/firebrigade} as users run it: a separate process, its stdin piped, its exit code and both streams
 * read. It runs this build's classes (FIREBRIGADE_CLASSPATH), so it needs no earlier build of its own.
 */
class ScriptTest extends KeyedServerFixture {
    static final String EXAMPLES = Run.ROOT.resolve("scripts/examples").toString();

    @Test
    void helpExplainsTheReplScriptsAndTheEnvironment() {
        Run run = Run.script(Map.of(), "", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("scripts/firebrigade run FILE.jsh [ARGS...]", "INCIDENT_IO_API_KEY",
                "INCIDENT_IO_BASE_URL", "sandbox", "Exit code 0 only if every");
    }

    @Test
    void pipedSessionShowsTheBannerResultsAndErrorsAndEndsAtEndOfInput() {
        Run run = Run.script(Map.of(), LauncherTest.CREATE + "\n"
                + "actions().get(\"no-such-action\").await()\n"
                + "table(actions().list().forIncident(\"" + DemoData.INCIDENT_2 + "\").fetch())\n");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).as(run.all())
                .contains("Sandbox: no INCIDENT_IO_API_KEY is set", "Demo incidents:", "Demo users:", "Try:")
                .containsPattern("(?m)^firebrigade> " + LauncherTest.CREATED_LINE + "$")
                .containsPattern("(?m)^firebrigade> " + LauncherTest.NOT_FOUND_LINE + "$")
                .containsPattern("(?m)^firebrigade> id +status +assignee +incident +description$")
                .doesNotContain("|        at ");
        assertThat(run.err()).as(run.all()).isEmpty();
    }

    @Test
    void runExitsOneWhenASnippetFailedWithTheErrorOnStderr() {
        var script = Run.scriptFile("println(\"ran\");", "actions().get(\"no-such-action\").await();");

        Run run = Run.script(Map.of(), "", "run", script.toString());

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("ran\n");
        assertThat(run.err()).as(run.all())
                .containsPattern("(?m)^" + LauncherTest.NOT_FOUND_LINE.substring("\\|  ".length()) + "$")
                .endsWith("firebrigade: " + script + ": 1 snippet failed\n");
    }

    @Test
    void bannerNamesAGoodKeyAndReportsAWrongOneInOneLine() {
        var server = Map.of("INCIDENT_IO_BASE_URL", incidentIo.baseUrl());
        var good = new java.util.HashMap<>(server);
        good.put("INCIDENT_IO_API_KEY", incidentIo.apiKey());
        var wrong = new java.util.HashMap<>(server);
        wrong.put("INCIDENT_IO_API_KEY", "wrong-key-000000000000");

        Run connected = Run.script(good, "1 + 1\n");
        Run refused = Run.script(wrong, "1 + 1\n");

        assertThat(connected.out()).as(connected.all())
                .contains("\nConnected to " + incidentIo.baseUrl() + " as API key \"Firebrigade sandbox\".\n")
                .contains("$1 ==> 2")
                .doesNotContain(incidentIo.apiKey(), "Sandbox:");
        assertThat(refused.out()).as(refused.all())
                .containsPattern("\nNot connected to " + incidentIo.baseUrl()
                        + ": the API key was refused: 401 [^\n]+\\(request_id [^\n]+\n\nfirebrigade> \\$1 ==> 2")
                .doesNotContain("wrong-key-000000000000");
        assertThat(refused.code()).isZero();
    }

    @Test
    void examplesRunAgainstTheSandbox() {
        Run create = Run.script(Map.of(), "", "run", EXAMPLES + "/create-action.jsh");
        Run list = Run.script(Map.of(), "", "run", EXAMPLES + "/list-outstanding.jsh");
        Run complete = Run.script(Map.of(), "", "run", EXAMPLES + "/complete-all.jsh", "INC-2");

        assertThat(create.code()).as(create.all()).isZero();
        assertThat(create.out()).as(create.all()).matches("Created " + LauncherTest.CREATED_LINE.substring(
                "\\$\\d+ ==> ".length()) + "\n");
        assertThat(list.code()).as(list.all()).isZero();
        assertThat(list.out()).as(list.all())
                .startsWith("Outstanding actions of incident INC-2:\nid ")
                .contains(DemoData.ACTION_OUTSTANDING + "  outstanding");
        assertThat(complete.code()).as(complete.all()).isZero();
        assertThat(complete.out()).as(complete.all())
                .contains("Completed Action " + DemoData.ACTION_OUTSTANDING + " [completed]")
                .endsWith("1 of 1 outstanding actions completed.\n");
    }

    @Test
    void examplesStopAtAFailure() {
        Run create = Run.script(Map.of(), "", "run", EXAMPLES + "/create-action.jsh", "INC-999", "Nowhere to go");
        Run list = Run.script(Map.of(), "", "run", EXAMPLES + "/list-outstanding.jsh", "INC-999");

        assertThat(create.code()).as(create.all()).isEqualTo(1);
        assertThat(create.out()).as(create.all()).doesNotContain("Created");
        assertThat(create.err()).as(create.all()).contains("Not created: ", "INC-999");
        assertThat(list.code()).as(list.all()).isEqualTo(1);
        assertThat(list.out()).as(list.all()).doesNotContain("Outstanding actions");
        assertThat(list.err()).as(list.all()).contains("Could not list the actions of INC-999");
    }
}

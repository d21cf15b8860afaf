package dev.firebrigade.repl;

import dev.firebrigade.sandbox.DemoData;
import dev.firebrigade.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher in this JVM, as the REPL (input piped in) and as a script runner, against its own embedded sandbox or
 * against a sandbox this test starts to play a real incident.io.
 */
class LauncherTest extends KeyedServerFixture {
    static final String INC_2 = DemoData.INCIDENT_2;
    static final String LISA = DemoData.USER_LISA;
    /** The issue's example, with the references the DSL resolves (INC-2 and Lisa's email). */
    static final String CREATE = "actions().forIncident(\"INC-2\").describe(\"Call the fire brigade\")"
            + ".assignTo(\"lisa@incident.io\").create().await()";
    /** What a created action looks like in the REPL: one line. */
    static final String CREATED_LINE = "\\$\\d+ ==> Action \\S+ \\[outstanding] \"Call the fire brigade\" "
            + "-> Lisa Karlin Curtis \\(incident " + INC_2 + "\\)";
    /** A failed call: one line with the error type, status and type, request, message and request id. */
    static final String NOT_FOUND_LINE = "\\|  Exception NotFoundException: 404 not_found on GET /v3/actions/no-such-action: "
            + ".+ \\(request_id [^)]+\\)";

    @Test
    void opensOnTheSandboxAndShowsACreatedActionOnOneLine() {
        Run run = Run.inProcess(Map.of(), CREATE + "\n/exit\n");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("Sandbox: no INCIDENT_IO_API_KEY is set, so this is the embedded incident.io simulator")
                .contains("INC-2", INC_2, "Payments are failing for some EU customers")
                .contains(LISA, "Lisa Karlin Curtis", "lisa@incident.io")
                .containsPattern("(?m)^" + CREATED_LINE + "$");
    }

    @Test
    void showsAFailedCallAsOneLineWithoutAStackTrace() {
        Run run = Run.inProcess(Map.of(), "actions().get(\"no-such-action\").await()\n"
                + "lastError().requestId() != null\n/exit\n");

        assertThat(run.out()).as(run.all())
                .containsPattern("(?m)^" + NOT_FOUND_LINE + "$")
                .containsPattern("(?m)^\\$\\d+ ==> true$")
                .doesNotContain("|        at ");
    }

    @Test
    void settlesAFutureBeforeShowingIt() {
        Run run = Run.inProcess(Map.of(), "actions().get(\"" + DemoData.ACTION_SPEC_EXAMPLE + "\")\n"
                + "actions().get(\"no-such-action\")\n/exit\n");

        assertThat(run.out()).as(run.all())
                .containsPattern("(?m)^\\$1 ==> Future\\{result=Action " + DemoData.ACTION_SPEC_EXAMPLE + " \\[\\w+] \"Call the fire brigade\"")
                .containsPattern("(?m)^" + NOT_FOUND_LINE + "$");
    }

    @Test
    void printsTablesAndPrettyJson() {
        Run run = Run.inProcess(Map.of(), "table(actions().list().forIncident(\"" + INC_2 + "\").fetch())\n"
                + "table(incidents().list().fetch())\n"
                + "show(actions().get(\"" + DemoData.ACTION_SPEC_EXAMPLE + "\"))\n/exit\n");

        assertThat(run.out()).as(run.all())
                .containsPattern("(?m)^id +status +assignee +incident +description\n-+  -+  -+  -+  -+\n")
                .containsPattern(DemoData.ACTION_OUTSTANDING + "  outstanding +\\S.*  " + INC_2 + "  \\S")
                .containsPattern("\\(\\d+ rows?\\)\n")
                .containsPattern("(?m)^reference +id +status +severity +mode +name\n")
                .containsPattern("(?m)^INC-2 +" + INC_2 + " +\\S+ +\\S+ +standard +Payments are failing")
                .contains("{\n  \"id\": \"" + DemoData.ACTION_SPEC_EXAMPLE + "\",\n  \"incident_id\": \"" + DemoData.INCIDENT_1 + "\",");
    }

    @Test
    void helpListsTheDslWithIdsThatWorkHere() {
        Run run = Run.inProcess(Map.of(), "help()\n/exit\n");

        assertThat(run.out()).as(run.all())
                .contains(CREATE)
                .contains("actions().list().forIncident(", "actions().complete(", ".dryRun()", "incidents().get(",
                        "incidents().declare()", "incidents().edit(", "incidentUpdates().forIncident(",
                        "followUps().forIncident(", "followUps().list().forIncident(", "followUps().edit(",
                        "users().byEmail(", "identity()", "raw().get(", "table(list)", "show(x)", "lastError()", "args()");
    }

    @Test
    void resetKeepsTheDslImportsWithoutAnotherBanner() {
        Run run = Run.inProcess(Map.of(), "int x = 1\n/reset\nactions().getClass().getSimpleName()\n/exit\n");

        assertThat(run.out()).as(run.all())
                .containsOnlyOnce("Firebrigade ")
                .contains("$1 ==> \"Actions\"")
                .doesNotContain("Not valid with a predefined mode", "already exists");
    }

    @Test
    void exitCodeOfTheReplIsWhatExitSays() {
        Run run = Run.inProcess(Map.of(), "/exit 3\n");

        assertThat(run.code()).as(run.all()).isEqualTo(3);
    }

    @Test
    void bannerNamesTheKeyButNeverShowsIt() {
        Run run = Run.inProcess(Map.of("INCIDENT_IO_API_KEY", incidentIo.apiKey(),
                "INCIDENT_IO_BASE_URL", incidentIo.baseUrl()), CREATE + "\n/exit\n");

        assertThat(run.out()).as(run.all())
                .contains("Connected to " + incidentIo.baseUrl() + " as API key \"Firebrigade sandbox\".")
                .doesNotContain("Sandbox:", "Demo incidents")
                .containsPattern(CREATED_LINE);
        assertThat(run.all()).doesNotContain(incidentIo.apiKey());
    }

    @Test
    void aWrongKeyIsOneBannerLineAndTheReplStillOpens() {
        Run run = Run.inProcess(Map.of("INCIDENT_IO_API_KEY", "not-the-right-key-0000",
                "INCIDENT_IO_BASE_URL", incidentIo.baseUrl()), "1 + 1\n/exit\n");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).as(run.all())
                .containsPattern("\nNot connected to " + incidentIo.baseUrl() + ": the API key was refused: 401 [^\n]+"
                        + "request_id[^\n]+ The REPL is open; calls will fail until this is fixed\\.\n\nfirebrigade> ")
                .contains("$1 ==> 2");
        assertThat(run.all()).doesNotContain("not-the-right-key-0000");
    }

    @Test
    void anUnreachableServerIsOneBannerLine() {
        Run run = Run.inProcess(Map.of("INCIDENT_IO_API_KEY", "some-key-1234567890",
                "INCIDENT_IO_BASE_URL", "http://127.0.0.1:1"), "1 + 1\n/exit\n");

        assertThat(run.out()).as(run.all())
                .containsPattern("\nNot connected to http://127.0.0.1:1: cannot reach the server: [^\n]+\n\nfirebrigade> ")
                .contains("$1 ==> 2");
    }

    @Test
    void scriptSucceedsWithExitCodeZeroAndGetsItsArguments() {
        var script = Run.scriptFile(
                "var action = " + CREATE + ";",
                "println(action);",
                "println(\"args \" + args());");

        Run run = Run.inProcess(Map.of(), "", "run", script.toString(), "--", "first", "second arg");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).as(run.all())
                .containsPattern("^Action \\S+ \\[outstanding] \"Call the fire brigade\" -> Lisa Karlin Curtis")
                .endsWith("args [first, second arg]\n");
        assertThat(run.err()).as(run.all())
                .startsWith("firebrigade: no INCIDENT_IO_API_KEY set: running against the embedded sandbox");
    }

    @Test
    void scriptWithAFailedCallExitsOneAndSaysWhyOnStderr() {
        var script = Run.scriptFile(
                "println(\"before\");",
                "actions().get(\"no-such-action\").await();",
                "println(\"after\");");

        Run run = Run.inProcess(Map.of(), "", "run", script.toString());

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("before\nafter\n");
        assertThat(run.err()).as(run.all())
                .containsPattern("\nException NotFoundException: 404 not_found on GET /v3/actions/no-such-action: .+ \\(request_id [^)]+\\)\n")
                .endsWith("firebrigade: " + script + ": 1 snippet failed\n");
    }

    @Test
    void scriptWithACompileErrorExitsOne() {
        var script = Run.scriptFile("println(1);", "", "actions().nosuchMethod();", "List l = new ArrayList(); l.add(1);");

        Run run = Run.inProcess(Map.of(), "", "run", script.toString());

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).as(run.all())
                .contains("Error:\ncannot find symbol\n  symbol:   method nosuchMethod()")
                .containsPattern("\\^-+\\^\nat " + java.util.regex.Pattern.quote(script + ":3") + "\n")
                .contains("Warning:\nunchecked call")
                .endsWith(": 1 snippet failed\n");
    }

    @Test
    void aScriptsRuntimeFailuresNameTheScriptLineThatFailed() {
        var script = Run.scriptFile(
                "println(\"start\");",
                "",
                "// a failed call on one line",
                "actions().get(\"no-such-action\").await();",
                "actions().forIncident(\"INC-404\").",
                "    describe(\"Nowhere to go\").",
                "    create().await();",
                "String nothing = null;",
                "int length = List.of(1).size() +",
                "    nothing.length();",
                "int boom(String s) {",
                "    println(\"in boom\");",
                "    return s.length();",
                "}",
                "/* a comment before",
                "   the call */ boom(null);",
                "void blank() {",
                "    actions().forIncident(\"INC-2\").describe(\" \").create().await();",
                "}",
                "blank();",
                "println(\"end\");");
        String at = "\nat " + java.util.regex.Pattern.quote(script.toString()) + ":";

        Run run = Run.inProcess(Map.of(), "", "run", script.toString());

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("start\nin boom\nend\n");
        assertThat(run.err()).as(run.all())
                .containsPattern("Exception NotFoundException: 404 not_found on GET /v3/actions/no-such-action: .+\\)"
                        + at + "4\n")
                .as("an answer's failure: where the statement starts")
                .containsPattern("\nException UnresolvedReferenceException: 404 [^\n]+INC-404[^\n]+" + at + "5\n")
                .as("the exact line, from the stack frame")
                .containsPattern("\nException java.lang.NullPointerException: [^\n]+\n +at \\("
                        + java.util.regex.Pattern.quote(script.toString()) + ":10\\)" + at + "10\n")
                .as("inside a method defined earlier: the method's line, and the frames name script lines")
                .containsPattern("\n +at boom \\(" + java.util.regex.Pattern.quote(script.toString()) + ":13\\)\n"
                        + " +at \\(" + java.util.regex.Pattern.quote(script.toString()) + ":16\\)" + at + "13\n")
                .as("a typed error thrown in the script's own thread, in a method")
                .containsPattern("\nException InvalidInputException: [^\n]+" + at + "18\n")
                .doesNotContain("(#")
                .endsWith("firebrigade: " + script + ": 5 snippets failed\n");
    }

    @Test
    void scriptWithAFailedFutureThatNobodyAwaitedExitsOne() {
        var script = Run.scriptFile("var pending = actions().forIncident(\"no-such-incident\").describe(\"x\").create();");

        Run run = Run.inProcess(Map.of(), "", "run", script.toString());

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).as(run.all()).containsPattern("\nException \\w+Exception: \\d{3} \\w+ on POST /v3/actions: ");
    }

    @Test
    void scriptEndingInsideAnUnfinishedSnippetExitsOne() {
        var script = Run.scriptFile("println(\"ran\");", "var x =", "println(\"not run\"");
        var unclosed = Run.scriptFile("println(\"ran\");", "println(\"not run\"");

        Run assignment = Run.inProcess(Map.of(), "", "run", script.toString());
        Run call = Run.inProcess(Map.of(), "", "run", unclosed.toString());

        assertThat(assignment.code()).as(assignment.all()).isEqualTo(1);
        assertThat(call.code()).as(call.all()).isEqualTo(1);
        assertThat(call.out()).isEqualTo("ran\n");
        assertThat(call.err()).as(call.all()).endsWith("firebrigade: " + unclosed
                + " ends inside an unfinished snippet (a missing ')', '}' or '\"'?), which was not run\n");
    }

    @Test
    void scriptEndsWithTheCodeItGivesToExit() {
        var script = Run.scriptFile("/exit args().size() + 4", "println(\"not reached\");");

        Run run = Run.inProcess(Map.of(), "", "run", script.toString(), "one");

        assertThat(run.code()).as(run.all()).isEqualTo(5);
        assertThat(run.out()).doesNotContain("not reached");
    }

    @Test
    void missingScriptAndUnknownArgumentsAreUsageErrors() {
        Run missing = Run.inProcess(Map.of(), "", "run", "no/such/file.jsh");
        Run unknown = Run.inProcess(Map.of(), "", "--bogus");

        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("firebrigade: no such script: no/such/file.jsh\n");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("firebrigade: unexpected arguments: --bogus\nusage: firebrigade");
    }

    @Test
    void anUnsentDraftEditOrQuerySaysNothingWasSentAndHowToSendIt() {
        Run run = Run.inProcess(Map.of(), "actions().forIncident(\"INC-2\").describe(\"Forgot to create\")\n"
                + "actions().edit(\"" + DemoData.ACTION_OUTSTANDING + "\").status(COMPLETED)\n"
                + "actions().list().forIncident(\"INC-2\")\n/exit\n");

        assertThat(run.out()).as(run.all())
                .contains("(a draft: nothing was sent. .create().await() creates it; .dryRun() shows the request)")
                .contains("(an edit: nothing was sent. .apply().await() applies it)")
                .contains("(a query: nothing was sent. .fetch().await() reads every page");
    }

    @Test
    void tableSendsAQueryItIsGiven() {
        Run run = Run.inProcess(Map.of(), "table(actions().list().forIncident(\"INC-2\"))\n/exit\n");

        assertThat(run.out()).as(run.all())
                .containsPattern("(?m)^id +status +assignee +incident +description\n")
                .contains(DemoData.ACTION_OUTSTANDING + "  outstanding");
    }

    @Test
    void theSandboxBannerSaysItStartsFreshAtEveryRun() {
        Run run = Run.inProcess(Map.of(), "/exit\n");

        assertThat(run.out()).as(run.all()).contains("the sandbox starts fresh at every run");
    }

    @Test
    void runWithoutAScriptPrintsTheUsageWithBulk() {
        Run run = Run.inProcess(Map.of(), "", "run");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("firebrigade run: which script?")
                .contains("firebrigade run FILE.jsh", "firebrigade bulk FILE.csv");
    }

    /** Two reads the test's server holds for {@code seconds}, started without waiting for them. */
    static String slowReads(int seconds) {
        incidentIo.faults().on("GET", "/v3/actions/slow-*").latency(java.time.Duration.ofSeconds(seconds));
        return "List.of(\"slow-1\", \"slow-2\").forEach(id -> actions().get(id));\n";
    }

    static Map<String, String> keyed() {
        return Map.of("INCIDENT_IO_API_KEY", incidentIo.apiKey(), "INCIDENT_IO_BASE_URL", incidentIo.baseUrl());
    }

    /** {@code /exit} as typed (the terminal echoes it), and the question. */
    static final String ASKED = "firebrigade> /exit\r?\n" + java.util.regex.Pattern.quote("2 requests are still in"
            + " flight (their answers would be lost): /exit again to leave now, or wait for them.\n\n");

    @Test
    void exitWithRequestsInFlightSaysHowManyAndStaysUntilExitAgain() {
        try {
            Run run = Run.inProcess(keyed(), slowReads(20) + "/exit\n1 + 1\n/exit\n/exit\n");

            assertThat(run.code()).as(run.all()).isZero();
            assertThat(run.out()).as("asked and stayed; asked again after a snippet ran; left on /exit twice in a row, "
                            + "without waiting for the answers\n" + run.all())
                    .containsPattern(ASKED + "firebrigade> 1 \\+ 1\r?\n\\$\\d+ ==> 2\n\n" + ASKED
                            + "firebrigade> /exit\r?\n$")
                    .doesNotContain("waiting for");
        } finally {
            incidentIo.faults().clear();
        }
    }

    @Test
    void exitOnceTheAnswersHaveComeLeavesWithoutAsking() {
        try {
            Run run = Run.inProcess(keyed(), slowReads(2) + "/exit\nThread.sleep(4_000)\n/exit\n");

            assertThat(run.code()).as(run.all()).isZero();
            assertThat(run.out()).as(run.all()).containsOnlyOnce("still in flight").doesNotContain("waiting for");
        } finally {
            incidentIo.faults().clear();
        }
    }

    @Test
    void endOfInputWithRequestsInFlightWaitsForTheirAnswers() {
        try {
            Run run = Run.inProcess(keyed(), slowReads(3));

            assertThat(run.out()).as(run.all())
                    .contains("2 requests are still in flight: waiting for their answers before leaving (Ctrl-C leaves"
                            + " at once")
                    .contains("All answered.");
        } finally {
            incidentIo.faults().clear();
        }
    }
}

package dev.firebrigade.repl;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tab completion in the REPL is JShell's, over the launcher's class path and the startup's imports. */
class CompletionTest {

    @Test
    void completesTheDslAndTheHelpers() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(Launcher.classPath());
            shell.eval("import static dev.firebrigade.Firebrigade.*;");
            shell.eval("import static dev.firebrigade.repl.Shell.*;");

            assertThat(complete(shell, "actions().forIncident(\"x\").desc")).contains("describe(");
            assertThat(complete(shell, "actions().forIncident(\"x\").describe(\"y\").")).contains("assignTo(", "create()", "dryRun()");
            assertThat(complete(shell, "tab")).contains("table(");
            assertThat(complete(shell, "users().")).contains("get(", "list()", "byEmail(");
            assertThat(complete(shell, "incidents().list().")).contains("statusCategory(", "firstPage()", "stream()", "collect(");
            assertThat(complete(shell, "incidents().")).contains("declare()", "edit(", "severities()", "roles()");
            assertThat(complete(shell, "incidents().declare().name(\"x\").")).contains("severity(", "type(", "status(",
                    "mode(", "visibility(", "lead(", "role(", "idempotencyKey(", "create()", "dryRun()");
            assertThat(complete(shell, "incidents().edit(\"INC-1\").")).contains("status(", "severity(", "summary(",
                    "notifyChannel(", "apply()");
            assertThat(complete(shell, "incidentUpdates().")).contains("forIncident(", "list()");
            assertThat(complete(shell, "followUps().")).contains("forIncident(", "get(", "list()", "edit(", "delete(",
                    "connectExternalIssue(", "createFromLink(");
            assertThat(complete(shell, "followUps().forIncident(\"INC-1\").")).contains("title(", "describe(",
                    "assignTo(", "unassigned()", "priority(", "category(", "labels(", "create()", "dryRun()",
                    "resolvedDryRun()");
            assertThat(complete(shell, "followUps().list().")).contains("forIncident(", "mode(", "assigneeTeam(",
                    "createdSince(", "updatedBetween(", "fetch()");
            assertThat(complete(shell, "followUps().edit(\"x\").")).contains("title(", "describe(", "status(",
                    "assignTo(", "unassign()", "priority(", "category(", "labels(", "apply()");
            assertThat(complete(shell, "actions().forIncident(\"INC-1\").describe(\"y\").res")).contains("resolvedDryRun()");
            assertThat(complete(shell, "raw().")).contains("get(", "post(", "put(", "delete(");
            assertThat(complete(shell, "ident")).contains("identity()");
        }
    }

    private static List<String> complete(JShell shell, String input) {
        return shell.sourceCodeAnalysis().completionSuggestions(input, input.length(), new int[1]).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .toList();
    }
}

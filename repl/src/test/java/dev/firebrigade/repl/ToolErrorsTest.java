package dev.firebrigade.repl;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ToolErrorsTest {
    final ByteArrayOutputStream passedOn = new ByteArrayOutputStream();
    final ScriptInput script = new ScriptInput("int x = 1;\nfoo(x);\nfoo(x);\n".getBytes(StandardCharsets.UTF_8), "end();");
    final ToolErrors errors = new ToolErrors(new PrintStream(passedOn, true, StandardCharsets.UTF_8), "s.jsh", script);

    @Test
    void countsCompileErrorsExceptionsAndOtherMessagesButNotWarnings() {
        PrintStream jshell = errors.stream();
        jshell.print("""
                |  Warning:
                |  unchecked call to add(E) as a member of the raw type java.util.List
                |  Error:
                |  cannot find symbol
                |    symbol:   variable foo
                |  Exception NotFoundException: 404 not_found on GET /v2/actions/x: gone (request_id r)
                |  Warning:
                |  unchecked conversion
                """);

        assertThat(errors.errors()).isEqualTo(2);
        assertThat(passedOn.toString(StandardCharsets.UTF_8)).startsWith("|  Warning:\n|  unchecked call");
    }

    @Test
    void aCompileErrorIsLocatedAtTheNearestLineJShellHasReadThatHoldsTheEchoedText() {
        readLines(2);

        errors.stream().print("Error:\ncannot find symbol\n  symbol:   method foo(int)\nfoo(x);\n^-^\n");

        assertThat(passedOn.toString(StandardCharsets.UTF_8)).endsWith("foo(x);\n^-^\nat s.jsh:2\n");
    }

    @Test
    void aMessageThatIsNotAReportCountsToo() {
        errors.stream().print("File 'missing.jsh' for 'jshell' is not found.\n");

        assertThat(errors.errors()).isEqualTo(1);
    }

    @Test
    void warningsAloneAreNoError() {
        errors.stream().print("Warning:\nunchecked call\n");

        assertThat(errors.errors()).isZero();
    }

    /** What JShell does as it reads the script: one line per request. */
    private void readLines(int count) {
        var buffer = new byte[8192];
        for (int line = 0; line < count; line++) {
            assertThat(script.read(buffer, 0, buffer.length)).isPositive();
        }
    }
}

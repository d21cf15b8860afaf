package dev.firebrigade.repl;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the script's lines are handed to JShell, and how a loaded snippet's first line is found from that. */
class ScriptInputTest {
    static final String SCRIPT = """
            // Line 1: a comment, then a blank line, an import and a command, none of them a snippet that loads classes

            import java.util.*;
            /set feedback silent
            var numbers = List.of(1,
                2);
            int a = 1; int b = 2;
            /* a comment
               over two lines */ int c =
                3;
            /exit c
            """;

    final ScriptInput script = new ScriptInput(SCRIPT.getBytes(StandardCharsets.UTF_8), "end();");
    final byte[] buffer = new byte[8192];

    @Test
    void handsOverOneLinePerReadWithTheMarkAfterTheScript() {
        int first = script.read(buffer, 0, buffer.length);

        assertThat(new String(buffer, 0, first, StandardCharsets.UTF_8)).startsWith("// Line 1").endsWith("\n")
                .doesNotContain("import java");
        assertThat(script.served()).isEqualTo(1);
        readLines(10);
        assertThat(script.served()).isEqualTo(11);
        int last = script.read(buffer, 0, buffer.length);
        assertThat(new String(buffer, 0, last, StandardCharsets.UTF_8)).isEqualTo("\n");
        assertThat(new String(buffer, 0, script.read(buffer, 0, buffer.length), StandardCharsets.UTF_8))
                .isEqualTo("end();\n");
        assertThat(script.read(buffer, 0, buffer.length)).isEqualTo(-1);
    }

    @Test
    void aLineLongerThanARequestIsHandedOverInPiecesAndCountedOnceWhole() {
        assertThat(script.read(buffer, 0, 10)).isEqualTo(10);
        assertThat(script.served()).isZero();
        script.read(buffer, 0, buffer.length);
        assertThat(script.served()).isEqualTo(1);
    }

    @Test
    void aLoadedSnippetStartsAtTheFirstLineOfCodeSinceThePreviousSnippet() {
        readLines(6);
        script.loaded(List.of("REPL.$JShell$11"));
        readLines(1);
        script.loaded(List.of("REPL.$JShell$12"));
        script.loaded(List.of("REPL.$JShell$13"));
        readLines(3);
        script.loaded(List.of("REPL.$JShell$14", "REPL.$JShell$14$Inner"));
        readLines(1);
        script.loaded(List.of("REPL.$JShell$15"));

        assertThat(startOf("REPL.$JShell$11", 2)).as("the second line of `var numbers`").isEqualTo(6);
        assertThat(startOf("REPL.$JShell$12", 1)).isEqualTo(7);
        assertThat(startOf("REPL.$JShell$13", 1)).as("the second snippet of line 7").isEqualTo(7);
        assertThat(startOf("REPL.$JShell$14$Inner", 3)).as("a comment before code on its line is part of the snippet")
                .isEqualTo(10);
        assertThat(startOf("REPL.$JShell$15", 1)).as("/exit with a value is a snippet").isEqualTo(11);
    }

    @Test
    void aRejectedSnippetEndsWhereJShellStoppedReading() {
        readLines(6);
        script.rejected();
        readLines(1);
        script.loaded(List.of("REPL.$JShell$12"));

        assertThat(startOf("REPL.$JShell$12", 1)).isEqualTo(7);
    }

    @Test
    void classesLoadedByACommandAreLocatedAtItsLine() {
        readLines(4);
        script.loaded(List.of("REPL.$JShell$9"));

        assertThat(startOf("REPL.$JShell$9", 5)).as("from a file /open ran, say").isEqualTo(4);
    }

    @Test
    void aFailureIsTakenOnceWithItsSnippetFramesInnermostFirst() {
        readLines(6);
        script.loaded(List.of("REPL.$JShell$11"));
        readLines(1);
        script.loaded(List.of("REPL.$JShell$12"));

        script.failed("REPL.$JShell$12", failureThrough("REPL.$JShell$11", "REPL.$JShell$12"), true);
        ScriptInput.FailureSite site = script.takeFailure();

        assertThat(site.frames()).extracting(start -> start.scriptLine(2)).containsExactly(6, 8);
        assertThat(site.statement().line()).isEqualTo(7);
        assertThat(site.framesShown()).isTrue();
        assertThat(script.takeFailure()).isNull();
    }

    /** The start of the snippet whose classes include {@code className}, as the script line of its line {@code n}. */
    private int startOf(String className, int n) {
        script.failed(className, failureThrough(className), false);
        return script.takeFailure().frames().get(0).scriptLine(n);
    }

    private static Throwable failureThrough(String... snippetClasses) {
        var failure = new IllegalStateException("boom");
        var frames = new java.util.ArrayList<StackTraceElement>();
        frames.add(new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 233));
        for (String snippetClass : snippetClasses) {
            frames.add(new StackTraceElement(snippetClass, "do_it$", snippetClass + ".java", 40));
        }
        frames.add(new StackTraceElement("java.lang.Thread", "run", "Thread.java", 833));
        failure.setStackTrace(frames.toArray(StackTraceElement[]::new));
        return failure;
    }

    private void readLines(int count) {
        for (int line = 0; line < count; line++) {
            assertThat(script.read(buffer, 0, buffer.length)).isPositive();
        }
    }
}

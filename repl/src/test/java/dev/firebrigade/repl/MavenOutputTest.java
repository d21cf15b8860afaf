package dev.firebrigade.repl;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Maven run in this checkout as the docs and scripts/firebrigade run it ({@code -B}), its output piped: no colour
 * codes. Maven 3.8 writes colour resets ({@code ESC[0m}) even with {@code -B -q -Dstyle.color=never}, as its console
 * library resets the terminal at exit; {@code .mvn/jvm.config} turns that off ({@code -Djansi.noreset=true}).
 */
class MavenOutputTest {
    private static final String ESC = "\u001b";

    @Test
    void quietMavenOutputInAPipeHasNoEscapeCodes() {
        // One run that fails at once (an unknown phase, a few seconds), so Maven prints its error report as a failed
        // build would; the resets came with any output, quiet or not.
        Run run = maven("-B", "-q", "-N", "no-such-phase");

        assertThat(run.code()).as(run.all()).isNotZero();
        assertThat(run.all()).contains("Unknown lifecycle phase \"no-such-phase\"").doesNotContain(ESC);
    }

    private static Run maven(String... args) {
        Path mvn = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "mvn"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        assumeTrue(mvn != null, "no mvn on the PATH: Maven's own output cannot be checked here");
        var command = new ArrayList<>(List.of(mvn.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(Run.ROOT.toFile());
        // As a user's shell would run it: not Maven's environment of this test run.
        builder.environment().remove("MAVEN_OPTS");
        builder.environment().remove("MAVEN_ARGS");
        return Run.process(builder, "");
    }
}

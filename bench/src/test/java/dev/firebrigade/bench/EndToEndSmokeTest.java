package dev.firebrigade.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The few-second smoke run CI does instead of the real benchmark: tiny N, the sandbox in a child JVM as in a real
 * run, and every figure checked for sanity. Proves the harness works, says nothing about speed.
 */
class EndToEndSmokeTest {

    @Test
    void measuresEveryClientAgainstAChildSandbox() throws Exception {
        var options = EndToEnd.Options.parse("--creates", "100", "--concurrency", "1,8", "--rounds", "1",
                "--warmup", "20", "--warmup-seconds", "0", "--warmup-rounds", "1", "--cell-timeout", "60");
        var log = new ByteArrayOutputStream();

        EndToEnd.Report report = EndToEnd.run(options, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(report.cells()).hasSize(8);
        for (Cell cell : report.cells()) {
            assertThat(cell.failures()).as(cell.client() + " failures, first: " + cell.firstFailure()).isZero();
            assertThat(cell.creates()).isEqualTo(100);
            assertThat(cell.throughput()).as(cell.client() + " creates/s").isPositive();
            assertThat(cell.p50Micros()).as(cell.client() + " p50").isPositive();
            assertThat(cell.p99Micros()).as(cell.client() + " p99").isGreaterThanOrEqualTo(cell.p50Micros());
            // Any HTTP exchange allocates at least its own request and response objects.
            assertThat(cell.bytesPerCreate()).as(cell.client() + " bytes per create").isGreaterThan(500);
            assertThat(cell.clientCpuMicros()).as(cell.client() + " client CPU").isPositive();
            assertThat(cell.serverCpuMicros()).as(cell.client() + " server CPU, measured in the child JVM").isPositive();
        }
        assertThat(report.cells()).extracting(Cell::client).containsOnly("dsl", "raw", "jdk", "raw+json");
        String table = EndToEnd.markdown(report);
        assertThat(table).contains("| 8 | dsl |", "| 8 | raw |", "| 8 | jdk |", "| 8 | raw+json |", "Goals at concurrency 8")
                .contains("sandbox in a child JVM");
        System.out.println(table);
    }

    @Test
    void theClientBoundCellReportsItsOwnGoals() throws Exception {
        var options = EndToEnd.Options.parse("--sandbox", "canned", "--creates", "100", "--concurrency", "8",
                "--rounds", "1", "--warmup", "20", "--warmup-seconds", "0", "--warmup-rounds", "1",
                "--clients", "dsl,raw,raw+json,raw+tree", "--cell-timeout", "60");

        EndToEnd.Report report = EndToEnd.run(options, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        assertThat(report.clientBound()).isTrue();
        assertThat(report.cells()).extracting(Cell::failures).containsOnly(0);
        assertThat(EndToEnd.markdown(report))
                .containsPattern("Client-bound goals at concurrency 8 .*DSL vs raw \\d\\.\\d\\d .*DSL vs raw\\+json "
                        + "\\d\\.\\d\\d \\(goal ≥ 0\\.95\\) (met|NOT met).*DSL vs raw\\+tree \\d\\.\\d\\d")
                .doesNotContain("Goals at concurrency 8, DSL vs raw WebClient");
    }
}

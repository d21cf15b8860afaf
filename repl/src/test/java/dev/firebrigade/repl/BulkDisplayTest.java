package dev.firebrigade.repl;

import dev.firebrigade.bulk.BulkProgress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The bar and the log lines show the same rate and ETA: the bulk's. */
class BulkDisplayTest {
    private static final BulkProgress PROGRESS = new BulkProgress(1260, 3000, 1250, 0, 10, 0, 0, 20.0,
            Duration.ofSeconds(6), Duration.ofSeconds(87));

    @Test
    void theBarShowsTheBulksRateAndEta() {
        assertThat(BulkDisplay.extra(PROGRESS)).isEqualTo("20.0/s 10 failed ETA 1m27s");
    }

    @Test
    void aLogLineShowsTheSameRateAndEta() {
        var out = new ByteArrayOutputStream();
        try (var display = BulkDisplay.lines("Creating", new PrintStream(out, true, StandardCharsets.UTF_8))) {
            display.accept(PROGRESS);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("20.0/s", "ETA 1m27s");
    }
}

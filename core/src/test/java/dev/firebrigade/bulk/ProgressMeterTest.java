package dev.firebrigade.bulk;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate and ETA every bulk display shows. */
class ProgressMeterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void onceTheRateLimitersBurstIsSpentTheEtaFollowsTheSustainedRateWithinSeconds() {
        var meter = new ProgressMeter(0);
        // 1,200 creates in 3 s from the bucket, then incident.io's 20 a second.
        meter.snapshot(SECOND, 3000, 400, 0, 0, 0, 0);
        meter.snapshot(2 * SECOND, 3000, 800, 0, 0, 0, 0);
        meter.snapshot(3 * SECOND, 3000, 1200, 0, 0, 0, 0);
        meter.snapshot(4 * SECOND, 3000, 1220, 0, 0, 0, 0);
        meter.snapshot(5 * SECOND, 3000, 1240, 0, 0, 0, 0);

        BulkProgress progress = meter.snapshot(6 * SECOND, 3000, 1260, 0, 0, 0, 0);

        // 1,740 rows left at 20 a second: 87 s (the average since the start would have said 8 s).
        assertThat(progress.rowsPerSecond()).isEqualTo(20.0);
        assertThat(progress.eta()).isEqualTo(Duration.ofSeconds(87));
        assertThat(progress.toString()).endsWith("ETA 1m27s");
    }

    @Test
    void aDoneRunHasNoEtaLeft() {
        var meter = new ProgressMeter(0);

        BulkProgress progress = meter.snapshot(SECOND, 10, 10, 0, 0, 0, 0);

        assertThat(progress.eta()).isZero();
        assertThat(progress.etaText()).isEmpty();
    }
}

package dev.firebrigade.internal.create;

import org.junit.jupiter.api.Test;

import static dev.firebrigade.internal.create.StartSlices.SLICE_NANOS;
import static org.assertj.core.api.Assertions.assertThat;

/** The oldest create in progress is known to its slice, whatever order creates finish in. */
class StartSlicesTest {
    @Test
    void theOldestStartMovesOnOnlyWhenEveryCreateOfItsSliceIsOver() {
        var slices = new StartSlices();
        assertThat(slices.isEmpty()).isTrue();
        long a = slices.start(10 * SLICE_NANOS + 5);
        long b = slices.start(10 * SLICE_NANOS + 50);
        long c = slices.start(12 * SLICE_NANOS + 1);

        assertThat(slices.oldestNanos()).isEqualTo(10 * SLICE_NANOS);
        slices.finish(a);
        assertThat(slices.oldestNanos()).isEqualTo(10 * SLICE_NANOS);
        slices.finish(c);
        assertThat(slices.oldestNanos()).isEqualTo(10 * SLICE_NANOS);
        slices.finish(b);
        assertThat(slices.isEmpty()).isTrue();
    }

    @Test
    void aCreateStuckForMinutesKeepsItsSliceAcrossAGrownRing() {
        var slices = new StartSlices();
        long stuck = slices.start(-3 * SLICE_NANOS); // nanoTime may be negative
        long last = 0;
        for (int i = 0; i < 1_200; i++) { // two minutes of slices, a create in each
            last = slices.start(i * SLICE_NANOS);
            if (i > 0) {
                slices.finish(last - 1);
            }
        }
        assertThat(slices.oldestNanos()).isEqualTo(-3 * SLICE_NANOS);

        slices.finish(stuck);
        assertThat(slices.oldestNanos()).isEqualTo(1_199 * SLICE_NANOS);
        slices.finish(last);
        assertThat(slices.isEmpty()).isTrue();
    }

    @Test
    void aClockThatStepsBackCountsInTheOldestSlice() {
        var slices = new StartSlices();
        long first = slices.start(5 * SLICE_NANOS);
        long back = slices.start(2 * SLICE_NANOS);

        assertThat(back).isEqualTo(first);
        slices.finish(first);
        assertThat(slices.isEmpty()).isFalse();
        slices.finish(back);
        assertThat(slices.isEmpty()).isTrue();
    }
}

package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TokenBucket bucket = new TokenBucket(3, 2, nanos::get);

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000);
    }

    @Test
    void allowsABurstOfTheWholeCapacityThenRefuses() {
        var first = bucket.tryTake();
        bucket.tryTake();
        var third = bucket.tryTake();
        var fourth = bucket.tryTake();

        assertThat(first.allowed()).isTrue();
        assertThat(first.remaining()).isEqualTo(2);
        assertThat(first.used()).isEqualTo(1);
        assertThat(first.limit()).isEqualTo(3);
        assertThat(third.remaining()).isZero();
        assertThat(third.used()).isEqualTo(3);
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.secondsUntilNextToken()).isCloseTo(0.5, within(1e-9));
        assertThat(fourth.secondsUntilFull()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void refillsContinuouslyNotInWindows() {
        bucket.tryTake();
        bucket.tryTake();
        bucket.tryTake();

        advanceMillis(250);
        var early = bucket.tryTake();
        advanceMillis(250);
        var onTime = bucket.tryTake();

        assertThat(early.allowed()).isFalse();
        assertThat(early.secondsUntilNextToken()).isCloseTo(0.25, within(1e-9));
        assertThat(onTime.allowed()).isTrue();
        assertThat(onTime.remaining()).isZero();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        advanceMillis(60_000);

        var outcome = bucket.tryTake();

        assertThat(outcome.remaining()).isEqualTo(2);
        assertThat(outcome.secondsUntilFull()).isCloseTo(0.5, within(1e-9));
    }
}

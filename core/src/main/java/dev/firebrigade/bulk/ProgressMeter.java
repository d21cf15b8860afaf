package dev.firebrigade.bulk;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Turns counters into {@link BulkProgress}. The rate is the slower of the last {@value #SHORT_SECONDS} s and the last
 * {@value #LONG_SECONDS} s, and the ETA is the rest at that rate: a burst (the rate limiter's bucket spending itself at
 * the start, or skipped rows flashing by on a resume) must not promise an early end once the pace drops, and the
 * short window notices the drop within seconds. Every display shows this one ETA.
 */
final class ProgressMeter {
    static final int SHORT_SECONDS = 2;
    static final int LONG_SECONDS = 10;
    private static final long SHORT_NANOS = Duration.ofSeconds(SHORT_SECONDS).toNanos();
    private static final long LONG_NANOS = Duration.ofSeconds(LONG_SECONDS).toNanos();

    private record Sample(long nanos, long done) {
    }

    private final long startNanos;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    ProgressMeter(long startNanos) {
        this.startNanos = startNanos;
        samples.add(new Sample(startNanos, 0));
    }

    BulkProgress snapshot(long now, long total, long created, long failed, long unknown, long skipped, long valid) {
        long done = created + failed + unknown + skipped + valid;
        while (samples.size() > 1 && now - samples.peekFirst().nanos() > LONG_NANOS) {
            samples.removeFirst();
        }
        Sample recent = samples.peekFirst();
        for (var it = samples.descendingIterator(); it.hasNext(); ) {
            Sample s = it.next();
            if (now - s.nanos() >= SHORT_NANOS) {
                recent = s;
                break;
            }
        }
        double rate = Math.min(rate(samples.peekFirst(), now, done), rate(recent, now, done));
        samples.addLast(new Sample(now, done));
        Duration eta = null;
        if (total >= 0 && done >= total) {
            eta = Duration.ZERO;
        } else if (total >= 0 && rate > 0) {
            eta = Duration.ofMillis((long) ((total - done) / rate * 1000));
        }
        return new BulkProgress(done, total, created, valid, failed, unknown, skipped, rate,
                Duration.ofNanos(now - startNanos), eta);
    }

    private static double rate(Sample since, long now, long done) {
        long span = now - since.nanos();
        return span <= 0 ? 0 : (done - since.done()) * 1e9 / span;
    }
}

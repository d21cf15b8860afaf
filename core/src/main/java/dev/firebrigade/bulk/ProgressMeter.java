package dev.firebrigade.bulk;

import java.time.Duration;
import java.util.ArrayDeque;

/** Turns counters into {@link BulkProgress}: the rate over a sliding window of recent ticks, and the ETA. */
final class ProgressMeter {
    private static final long WINDOW_NANOS = Duration.ofSeconds(10).toNanos();

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
        samples.addLast(new Sample(now, done));
        while (samples.size() > 2 && now - samples.peekFirst().nanos() > WINDOW_NANOS) {
            samples.removeFirst();
        }
        Sample oldest = samples.peekFirst();
        long spanNanos = now - oldest.nanos();
        double rate = spanNanos <= 0 ? 0 : (done - oldest.done()) * 1e9 / spanNanos;
        Duration eta = null;
        if (total >= 0 && rate > 0) {
            eta = Duration.ofMillis((long) (Math.max(0, total - done) / rate * 1000));
        } else if (total >= 0 && done >= total) {
            eta = Duration.ZERO;
        }
        return new BulkProgress(done, total, created, valid, failed, unknown, skipped, rate,
                Duration.ofNanos(now - startNanos), eta);
    }
}

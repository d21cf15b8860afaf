package dev.firebrigade.internal.transport;

import dev.firebrigade.ApiRequest;
import dev.firebrigade.IncidentIoOptions;
import dev.firebrigade.RateLimitPolicy;
import dev.firebrigade.RetryPolicy;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.TimeoutException;
import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One periodic check times out every exchange in flight, and nothing stays watched once the exchanges are over. */
class TimeoutWatchTest {
    private static Vertx vertx;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        sandbox = Sandbox.start(vertx, new SandboxOptions().setRateLimitEnabled(false)).await();
    }

    @AfterAll
    static void stop() {
        sandbox.close().await();
        vertx.close().await();
    }

    /** An entry that expires at a given moment and records when it was told so. */
    private static final class Entry extends TimeoutWatch.Watched {
        final long expiresAt;
        final List<Long> expired = new CopyOnWriteArrayList<>();

        Entry(Duration in) {
            this.expiresAt = System.nanoTime() + in.toNanos();
        }

        @Override
        boolean expiredAt(long now) {
            return now - expiresAt >= 0;
        }

        @Override
        void expire(long now) {
            expired.add(now);
        }
    }

    @Test
    void expiresEachEntryOnceWithinAPeriodOfItsDeadlineAndLeavesTheOthers() throws InterruptedException {
        var watch = new TimeoutWatch(vertx, 100); // a 10 ms period
        var soon = new Entry(Duration.ofMillis(50));
        var later = new Entry(Duration.ofSeconds(30));
        var removed = new Entry(Duration.ofMillis(20));
        watch.add(soon);
        watch.add(later);
        watch.add(removed);
        watch.remove(removed);

        TimeUnit.MILLISECONDS.sleep(300);

        assertThat(soon.expired).hasSize(1);
        assertThat(Duration.ofNanos(soon.expired.get(0) - soon.expiresAt)).isLessThan(Duration.ofMillis(200));
        assertThat(later.expired).isEmpty();
        assertThat(removed.expired).isEmpty();
        assertThat(watch.size()).isEqualTo(1);
        watch.remove(later);
        watch.remove(later);
        assertThat(watch.size()).isZero();
    }

    @Test
    void nothingStaysWatchedAfterAnswersFailuresAndTimeouts() throws InterruptedException {
        var transport = new Transport(vertx, new IncidentIoOptions().setBaseUrl(sandbox.baseUrl())
                .setApiKey(dev.firebrigade.ApiKey.of(sandbox.apiKey())).setRetryPolicy(RetryPolicy.none())
                .setRateLimit(RateLimitPolicy.none()).setRequestTimeout(Duration.ofMillis(300)));
        sandbox.faults().on("GET", "/v2/actions/slow").latency(Duration.ofSeconds(2));
        try {
            var calls = new ArrayList<Future<?>>();
            for (int i = 0; i < 300; i++) {
                String id = switch (i % 3) {
                    case 0 -> "01FCNDV6P870EA6S7TK1DSYDG1"; // the demo action: 200
                    case 1 -> "missing";                    // 404
                    default -> "slow";                      // times out after 300 ms
                };
                calls.add(transport.send(ApiRequest.of(HttpMethod.GET, "/v2/actions/{id}", id), Void.class));
            }
            Future.join(calls).otherwiseEmpty().await();

            assertThat(calls).filteredOn(Future::succeeded).hasSize(100);
            assertThat(calls).filteredOn(call -> call.cause() instanceof TimeoutException).hasSize(100);
            assertThat(calls).filteredOn(call -> call.cause() instanceof IncidentIoException failure
                    && failure.status() == 404).hasSize(100);
            // A result completes just before its exchange leaves the watch.
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (transport.exchangesWatched() > 0 && System.nanoTime() < giveUp) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            assertThat(transport.exchangesWatched()).isZero();
        } finally {
            transport.close().await();
        }
    }
}

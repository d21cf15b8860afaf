package dev.firebrigade;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-client cache of resolved references: shared lookups, expiry, bound, and no cached failures. */
class ResolutionCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger lookups = new AtomicInteger();
    private final Function<String, Future<String>> lookup = key -> {
        lookups.incrementAndGet();
        return Future.succeededFuture("id-of-" + key);
    };

    @Test
    void concurrentLookupsOfOneKeyShareOneRequest() {
        var cache = new ResolutionCache<String>(10, Duration.ofMinutes(1), now::get);
        Promise<String> pending = Promise.promise();

        Future<String> first = cache.get("INC-1", key -> {
            lookups.incrementAndGet();
            return pending.future();
        });
        Future<String> second = cache.get("INC-1", lookup);
        pending.complete("01ABC");

        assertThat(lookups).hasValue(1);
        assertThat(first.result()).isEqualTo("01ABC");
        assertThat(second.result()).isEqualTo("01ABC");
    }

    @Test
    void answersExpireAfterTheTtl() {
        var cache = new ResolutionCache<String>(10, Duration.ofSeconds(60), now::get);

        cache.get("a", lookup);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        cache.get("a", lookup);
        assertThat(lookups).hasValue(1);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.get("a", lookup);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void theLeastRecentlyUsedAnswerGoesFirstWhenFull() {
        var cache = new ResolutionCache<String>(2, Duration.ofMinutes(1), now::get);

        cache.get("a", lookup);
        cache.get("b", lookup);
        cache.get("a", lookup);
        cache.get("c", lookup);

        assertThat(cache.size()).isEqualTo(2);
        cache.get("a", lookup);
        assertThat(lookups).as("a was kept").hasValue(3);
        cache.get("b", lookup);
        assertThat(lookups).as("b was evicted").hasValue(4);
    }

    @Test
    void failuresAreNotKept() {
        var cache = new ResolutionCache<String>(10, Duration.ofMinutes(1), now::get);
        Function<String, Future<String>> failing = key -> {
            lookups.incrementAndGet();
            return Future.failedFuture(new IllegalStateException("down"));
        };

        assertThat(cache.get("a", failing).failed()).isTrue();
        assertThat(cache.get("a", failing).failed()).isTrue();
        assertThat(lookups).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aLookupThatThrowsFailsTheFuture() {
        var cache = new ResolutionCache<String>(10, Duration.ofMinutes(1), now::get);

        Future<String> result = cache.get("a", key -> {
            throw new IllegalArgumentException("bad");
        });

        assertThat(result.cause()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizeZeroKeepsNothingButStillSharesInFlightLookups() {
        var cache = new ResolutionCache<String>(0, Duration.ofMinutes(1), now::get);
        Promise<String> pending = Promise.promise();

        cache.get("a", key -> {
            lookups.incrementAndGet();
            return pending.future();
        });
        cache.get("a", lookup);
        pending.complete("x");
        cache.get("a", lookup);

        assertThat(lookups).hasValue(2);
        assertThat(cache.size()).isZero();
    }
}

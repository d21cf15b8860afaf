package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry and rate-limit policies: sensible defaults, immutable, validated, and carried by the options. */
class PoliciesTest {

    @Test
    void theDefaultRetryPolicyIsSensible() {
        RetryPolicy policy = RetryPolicy.defaults();

        assertThat(policy.maxAttempts()).isEqualTo(4);
        assertThat(policy.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.retryStatuses()).containsExactly(500, 502, 503, 504);
        assertThat(policy.createAttempts()).isEqualTo(3);
        assertThat(policy.reconciles()).isTrue();
        assertThat(new IncidentIoOptions().getRetryPolicy()).isSameAs(policy);
    }

    @Test
    void noneTriesOnceAndNeverReconciles() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.none().createAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.none().reconciles()).isFalse();
    }

    @Test
    void policiesAreImmutable() {
        RetryPolicy base = RetryPolicy.defaults();
        RetryPolicy changed = base.withMaxAttempts(9).withJitter(0).withCreateAttempts(5);

        assertThat(base.maxAttempts()).isEqualTo(4);
        assertThat(changed.maxAttempts()).isEqualTo(9);
        assertThat(changed.createAttempts()).isEqualTo(5);
        assertThat(RateLimitPolicy.incidentIo().withSlowDownBelow(0.5).slowDownBelow()).isEqualTo(0.5);
        assertThat(RateLimitPolicy.incidentIo().slowDownBelow()).isEqualTo(0.1);
    }

    @Test
    void backoffGrowsExponentiallyUpToItsCapWithJitterBelowIt() {
        RetryPolicy exact = RetryPolicy.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(1000)).withJitter(0);

        assertThat(exact.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(exact.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(exact.backoff(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(exact.backoff(5)).isEqualTo(Duration.ofMillis(1000));
        assertThat(exact.backoff(60)).isEqualTo(Duration.ofMillis(1000));

        RetryPolicy jittered = exact.withJitter(0.5);
        for (int i = 0; i < 200; i++) {
            assertThat(jittered.backoff(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        }
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> jittered.backoff(3)).distinct().count())
                .as("jitter spreads the waits").isGreaterThan(10);
    }

    @Test
    void nonsenseIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> RetryPolicy.defaults().withJitter(1.5)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetryPolicy.defaults().withRetryStatuses(429)).hasMessageContaining("retryStatuses");
        assertThatThrownBy(() -> RetryPolicy.defaults().withReconcileDelay(Duration.ofSeconds(-1)))
                .hasMessageContaining("reconcileDelay");
        assertThatThrownBy(() -> RateLimitPolicy.of(0, 20)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> RateLimitPolicy.of(10, 0)).hasMessageContaining("refillPerSecond");
        assertThatThrownBy(() -> new IncidentIoOptions().setMaxInFlight(0)).hasMessageContaining("maxInFlight");
        assertThatThrownBy(() -> new IncidentIoOptions().setMaxResponseBytes(0)).hasMessageContaining("maxResponseBytes");
        assertThatThrownBy(() -> new IncidentIoOptions().setCallTimeout(Duration.ZERO)).hasMessageContaining("callTimeout");
    }

    @Test
    void theRateLimitMatchesIncidentIoByDefaultAndCanBeSwitchedOff() {
        RateLimitPolicy limit = new IncidentIoOptions().getRateLimit();

        assertThat(limit.enabled()).isTrue();
        assertThat(limit.capacity()).isEqualTo(1200);
        assertThat(limit.refillPerSecond()).isEqualTo(20.0);
        assertThat(RateLimitPolicy.none().enabled()).isFalse();
    }

    @Test
    void optionsCopyTheNewFields() {
        var original = new IncidentIoOptions().setRetryPolicy(RetryPolicy.none()).setRateLimit(RateLimitPolicy.none())
                .setMaxInFlight(7).setMaxResponseBytes(1234).setCallTimeout(Duration.ofSeconds(9));
        var copy = new IncidentIoOptions(original);

        assertThat(copy.getRetryPolicy()).isSameAs(RetryPolicy.none());
        assertThat(copy.getRateLimit()).isSameAs(RateLimitPolicy.none());
        assertThat(copy.getMaxInFlight()).isEqualTo(7);
        assertThat(copy.getMaxResponseBytes()).isEqualTo(1234);
        assertThat(copy.getCallTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(copy.toString()).contains("callTimeout=PT9S", "maxInFlight=7", "RateLimitPolicy[none]");
    }
}

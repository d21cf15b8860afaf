package dev.firebrigade.internal.transport;

import dev.firebrigade.ApiRequest;
import dev.firebrigade.RetryPolicy;
import dev.firebrigade.error.ConnectionException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.RateLimitException;
import dev.firebrigade.error.RedirectException;
import dev.firebrigade.error.ResponseTooLargeException;
import io.vertx.core.http.HttpMethod;

import javax.net.ssl.SSLException;
import java.time.Duration;
import java.util.Set;

/**
 * Whether a failed attempt is sent again, and after how long: what was provably not processed (429, a connection
 * never written) may always go again; what may have been processed only when repeating it is harmless (idempotent
 * methods, or a POST carrying an idempotency key). A create whose outcome is unknown is the create engine's to settle, never retried here.
 */
final class RetryDecision {
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.OPTIONS);

    private final RetryPolicy policy;

    RetryDecision(RetryPolicy policy) {
        this.policy = policy;
    }

    /** How long to wait before attempt {@code attempt + 1} of {@code request}, or null when {@code failure} is final. */
    Duration delay(ApiRequest request, int attempt, IncidentIoException failure) {
        if (attempt >= policy.maxAttempts()) {
            return null;
        }
        if (failure instanceof RateLimitException limited) {
            Duration asked = limited.retryAfter();
            if (asked == null) {
                return policy.backoff(attempt);
            }
            // Plus a backoff: every client told "1 second" at once would otherwise come back in the same instant.
            return asked.compareTo(policy.maxRetryAfter()) <= 0 ? asked.plus(policy.backoff(attempt)) : null;
        }
        if (failure instanceof ConnectionException lost) {
            if (lost.getCause() instanceof SSLException) {
                return null;
            }
            // Never written: nothing reached incident.io, so even a create may go again.
            if (!lost.requestWritten() || repeatable(request)) {
                return policy.backoff(attempt);
            }
            return null;
        }
        boolean transientServerError = policy.retryStatuses().contains(failure.status())
                && !(failure instanceof ResponseTooLargeException) && !(failure instanceof RedirectException);
        return transientServerError && repeatable(request) ? policy.backoff(attempt) : null;
    }

    /** Whether sending {@code request} twice has the effect of sending it once: by its method, or by its key. */
    private static boolean repeatable(ApiRequest request) {
        return IDEMPOTENT.contains(request.method()) || request.keyed();
    }
}

package dev.firebrigade.sandbox;

import java.time.Instant;

/**
 * One attempt to deliver one webhook message to one endpoint.
 *
 * @param attempt 1 for the first try, then one more per retry
 * @param status  the endpoint's HTTP status, or 0 when none came (refused connection, timeout)
 * @param error   why no status came, or null
 * @param last    true when no further attempt follows (delivered, or given up)
 */
public record WebhookAttempt(String endpointId, String messageId, String eventType, int attempt, int status,
        String error, boolean last, Instant at) {

    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}

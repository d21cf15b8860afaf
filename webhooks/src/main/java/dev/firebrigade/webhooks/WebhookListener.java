package dev.firebrigade.webhooks;

import io.vertx.core.Future;

/**
 * Your code for verified events. The delivery is answered 2xx only when the returned future succeeds; a failed
 * future (or an exception) answers 500, and Svix delivers the event again later. Never block: return a future.
 */
@FunctionalInterface
public interface WebhookListener {
    Future<?> onEvent(WebhookEvent event);
}

package dev.firebrigade.webhooks;

/**
 * Where a Vert.x application starts receiving incident.io webhooks:
 *
 * <pre>{@code
 * router.post("/incident-io/webhooks").handler(IncidentIoWebhooks.handler(secret, event -> {
 *     if (event instanceof ActionEvent created && created.change() == WebhookEvent.Change.CREATED) {
 *         return notifyOnCall(created.action());            // a Future: 2xx only once it succeeds
 *     }
 *     return Future.succeededFuture();
 * }));
 * }</pre>
 *
 * Mount the handler first on its route (it reads the body itself, bounded) or after a {@code BodyHandler}.
 */
public final class IncidentIoWebhooks {
    private IncidentIoWebhooks() {
    }

    /** A handler checking deliveries against one signing secret ({@code whsec_…}) with the default options. */
    public static WebhookHandler handler(String secret, WebhookListener listener) {
        return handler(new WebhookOptions().addSecret(secret), listener);
    }

    /** A handler with your options: several secrets while rotating, tolerance, body limit, replay memory. */
    public static WebhookHandler handler(WebhookOptions options, WebhookListener listener) {
        return new WebhookHandler(options, listener);
    }
}

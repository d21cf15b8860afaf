package dev.firebrigade.sandbox;

/**
 * Where the sandbox delivers webhooks, and the signing secret ({@code whsec_…}) it signs them with, as an endpoint
 * under incident.io's Settings > Webhooks. {@code toString} leaves the secret out.
 */
public record WebhookEndpoint(String id, String url, String secret) {
    @Override
    public String toString() {
        return "WebhookEndpoint{" + id + " " + url + "}";
    }
}

package dev.firebrigade.webhooks;

import dev.firebrigade.webhooks.WebhookRejectedException.Reason;
import io.vertx.core.MultiMap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Checks one delivery exactly as incident.io signs it through Svix: {@code webhook-id}, {@code webhook-timestamp}
 * (unix seconds, within the tolerance either way) and {@code webhook-signature} (space-separated {@code v1,<base64>}
 * entries, any of which may match any configured secret, so both sides can rotate), an HMAC-SHA256 over
 * {@code id.timestamp.body} compared in constant time. Stateless and thread-safe; replays are refused by the handler,
 * which remembers IDs ({@link IncidentIoWebhooks}).
 */
public final class WebhookVerifier {
    private static final String V1 = "v1,";

    private final List<WebhookSecret> secrets;
    private final long toleranceSeconds;
    private final Clock clock;

    private WebhookVerifier(WebhookOptions options) {
        if (options.getSecrets().isEmpty()) {
            throw new dev.firebrigade.error.InvalidInputException("secret", "is missing",
                    "call addSecret(\"whsec_…\") with the endpoint's signing secret from incident.io");
        }
        this.secrets = options.getSecrets();
        this.toleranceSeconds = options.getTolerance().toSeconds();
        this.clock = options.getClock();
    }

    public static WebhookVerifier create(WebhookOptions options) {
        return new WebhookVerifier(new WebhookOptions(options));
    }

    /** A verifier for one secret ({@code whsec_…}) with the default tolerance. */
    public static WebhookVerifier create(String secret) {
        return create(new WebhookOptions().addSecret(secret));
    }

    /**
     * Verifies a delivery by its headers ({@code webhook-*}, or the {@code svix-*} names Svix also uses) and raw body,
     * and decodes the event.
     *
     * @throws WebhookRejectedException when it is not a genuine, timely delivery
     */
    public WebhookEvent verify(MultiMap headers, byte[] body) {
        return verify(header(headers, "id"), header(headers, "timestamp"), header(headers, "signature"), body);
    }

    /**
     * Verifies a delivery given its three header values and its raw body (exactly as received: re-encoded JSON does
     * not match), and decodes the event.
     *
     * @throws WebhookRejectedException when it is not a genuine, timely delivery
     */
    public WebhookEvent verify(String id, String timestamp, String signatures, byte[] body) {
        Instant sentAt = check(id, timestamp, signatures, body);
        return EventDecoder.decode(id, sentAt, body);
    }

    /** The signature and timestamp check alone; returns when the delivery was signed. */
    Instant check(String id, String timestamp, String signatures, byte[] body) {
        if (isBlank(id) || isBlank(timestamp) || isBlank(signatures)) {
            throw new WebhookRejectedException(Reason.MISSING_HEADERS, isBlank(id) ? null : id);
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new WebhookRejectedException(Reason.BAD_TIMESTAMP, id);
        }
        long now = clock.instant().getEpochSecond();
        if (seconds < now - toleranceSeconds) {
            throw new WebhookRejectedException(Reason.TIMESTAMP_TOO_OLD, id);
        }
        if (seconds > now + toleranceSeconds) {
            throw new WebhookRejectedException(Reason.TIMESTAMP_IN_FUTURE, id);
        }
        if (!signedByAnySecret(id, timestamp.strip(), signatures, body)) {
            throw new WebhookRejectedException(Reason.NO_VALID_SIGNATURE, id);
        }
        return Instant.ofEpochSecond(seconds);
    }

    private boolean signedByAnySecret(String id, String timestamp, String signatures, byte[] body) {
        boolean matched = false;
        for (WebhookSecret secret : secrets) {
            byte[] expected = Base64.getEncoder().encode(secret.mac(id, timestamp, body));
            for (String entry : signatures.split(" ")) {
                if (entry.startsWith(V1)) {
                    byte[] given = entry.substring(V1.length()).getBytes(StandardCharsets.US_ASCII);
                    // Every entry is compared, in constant time, so timing tells nothing about which one was close.
                    matched |= MessageDigest.isEqual(expected, given);
                }
            }
        }
        return matched;
    }

    /** A {@code webhook-…} header, or its {@code svix-…} twin. */
    static String header(MultiMap headers, String name) {
        String value = headers.get("webhook-" + name);
        return value != null ? value : headers.get("svix-" + name);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

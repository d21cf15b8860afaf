package dev.firebrigade.webhooks;

import dev.firebrigade.error.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An endpoint's signing secret, as incident.io shows it under Settings > Webhooks ({@code whsec_} and base64): the
 * HMAC-SHA256 key is the base64-decoded part, as Svix documents. {@code toString} never shows it.
 */
public final class WebhookSecret {
    static final String PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DOT = {'.'};

    private final SecretKeySpec key;
    // Mac.getInstance looks the provider up each time; one Mac per thread keeps verification allocation-light.
    private final ThreadLocal<Mac> macs;

    private WebhookSecret(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * Parses {@code whsec_<base64>}; the prefix may be left out, as Svix's libraries allow.
     *
     * @throws InvalidInputException when the secret is empty or not base64
     */
    public static WebhookSecret parse(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new InvalidInputException("secret", "is empty",
                    "copy the endpoint's signing secret (whsec_…) from incident.io's Settings > Webhooks");
        }
        String encoded = secret.strip();
        if (encoded.startsWith(PREFIX)) {
            encoded = encoded.substring(PREFIX.length());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("secret", "is not a signing secret (whsec_ followed by base64)",
                    "copy the whole signing secret from incident.io's Settings > Webhooks");
        }
        if (key.length == 0) {
            throw new InvalidInputException("secret", "has no key after whsec_",
                    "copy the whole signing secret from incident.io's Settings > Webhooks");
        }
        return new WebhookSecret(key);
    }

    /**
     * The {@code webhook-signature} entry incident.io would send for this message: {@code v1,} and the base64
     * HMAC-SHA256 of {@code id.timestamp.body}. For tests and tools that play incident.io.
     */
    public String sign(String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(id, Long.toString(timestamp), body));
    }

    /** The raw HMAC of {@code id.timestamp.body}, computed without concatenating the three. */
    byte[] mac(String id, String timestamp, byte[] body) {
        Mac mac = macs.get();
        mac.update(id.getBytes(StandardCharsets.UTF_8));
        mac.update(DOT);
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update(DOT);
        mac.update(body);
        return mac.doFinal();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute " + ALGORITHM, e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSecret{whsec_…}";
    }
}

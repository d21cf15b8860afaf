package dev.firebrigade.sandbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Generates 26-character ULID-like identifiers (Crockford base32), monotonic within one generator so that
 * sorting IDs as strings gives creation order: v3 list pagination ("ordered by action ID, oldest first") and
 * our cursors rely on that.
 */
final class Ulid {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final long MAX_TIMESTAMP = (1L << 48) - 1;

    private final Random random;
    private long lastMillis = -1;
    private long randomHigh16;
    private long randomLow64;

    Ulid(Random random) {
        this.random = random;
    }

    /** The next identifier for a moment; never smaller than the previous one, even if the clock goes back. */
    synchronized String next(long epochMillis) {
        if (epochMillis < 0 || epochMillis > MAX_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp out of ULID range: " + epochMillis);
        }
        if (epochMillis > lastMillis) {
            lastMillis = epochMillis;
            randomHigh16 = random.nextInt(1 << 16);
            randomLow64 = random.nextLong();
        } else {
            // Same millisecond (or a clock step back): increment the 80-bit random part to stay monotonic.
            randomLow64++;
            if (randomLow64 == 0) {
                randomHigh16 = (randomHigh16 + 1) & 0xFFFF;
                if (randomHigh16 == 0) {
                    lastMillis++;
                    randomHigh16 = random.nextInt(1 << 16);
                    randomLow64 = random.nextLong();
                }
            }
        }
        return encode(lastMillis, randomHigh16, randomLow64);
    }

    static String encode(long millis, long high16, long low64) {
        var chars = new char[26];
        long time = millis;
        for (int i = 9; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (time & 31));
            time >>>= 5;
        }
        long high = high16;
        long low = low64;
        for (int i = 25; i >= 10; i--) {
            chars[i] = ALPHABET.charAt((int) (low & 31));
            low = (low >>> 5) | ((high & 31) << 59);
            high >>>= 5;
        }
        return new String(chars);
    }

    /**
     * A stable ULID-shaped ID derived from a secret (an API key) without revealing it, so the same key gets the
     * same {@code creator.api_key.id} across restarts.
     */
    static String stableIdFor(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            var id = new StringBuilder("01");
            for (int i = 0; i < 24; i++) {
                id.append(ALPHABET.charAt(digest[i] & 31));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}

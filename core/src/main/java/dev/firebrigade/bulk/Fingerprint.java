package dev.firebrigade.bulk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 based hashes: a row's content hash (part of its key) and the 64-bit fingerprints the key sets hold. */
final class Fingerprint {
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private Fingerprint() {
    }

    /**
     * The first 64 bits of SHA-256 of {@code text}. Two of a million distinct keys share one with a probability of
     * about 3 in 100 million, the one risk of keeping fingerprints rather than keys.
     */
    static long of(String text) {
        byte[] digest = digest(text);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return value;
    }

    /** 16 hex digits of SHA-256 over the fields, each length-prefixed so that no two field lists collide by shifting. */
    static String contentHash(String... fields) {
        var text = new StringBuilder();
        for (String field : fields) {
            if (field == null) {
                text.append("-1:");
            } else {
                text.append(field.length()).append(':').append(field);
            }
        }
        return HexFormat.of().formatHex(digest(text.toString()), 0, 8);
    }

    private static byte[] digest(String text) {
        MessageDigest sha = SHA_256.get();
        sha.reset();
        return sha.digest(text.getBytes(StandardCharsets.UTF_8));
    }
}

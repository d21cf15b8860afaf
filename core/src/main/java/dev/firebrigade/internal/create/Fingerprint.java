package dev.firebrigade.internal.create;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A row's content hash (SHA-256, part of its key, so stable across versions) and the in-memory sets' fingerprints. */
public final class Fingerprint {
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
     * A 64-bit hash of {@code text}, for the in-memory sets only (never written down, so it may change between
     * versions): a polynomial over the characters, finished with MurmurHash3's 64-bit mix. For keys and IDs (not
     * crafted to collide) two of a million share a fingerprint with a probability of about 3 in 100 million, the
     * one risk of keeping fingerprints rather than keys.
     */
    public static long of(String text) {
        long h = 0x9E3779B97F4A7C15L ^ text.length();
        for (int i = 0; i < text.length(); i++) {
            h = (h + text.charAt(i)) * 0xBF58476D1CE4E5B9L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** 16 hex digits of SHA-256 over the fields, each length-prefixed so that no two field lists collide by shifting. */
    public static String contentHash(String... fields) {
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

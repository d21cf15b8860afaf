package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;

/**
 * An incident.io API key. Its {@code toString} is redacted, so the secret cannot leak through logs, exceptions or
 * the REPL; only {@link #reveal()} gives it out, and only the transport calls it.
 */
public final class ApiKey {
    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    /**
     * Wraps a key as shown in incident.io's dashboard (Settings → API keys).
     *
     * @throws InvalidInputException when blank or containing whitespace, control characters (which would let the
     *                               key break out of its HTTP header) or anything but ASCII
     */
    public static ApiKey of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new InvalidInputException("api_key", "is missing",
                    "set INCIDENT_IO_API_KEY or pass the key from Settings → API keys");
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c > 0x7E) {
                throw new InvalidInputException("api_key", "contains whitespace, a control or a non-ASCII character",
                        "copy the key again without spaces or line breaks");
            }
        }
        return new ApiKey(secret);
    }

    /** The secret itself. Only for the Authorization header; never print it. */
    public String reveal() {
        return secret;
    }

    /** The key as it may be shown: its last four characters for keys long enough to keep the rest secret. */
    public String redacted() {
        return secret.length() >= 16 ? "****" + secret.substring(secret.length() - 4) : "****";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[" + redacted() + "]";
    }
}

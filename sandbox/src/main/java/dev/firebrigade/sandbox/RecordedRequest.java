package dev.firebrigade.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * One request as the sandbox received it, for tests to assert on. The {@code Authorization} header is redacted
 * to {@code Bearer ****} plus at most the key's last four characters; {@code query} and {@code body} are empty
 * strings when absent; header names are case-insensitive.
 */
public record RecordedRequest(
        String method, String path, String query, Map<String, String> headers, String body, Instant receivedAt) {

    /** The value of a header, ignoring case; null when absent. */
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query)
                + (body.isEmpty() ? "" : " " + (body.length() > 80 ? body.substring(0, 77) + "..." : body));
    }
}

package dev.firebrigade;

import java.util.Map;

/**
 * What a request would look like on the wire, for {@code dryRun()}: the API key is shown redacted.
 *
 * @param body the JSON body, or null when the request has none
 */
public record RequestPreview(String method, String url, Map<String, String> headers, String body) {

    public RequestPreview {
        headers = Map.copyOf(headers);
    }

    /** The request as an HTTP message, headers sorted. */
    @Override
    public String toString() {
        var out = new StringBuilder(method).append(' ').append(url).append('\n');
        headers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(h -> out.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        if (body != null) {
            out.append('\n').append(body);
        }
        return out.toString();
    }
}

package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.internal.transport.UriEncoding;
import io.vertx.core.http.HttpMethod;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable description of one call to incident.io: method, path, query and JSON body. Resources build it, the
 * client's transport sends it, {@code dryRun()} shows it.
 *
 * @param path  already expanded and encoded, e.g. {@code /v2/actions/01FCNDV6P870EA6S7TK1DSYDG0}
 * @param query in order; repeated names allowed
 * @param body  a value Jackson serialises, or null for no body
 * @param keyed whether the body carries an idempotency key incident.io de-duplicates by (an incident create), so
 *              the client may send it again after an unknown outcome as it would a PUT
 */
public record ApiRequest(HttpMethod method, String path, List<QueryParam> query, Object body, boolean keyed) {

    public ApiRequest {
        query = List.copyOf(query);
    }

    /** A request without an idempotency key. */
    public ApiRequest(HttpMethod method, String path, List<QueryParam> query, Object body) {
        this(method, path, query, body, false);
    }

    /**
     * Starts a request, filling {@code {name}} placeholders of {@code template} in order with encoded {@code values}.
     *
     * @throws InvalidInputException when a value is null, blank or a dot-segment
     */
    public static ApiRequest of(HttpMethod method, String template, String... values) {
        var path = new StringBuilder(template.length() + 32);
        int from = 0;
        for (String value : values) {
            int open = template.indexOf('{', from);
            int close = template.indexOf('}', open);
            String name = template.substring(open + 1, close);
            path.append(template, from, open).append(UriEncoding.encode(checkedSegment(name, value)));
            from = close + 1;
        }
        path.append(template, from, template.length());
        return new ApiRequest(method, path.toString(), List.of(), null);
    }

    private static String checkedSegment(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name, "is missing", "pass the " + name + " of an existing resource");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new InvalidInputException(name, "is not an ID", "pass the " + name + " of an existing resource");
        }
        return value;
    }

    /** This request with one more query parameter; a null value adds nothing. */
    public ApiRequest withQuery(String name, String value) {
        if (value == null) {
            return this;
        }
        var more = new ArrayList<QueryParam>(query.size() + 1);
        more.addAll(query);
        more.add(new QueryParam(name, value));
        return new ApiRequest(method, path, more, body, keyed);
    }

    /** This request with {@code body} as its JSON body. */
    public ApiRequest withBody(Object body) {
        return new ApiRequest(method, path, query, body, keyed);
    }

    /**
     * This request with {@code body}, which carries an idempotency key: a repeat returns the first result instead of
     * creating again, so a repeat after a lost answer is safe.
     */
    public ApiRequest withKeyedBody(Object body) {
        return new ApiRequest(method, path, query, body, true);
    }

    /** The encoded path followed by the encoded query string, as sent on the request line. */
    public String uri() {
        if (query.isEmpty()) {
            return path;
        }
        var out = new StringBuilder(path).append('?');
        for (int i = 0; i < query.size(); i++) {
            QueryParam p = query.get(i);
            if (i > 0) {
                out.append('&');
            }
            out.append(UriEncoding.encode(p.name())).append('=').append(UriEncoding.encode(p.value()));
        }
        return out.toString();
    }
}

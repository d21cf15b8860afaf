package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.internal.transport.UriEncoding;
import io.vertx.core.http.HttpMethod;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable description of one call to incident.io: method, path, query and JSON body. Resources build it, the
 * {@link dev.firebrigade.internal.transport.Transport} sends it, {@code dryRun()} shows it.
 *
 * @param path  already expanded and encoded, e.g. {@code /v2/actions/01FCNDV6P870EA6S7TK1DSYDG0}
 * @param query in order; repeated names allowed
 * @param body  a value Jackson serialises, or null for no body
 */
public record ApiRequest(HttpMethod method, String path, List<QueryParam> query, Object body) {

    public ApiRequest {
        query = List.copyOf(query);
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
        return new ApiRequest(method, path, more, body);
    }

    /** This request with {@code body} as its JSON body. */
    public ApiRequest withBody(Object body) {
        return new ApiRequest(method, path, query, body);
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

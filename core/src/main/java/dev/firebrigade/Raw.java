package dev.firebrigade;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.UnexpectedResponseException;
import dev.firebrigade.internal.transport.Json;
import dev.firebrigade.internal.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The escape hatch for endpoints the DSL lacks: {@code raw().get("/v1/severities")},
 * {@code raw().post("/v2/incidents/{id}/actions/edit", json)}. The same transport as the DSL, so the same key,
 * User-Agent, typed errors, timeouts (and retries where the transport applies them). The path is incident.io's path
 * as given, optionally with a query string; it must start with a single {@code /}, so it can only ever reach the
 * configured base URL and the key cannot be sent elsewhere.
 */
public final class Raw {
    private final Transport transport;

    Raw(Transport transport) {
        this.transport = transport;
    }

    /** {@code GET path}; the answer's JSON object. */
    public Future<JsonObject> get(String path) {
        return send(HttpMethod.GET, path, null);
    }

    /** {@code POST path} with {@code body} (none when null); the answer's JSON object, empty when it had no body. */
    public Future<JsonObject> post(String path, JsonObject body) {
        return send(HttpMethod.POST, path, body);
    }

    /** {@code PUT path} with {@code body}; the answer's JSON object. */
    public Future<JsonObject> put(String path, JsonObject body) {
        return send(HttpMethod.PUT, path, body);
    }

    /** {@code DELETE path}; incident.io answers 204 without a body, given here as an empty JSON object. */
    public Future<JsonObject> delete(String path) {
        return send(HttpMethod.DELETE, path, null);
    }

    /** Any method, such as {@code PATCH}; the answer's JSON object, empty when it had no body. */
    public Future<JsonObject> send(HttpMethod method, String path, JsonObject body) {
        return Futures.attempt(() -> {
            ApiRequest request = request(method, path, body);
            return transport.send(request, JsonNode.class)
                    .recover(Raw::emptyAnswer)
                    .compose(node -> object(node, request));
        });
    }

    /** What {@link #send} would send, key redacted; nothing is sent. */
    public RequestPreview dryRun(HttpMethod method, String path, JsonObject body) {
        return transport.preview(request(method, path, body));
    }

    /** A 2xx without a body (204 No Content) is a success with nothing to say, not an unexpected answer. */
    private static Future<JsonNode> emptyAnswer(Throwable failure) {
        return failure instanceof UnexpectedResponseException unexpected && unexpected.status() >= 200
                && unexpected.status() < 300 && unexpected.excerpt().isEmpty()
                ? Future.succeededFuture(null) : Future.failedFuture(failure);
    }

    private static Future<JsonObject> object(JsonNode node, ApiRequest request) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Future.succeededFuture(new JsonObject());
        }
        if (!node.isObject()) {
            return Future.failedFuture(new UnexpectedResponseException(200, "expected a JSON object",
                    node.toString().substring(0, Math.min(160, node.toString().length())),
                    request.method().name(), request.path(), null));
        }
        return Future.succeededFuture(new JsonObject(node.toString()));
    }

    static ApiRequest request(HttpMethod method, String path, JsonObject body) {
        if (method == null) {
            throw new InvalidInputException("method", "is missing", "pass an HttpMethod such as HttpMethod.GET");
        }
        Checks.present(path, "path", "pass an incident.io path such as \"/v2/incidents\"");
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
            throw new InvalidInputException("path", "must be a path on incident.io starting with one /, not a URL",
                    "pass e.g. \"/v1/severities\"; the base URL comes from IncidentIoOptions");
        }
        int question = path.indexOf('?');
        String pathOnly = question < 0 ? path : path.substring(0, question);
        if (pathOnly.contains("://")) {
            throw new InvalidInputException("path", "contains a URL", "pass only the path, e.g. \"/v1/severities\"");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '#') {
                throw new InvalidInputException("path", "contains a space, a control character, '#' or non-ASCII",
                        "percent-encode it (IDs from incident.io never need it)");
            }
        }
        ApiRequest request = new ApiRequest(method, pathOnly, question < 0 ? List.of() : query(path.substring(question + 1)),
                null);
        return body == null ? request : request.withBody(tree(body));
    }

    private static List<QueryParam> query(String query) {
        var params = new ArrayList<QueryParam>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                params.add(new QueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)),
                        eq < 0 ? "" : decode(pair.substring(eq + 1))));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("path", "has a malformed query string (" + e.getMessage() + ")",
                        "percent-encode reserved characters in the query");
            }
        }
        return params;
    }

    private static String decode(String component) {
        return URLDecoder.decode(component, StandardCharsets.UTF_8);
    }

    /** Vert.x's JSON as a Jackson tree, which the transport's mapper writes as is (explicit nulls included). */
    private static JsonNode tree(JsonObject body) {
        try {
            return Json.mapper().readTree(body.encode());
        } catch (IOException e) {
            throw new InvalidInputException("body", "is not JSON (" + e.getMessage() + ")", "pass a JsonObject");
        }
    }

    @Override
    public String toString() {
        return "Raw";
    }
}

package dev.firebrigade.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Error bodies in the documented shape {@code {type, status, request_id, errors: [{code, message, source: {field, pointer}}]}}
 * (API-NOTES §3), plus the rate-limit variant with {@code rate_limit}.
 */
final class ErrorBodies {
    /** The {@code type} the newer spec's ErrorResponse enum pairs with each status. */
    private static final Map<Integer, String> TYPES = Map.ofEntries(
            Map.entry(400, "invalid_request_error"),
            Map.entry(401, "authentication_error"),
            Map.entry(403, "resource_forbidden"),
            Map.entry(404, "not_found"),
            Map.entry(405, "method_not_allowed"),
            Map.entry(406, "not_acceptable"),
            Map.entry(408, "request_timeout"),
            Map.entry(409, "conflict"),
            Map.entry(412, "precondition_failed"),
            Map.entry(413, "payload_too_large"),
            Map.entry(422, "validation_error"),
            Map.entry(429, "too_many_requests"));

    static final String TOO_MANY_REQUESTS_MESSAGE =
            "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.";

    private ErrorBodies() {}

    /** The error type for a status; every 5xx is {@code api_error}, as the spec's enum has no gateway types. */
    static String typeFor(int status) {
        return TYPES.getOrDefault(status, status >= 500 ? "api_error" : "invalid_request_error");
    }

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    /** One error; a {@code field} becomes a {@code source} with the field and its JSON pointer, as ErrorSource requires. */
    static JsonObject error(String code, String message, String field) {
        var error = new JsonObject().put("code", code).put("message", message);
        if (field != null) {
            error.put("source", new JsonObject().put("field", field).put("pointer", "/" + field.replace('.', '/')));
        }
        return error;
    }

    static JsonObject body(int status, String type, String requestId, JsonArray errors) {
        return new JsonObject()
                .put("type", type)
                .put("status", status)
                .put("request_id", requestId)
                .put("errors", errors);
    }

    /** The body of a 429, with the limit that bound and when the client may retry. */
    static JsonObject tooManyRequests(String requestId, long limit, long remaining, Instant retryAt) {
        return body(429, "too_many_requests", requestId,
                        new JsonArray().add(error("too_many_requests", TOO_MANY_REQUESTS_MESSAGE, null)))
                .put("rate_limit", new JsonObject()
                        // The documented example names the limit "api_key_name"; we repeat it rather than invent another.
                        .put("name", "api_key_name")
                        .put("limit", limit)
                        .put("remaining", remaining)
                        // Whole seconds, rounded up so the instant is never earlier than Retry-After allows.
                        .put("retry_after", ceilToSecond(retryAt).toString()));
    }

    private static Instant ceilToSecond(Instant instant) {
        var floor = instant.truncatedTo(ChronoUnit.SECONDS);
        return floor.equals(instant) ? floor : floor.plusSeconds(1);
    }

    /** A generic body for a status, as injected by faults. */
    static JsonObject forStatus(int status, String requestId) {
        String code;
        String message;
        switch (status) {
            case 500 -> { code = "api_error"; message = "Something went wrong and has been reported internally."; }
            case 502 -> { code = "bad_gateway"; message = "The upstream service returned an invalid response."; }
            case 503 -> { code = "service_unavailable"; message = "The service is temporarily unavailable. Try again later."; }
            case 504 -> { code = "gateway_timeout"; message = "The upstream service did not answer in time."; }
            default -> { code = typeFor(status); message = "The sandbox answered " + status + " as instructed by a fault rule."; }
        }
        return body(status, typeFor(status), requestId, new JsonArray().add(error(code, message, null)));
    }
}

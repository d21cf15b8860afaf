package dev.firebrigade.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An error answer in incident.io's format, thrown by handlers and rendered by {@link Replies}; throwing keeps
 * validation code linear instead of threading "already answered" flags through every handler.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String type;
    final transient List<JsonObject> errors;

    ApiException(int status, String type, List<JsonObject> errors) {
        super(type + " " + status + ": " + errors);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    static ApiException validation(List<JsonObject> errors) {
        return new ApiException(422, "validation_error", errors);
    }

    static ApiException validation(String field, String code, String message) {
        return validation(List.of(ErrorBodies.error(code, message, field)));
    }

    static ApiException required(String field, String message) {
        return validation(field, "is_required", message);
    }

    static ApiException invalidValue(String field, String message) {
        return validation(field, "invalid_value", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", List.of(ErrorBodies.error("not_found", message, null)));
    }

    static ApiException invalidRequest(String code, String message) {
        return new ApiException(400, "invalid_request_error", List.of(ErrorBodies.error(code, message, null)));
    }

    static ApiException authentication(String code, String message) {
        return new ApiException(401, "authentication_error", List.of(ErrorBodies.error(code, message, null)));
    }

    JsonObject body(String requestId) {
        return ErrorBodies.body(status, type, requestId, new JsonArray(List.copyOf(errors)));
    }
}

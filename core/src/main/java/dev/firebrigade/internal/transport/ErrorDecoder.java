package dev.firebrigade.internal.transport;

import dev.firebrigade.error.ApiError;
import dev.firebrigade.error.AuthenticationException;
import dev.firebrigade.error.ConflictException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.error.PermissionException;
import dev.firebrigade.error.RateLimitException;
import dev.firebrigade.error.ServerException;
import dev.firebrigade.error.UnexpectedResponseException;
import dev.firebrigade.error.ValidationException;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** Turns an error answer into the typed exception for its status, whatever its body turned out to be. */
final class ErrorDecoder {
    private static final int EXCERPT_LENGTH = 160;

    private ErrorDecoder() {
    }

    static IncidentIoException decode(int status, String retryAfterHeader, Buffer body, String method, String path) {
        ErrorBody parsed;
        try {
            parsed = body == null || body.length() == 0 ? null : Json.decode(body, ErrorBody.class);
        } catch (IOException notErrorJson) {
            return new UnexpectedResponseException(status, "the error answer is not incident.io's JSON",
                    excerpt(body), method, path, notErrorJson);
        }
        if (parsed == null || parsed.type() == null) {
            return new UnexpectedResponseException(status, "the error answer is not incident.io's JSON",
                    excerpt(body), method, path, null);
        }
        List<ApiError> errors = parsed.errors() == null ? List.of() : parsed.errors().stream()
                .map(e -> new ApiError(e.code(), e.message(), e.source() == null ? null : e.source().field()))
                .toList();
        String summary = errors.isEmpty() ? parsed.type() : errors.get(0).message();
        String type = parsed.type();
        String requestId = parsed.requestId();
        return switch (status) {
            case 401 -> new AuthenticationException(status, type, summary, requestId, errors, method, path);
            case 403 -> new PermissionException(status, type, summary, requestId, errors, method, path);
            case 404 -> new NotFoundException(status, type, summary, requestId, errors, method, path);
            case 409 -> new ConflictException(status, type, summary, requestId, errors, method, path);
            case 422 -> new ValidationException(status, type, summary, requestId, errors, method, path);
            case 429 -> new RateLimitException(status, type, summary, requestId, errors, method, path,
                    RetryAfter.parse(retryAfterHeader, Clock.systemUTC()));
            default -> status >= 500
                    ? new ServerException(status, type, summary, requestId, errors, method, path)
                    : new IncidentIoException(status, type, summary, requestId, errors, method, path, null);
        };
    }

    /** The start of a body as printable text, for messages about answers we could not read. */
    static String excerpt(Buffer body) {
        if (body == null || body.length() == 0) {
            return "";
        }
        String text = body.getString(0, Math.min(body.length(), EXCERPT_LENGTH * 4), StandardCharsets.UTF_8.name());
        String flat = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return flat.length() > EXCERPT_LENGTH ? flat.substring(0, EXCERPT_LENGTH) + "…" : flat;
    }
}

package dev.firebrigade.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The base of every failure the client reports: an answer from incident.io, a broken connection, or bad input
 * caught before sending. It carries what a person needs to act and what support needs to trace it (the request id).
 */
public class IncidentIoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String requestId;
    private final List<ApiError> errors;
    private final String method;
    private final String path;

    /**
     * @param status    HTTP status, or 0 when no response was received
     * @param type      incident.io's error category ({@code validation_error}, …), or our own for local failures
     * @param requestId incident.io's request id, or null when there is none
     * @param method    the request's method, or null when nothing was to be sent
     * @param path      the request's path (never the query string, which may hold personal data)
     */
    public IncidentIoException(int status, String type, String summary, String requestId, List<ApiError> errors,
                               String method, String path, Throwable cause) {
        super(compose(status, type, summary, requestId, errors, method, path), cause);
        this.status = status;
        this.type = type;
        this.requestId = requestId;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.method = method;
        this.path = path;
    }

    private static String compose(int status, String type, String summary, String requestId, List<ApiError> errors,
                                  String method, String path) {
        var out = new StringBuilder();
        if (status > 0) {
            out.append(status).append(' ');
        }
        out.append(type);
        if (method != null) {
            out.append(" on ").append(method).append(' ').append(path);
        }
        out.append(": ").append(summary);
        if (errors != null && !errors.isEmpty()) {
            // The summary is usually the first error's message: say it once.
            out.append(errors.stream().map(e -> summary.equals(e.message()) ? e.withoutMessage() : e.toString())
                    .collect(Collectors.joining("; ", " [", "]")));
        }
        if (requestId != null) {
            out.append(" (request_id ").append(requestId).append(')');
        }
        return out.toString();
    }

    /** HTTP status of the answer, 0 when there was none. */
    public int status() {
        return status;
    }

    /** incident.io's error type, such as {@code validation_error}, or ours for local failures. */
    public String type() {
        return type;
    }

    /** incident.io's request id, quoted when asking their support; null without a response. */
    public String requestId() {
        return requestId;
    }

    /** The individual errors incident.io listed; empty when none. */
    public List<ApiError> errors() {
        return errors;
    }

    /** The method of the failed request, or null. */
    public String method() {
        return method;
    }

    /** The path of the failed request, or null. */
    public String path() {
        return path;
    }

    /**
     * Whether incident.io may have processed the request although this failure is all that came back: a 5xx or a
     * 408 answer. Subclasses that know more say so (a connection lost after the request was written, a 2xx that
     * could not be read, an outcome already found unknown). A create that failed so is looked for, never simply
     * sent again; one that failed otherwise provably was not made.
     */
    public boolean mayHaveBeenProcessed() {
        return status() >= 500 || status() == 408;
    }
}

package dev.firebrigade.error;

import java.time.Duration;
import java.util.List;

/** 429: too many requests; {@link #retryAfter()} says how long incident.io asked us to wait. */
public class RateLimitException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitException(int status, String type, String summary, String requestId, List<ApiError> errors,
                              String method, String path, Duration retryAfter) {
        super(status, type, summary, requestId, errors, method, path, null);
        this.retryAfter = retryAfter;
    }

    /** The wait incident.io asked for, or null when it gave none. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

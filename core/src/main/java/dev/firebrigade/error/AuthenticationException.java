package dev.firebrigade.error;

import java.util.List;

/** 401: the API key is missing, wrong or revoked. */
public class AuthenticationException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(int status, String type, String summary, String requestId, List<ApiError> errors,
            String method, String path) {
        super(status, type, summary, requestId, errors, method, path, null);
    }
}

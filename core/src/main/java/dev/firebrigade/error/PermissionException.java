package dev.firebrigade.error;

import java.util.List;

/** 403: the API key lacks the scope this call needs. */
public class PermissionException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    public PermissionException(int status, String type, String summary, String requestId, List<ApiError> errors,
            String method, String path) {
        super(status, type, summary, requestId, errors, method, path, null);
    }
}

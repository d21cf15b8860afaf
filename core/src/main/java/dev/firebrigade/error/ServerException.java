package dev.firebrigade.error;

import java.util.List;

/** 5xx: incident.io failed; the request may or may not have been processed. */
public class ServerException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    public ServerException(int status, String type, String summary, String requestId, List<ApiError> errors,
            String method, String path) {
        super(status, type, summary, requestId, errors, method, path, null);
    }
}

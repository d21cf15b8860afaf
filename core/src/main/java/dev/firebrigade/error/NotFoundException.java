package dev.firebrigade.error;

import java.util.List;

/** 404: no such resource, or not visible to this key. */
public class NotFoundException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(int status, String type, String summary, String requestId, List<ApiError> errors,
            String method, String path) {
        super(status, type, summary, requestId, errors, method, path, null);
    }
}

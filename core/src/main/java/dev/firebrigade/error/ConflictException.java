package dev.firebrigade.error;

import java.util.List;

/** 409: the resource changed concurrently; fetch it again and retry. */
public class ConflictException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    public ConflictException(int status, String type, String summary, String requestId, List<ApiError> errors,
            String method, String path) {
        super(status, type, summary, requestId, errors, method, path, null);
    }
}

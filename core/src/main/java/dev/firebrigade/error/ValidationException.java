package dev.firebrigade.error;

import java.util.List;
import java.util.Optional;

/** 422: incident.io rejected a field; {@link #errors()} names each field and why. */
public class ValidationException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    public ValidationException(int status, String type, String summary, String requestId, List<ApiError> errors,
                               String method, String path) {
        super(status, type, summary, requestId, errors, method, path, null);
    }

    /** The first error about {@code field}, if incident.io named it. */
    public Optional<ApiError> errorFor(String field) {
        return errors().stream().filter(e -> field.equals(e.field())).findFirst();
    }
}

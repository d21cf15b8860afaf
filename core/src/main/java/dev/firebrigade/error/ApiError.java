package dev.firebrigade.error;

/**
 * One entry of incident.io's {@code errors[]}: a machine-readable code, a message and, for validation
 * errors, the request field at fault.
 *
 * @param field absent unless the error is about one field
 */
public record ApiError(String code, String message, String field) {

    /** The field and code alone, for when the message was already said. */
    String withoutMessage() {
        return (field == null ? "" : field + ": ") + code;
    }

    @Override
    public String toString() {
        return withoutMessage() + (message == null ? "" : " (" + message + ")");
    }
}

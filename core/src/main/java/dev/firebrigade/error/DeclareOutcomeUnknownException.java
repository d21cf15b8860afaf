package dev.firebrigade.error;

/**
 * An incident declare whose fate the client could not learn, even after resending it with the same idempotency key
 * for as long as the call's deadline allowed: the incident may or may not exist. Declaring again with
 * {@link #idempotencyKey()} is safe: incident.io answers a repeated key with the incident it first created.
 */
public class DeclareOutcomeUnknownException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    private final String idempotencyKey;

    public DeclareOutcomeUnknownException(String idempotencyKey, IncidentIoException cause) {
        super(cause.status(), "outcome_unknown", "the declare may have created an incident; declare again with "
                        + "idempotencyKey(\"" + idempotencyKey + "\") to get it, or a new one if it was not created",
                cause.requestId(), null, cause.method(), cause.path(), cause);
        this.idempotencyKey = idempotencyKey;
    }

    /** The key the declare was sent with. */
    public String idempotencyKey() {
        return idempotencyKey;
    }
}

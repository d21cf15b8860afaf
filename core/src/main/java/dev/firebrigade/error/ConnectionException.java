package dev.firebrigade.error;

/**
 * No usable answer arrived: the connection was refused, reset or timed out. {@link #requestWritten()} tells whether
 * incident.io may have processed the request, which decides whether a create can safely be sent again.
 */
public class ConnectionException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    private final boolean requestWritten;

    public ConnectionException(String summary, String method, String path, boolean requestWritten, Throwable cause) {
        super(0, "connection_error", summary, null, null, method, path, cause);
        this.requestWritten = requestWritten;
    }

    protected ConnectionException(String type, String summary, String method, String path, boolean requestWritten,
                                  Throwable cause) {
        super(0, type, summary, null, null, method, path, cause);
        this.requestWritten = requestWritten;
    }

    /** True when the request may have reached incident.io, so its effect is unknown. */
    public boolean requestWritten() {
        return requestWritten;
    }

    /** Only when the request was written: a connection refused or lost before that carried nothing. */
    @Override
    public boolean mayHaveBeenProcessed() {
        return requestWritten;
    }
}

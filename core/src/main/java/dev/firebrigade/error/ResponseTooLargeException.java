package dev.firebrigade.error;

/**
 * The answer's body was larger than the client reads ({@code IncidentIoOptions.setMaxResponseBytes}); it was
 * abandoned as soon as that was known, not buffered.
 */
public class ResponseTooLargeException extends UnexpectedResponseException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    public ResponseTooLargeException(int status, long limit, String method, String path) {
        super(status, "the body is larger than the " + limit + " bytes the client reads (maxResponseBytes)",
                method, path);
        this.limit = limit;
    }

    /** The limit that was exceeded, in bytes. */
    public long limit() {
        return limit;
    }
}

package dev.firebrigade.error;

/** No answer within the configured timeout; the request may still have been processed. */
public class TimeoutException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    public TimeoutException(String summary, String method, String path, boolean requestWritten, Throwable cause) {
        super("timeout", summary, method, path, requestWritten, cause);
    }
}

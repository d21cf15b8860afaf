package dev.firebrigade.error;

/**
 * The answer was not the JSON incident.io documents: an HTML page from a proxy, an empty or truncated body, an
 * unknown content type. The message quotes a short excerpt of what arrived.
 */
public class UnexpectedResponseException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    private final String excerpt;

    public UnexpectedResponseException(int status, String summary, String excerpt, String method, String path,
                                       Throwable cause) {
        super(status, "unexpected_response", summary + (excerpt.isEmpty() ? " (empty body)" : ": " + excerpt),
                null, null, method, path, cause);
        this.excerpt = excerpt;
    }

    /** For answers that are unexpected for a reason other than their content; the summary says which. */
    protected UnexpectedResponseException(int status, String summary, String method, String path) {
        super(status, "unexpected_response", summary, null, null, method, path, null);
        this.excerpt = "";
    }

    /** The first characters of the body that arrived, control characters removed. */
    public String excerpt() {
        return excerpt;
    }

    /** Also a 2xx whose body could not be read: incident.io said yes, but to what is unknown. */
    @Override
    public boolean mayHaveBeenProcessed() {
        return status() >= 200 && status() < 300 || super.mayHaveBeenProcessed();
    }
}

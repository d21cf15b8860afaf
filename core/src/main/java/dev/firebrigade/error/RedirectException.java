package dev.firebrigade.error;

/**
 * incident.io (or something in front of it) answered with a redirect. The client never follows one: the request
 * would carry the API key to wherever it points. Check the base URL.
 */
public class RedirectException extends UnexpectedResponseException {
    private static final long serialVersionUID = 1L;

    private final String location;

    public RedirectException(int status, String location, String method, String path) {
        super(status, "redirected to " + (location == null ? "nowhere (no Location)" : location)
                + "; not followed, so the API key goes nowhere else: check the base URL", method, path);
        this.location = location;
    }

    /** The {@code Location} the answer pointed to, without its query; null when it had none. */
    public String location() {
        return location;
    }
}

package dev.firebrigade.bulk;

import dev.firebrigade.error.IncidentIoException;

/** Failures that are not the client's typed ones (a closed client, a file system error, a bug), as a bulk reports them. */
final class Unexpected {
    private Unexpected() {
    }

    /** {@code error} itself, or wrapped when something other than the client failed. */
    static IncidentIoException asIncidentIo(Throwable error) {
        return error instanceof IncidentIoException known ? known
                : new IncidentIoException(0, "unexpected_error", String.valueOf(error), null, null, null, null, error);
    }
}

package dev.firebrigade.bulk;

import dev.firebrigade.error.IncidentIoException;

/** How a bulk reports a failure that is not one of the client's typed ones (a closed client, an I/O error, a bug). */
final class Unexpected {
    private Unexpected() {
    }

    /** {@code error} itself, or wrapped when something other than the client failed. */
    static IncidentIoException asIncidentIo(Throwable error) {
        return error instanceof IncidentIoException known ? known
                : new IncidentIoException(0, "unexpected_error", String.valueOf(error), null, null, null, null, error);
    }
}

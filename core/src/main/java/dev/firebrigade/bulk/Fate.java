package dev.firebrigade.bulk;

import dev.firebrigade.error.ActionsApiRemovedException;
import dev.firebrigade.error.AuthenticationException;
import dev.firebrigade.error.ConnectionException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.RateLimitException;

/**
 * What a failed create means for its row, read from the exception's one classification
 * ({@link IncidentIoException#mayHaveBeenProcessed()}), and whether it concerns every row.
 */
enum Fate {
    /** Provably not processed (over the rate limit, a connection that carried nothing): may be sent again. */
    NOT_TAKEN,
    /** May have been processed: settled by looking, never by sending again blindly. */
    UNKNOWN,
    /** Certainly not created. */
    FAILED,
    /** The key was refused, or the API is gone: every other row would fail the same way, so the run stops. */
    AUTH,
    /** Not the client's typed failure at all (a closed client, a bug): the row is unknown and the run stops. */
    BROKEN;

    static Fate of(Throwable cause) {
        if (!(cause instanceof IncidentIoException e)) {
            return BROKEN;
        }
        if (e instanceof AuthenticationException || e instanceof ActionsApiRemovedException) {
            return AUTH;
        }
        if (e.mayHaveBeenProcessed()) {
            return UNKNOWN;
        }
        return e instanceof RateLimitException || e instanceof ConnectionException ? NOT_TAKEN : FAILED;
    }

    /** Whether the run must stop: what failed this row would fail every other. */
    boolean endsTheRun() {
        return this == AUTH || this == BROKEN;
    }
}

package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;

/**
 * The static face of one default client, for scripts and the REPL: {@code import static dev.firebrigade.Firebrigade.*}
 * then {@code actions().forIncident(…)}. Libraries should hold an {@link IncidentIo} instance instead.
 */
public final class Firebrigade {
    private static volatile IncidentIo client;

    private Firebrigade() {
    }

    /** Makes {@code io} the default client and returns it. */
    public static IncidentIo connect(IncidentIo io) {
        if (io == null) {
            throw new InvalidInputException("client", "is null", "pass IncidentIo.create(...) or IncidentIo.fromEnv()");
        }
        client = io;
        return io;
    }

    /** The default client: the one given to {@link #connect}, else one made from the environment on first use. */
    public static IncidentIo client() {
        IncidentIo current = client;
        if (current != null) {
            return current;
        }
        synchronized (Firebrigade.class) {
            if (client == null) {
                client = IncidentIo.fromEnv();
            }
            return client;
        }
    }

    /** Incident actions on the default client. */
    public static Actions actions() {
        return client().actions();
    }
}

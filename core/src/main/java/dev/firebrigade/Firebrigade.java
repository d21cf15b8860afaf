package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.Identity;
import io.vertx.core.Future;

/**
 * The static face of one default client, for scripts and the REPL: {@code import static dev.firebrigade.Firebrigade.*}
 * then {@code actions().forIncident(…)}, {@code users()}, {@code incidents()}, {@code incidentUpdates()}, {@code followUps()}, {@code identity()}, {@code raw()}. Libraries should hold an {@link IncidentIo} instance instead.
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

    /** Users on the default client: {@code users().list().email("lisa@incident.io").fetch()}. */
    public static Users users() {
        return client().users();
    }

    /** Incidents on the default client: {@code incidents().get("INC-123")}. */
    public static Incidents incidents() {
        return client().incidents();
    }

    /** Follow-ups on the default client: {@code followUps().list().forIncident("INC-2").fetch()}. */
    public static FollowUps followUps() {
        return client().followUps();
    }

    /** Incident updates on the default client: {@code incidentUpdates().forIncident("INC-2").fetch()}. */
    public static IncidentUpdates incidentUpdates() {
        return client().incidentUpdates();
    }

    /** Who the default client's API key is ({@code GET /v1/identity}). */
    public static Future<Identity> identity() {
        return client().identity();
    }

    /** Raw JSON access to any endpoint through the default client: {@code raw().get("/v1/severities")}. */
    public static Raw raw() {
        return client().raw();
    }
}

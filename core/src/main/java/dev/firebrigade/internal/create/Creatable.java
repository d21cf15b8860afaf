package dev.firebrigade.internal.create;

import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.ApiRequest;
import dev.firebrigade.internal.transport.Deadline;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;

/**
 * One draft of a resource created without an idempotency key (an action, a follow-up), as the
 * {@link CreateEngine} needs it: how to send it, how to list what it may have made, and how to read a listed item.
 * References and emails are already resolved to IDs.
 */
public interface Creatable<T> {
    /** The draft's identity, which a listed item must share to be taken for it. */
    CreateKey key();

    /** What is created, in the plural ("actions"), for messages. */
    String plural();

    /** The POST, for error messages. */
    ApiRequest request();

    /** Sends the POST once (the transport retries only what provably was not processed). */
    Future<T> post(Deadline deadline);

    /**
     * The incident's items stamped (see {@link Listed#stamp()}) at or after {@code since} (incident.io's clock), in
     * {@code mode}, null for incident.io's default modes, as far as the API can filter by time.
     */
    Future<List<T>> listSince(IncidentMode mode, Instant since);

    /** A listed (or created) item as the matching rule reads it. */
    Listed listed(T item);

    /**
     * Whether a listed item in the window that does not match may still be what this create made, stored in a form
     * the draft cannot predict (a tracker's canonical link for the one sent): then absence is not proven and the
     * outcome stays unknown rather than being sent again. Never, by default: the other kinds are stored as sent.
     */
    default boolean mayBe(Listed item) {
        return false;
    }

    /** The item's ID alone: every create claims it, and {@link #listed} would also normalise the description. */
    String id(T item);

    /** The error for a create whose outcome stayed unknown, carrying the draft as sent. */
    OutcomeUnknownException unknown(String why, int attempts, IncidentIoException cause);

    /**
     * What the matching rule reads of an item: its ID, key (incident may be absent from a listing) and stamp, the
     * time the window is on: when it was created, or when it was first written for a kind whose {@code created_at}
     * is backdated (a follow-up from a link takes the creation time).
     */
    record Listed(String id, CreateKey key, Instant stamp) {
    }
}

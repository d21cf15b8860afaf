package dev.firebrigade;

import dev.firebrigade.internal.wire.UserPayloads;
import dev.firebrigade.internal.paging.Pager;
import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.model.User;
import dev.firebrigade.internal.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

import java.util.List;

/**
 * incident.io users: {@code users().get(id)}, {@code users().list().email("lisa@incident.io").fetch()}, and
 * {@link #byEmail(String)}, the lookup {@code assignTo("lisa@incident.io")} relies on.
 */
public final class Users {
    private final Transport transport;
    private final Pager<User> pager;

    Users(Vertx vertx, Transport transport) {
        this.transport = transport;
        this.pager = new Pager<>(vertx, transport, UserPayloads.Many.class);
    }

    /** Fetches one user ({@code GET /v2/users/{id}}), active or not. */
    public Future<User> get(String id) {
        return Futures.attempt(() -> transport
                .send(ApiRequest.of(HttpMethod.GET, "/v2/users/{id}", id), UserPayloads.One.class)
                .map(UserPayloads.One::user));
    }

    /** Starts a list query ({@code GET /v2/users}); by default only active users are listed. */
    public UserQuery list() {
        return new UserQuery(pager, null, null, false, null);
    }

    /**
     * The one user with this email. incident.io can hold several accounts for one email (duplicates left by
     * SSO/SCIM and chat-identity merges), so every account is looked up, deactivated ones included, and the single
     * active one wins. Fails with {@link UnresolvedReferenceException} listing the accounts when no account, no
     * active account, or several active accounts have the email. Not cached.
     */
    public Future<User> byEmail(String email) {
        return Futures.attempt(() -> byEmail(Checks.present(email, "email", "pass an email to byEmail(...)"),
                "email", "byEmail(...)"));
    }

    /** {@link #byEmail(String)}, with errors naming {@code field} and the DSL {@code step} that took the email. */
    Future<User> byEmail(String email, String field, String step) {
        return list().email(email).includeInactive().fetch().compose(matches -> pick(email, matches, field, step));
    }

    private static Future<User> pick(String email, List<User> matches, String field, String step) {
        List<User> active = matches.stream().filter(User::active).toList();
        if (active.size() == 1) {
            return Future.succeededFuture(active.get(0));
        }
        if (matches.isEmpty()) {
            return Future.failedFuture(new UnresolvedReferenceException(field, email, "matches no user", List.of(),
                    "check the spelling, or pass the user's ID to " + step, null));
        }
        if (active.isEmpty()) {
            return Future.failedFuture(new UnresolvedReferenceException(field, email,
                    "matches only deactivated or not-yet-active users", matches,
                    "pass one of these IDs to " + step + " if you do mean an inactive account", null));
        }
        return Future.failedFuture(new UnresolvedReferenceException(field, email,
                "matches " + active.size() + " active users", matches,
                "pass the ID of the one you mean to " + step, null));
    }

    @Override
    public String toString() {
        return "Users";
    }
}

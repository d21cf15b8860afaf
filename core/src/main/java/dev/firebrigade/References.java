package dev.firebrigade;

import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.User;
import io.vertx.core.Future;

import java.util.List;
import java.util.function.Function;

/**
 * Turns what people type into the IDs incident.io wants: an email into a user ID ({@code GET /v2/users?email=}),
 * {@code INC-123} or {@code 123} into an incident ID ({@code GET /v2/incidents/123}). IDs pass through untouched
 * and without a request. Answers are cached per client and concurrent lookups of one key share a request.
 */
final class References {
    private final Users users;
    private final Function<String, Future<Incident>> showIncident;
    private final ResolutionCache<String> userIds;
    private final ResolutionCache<String> incidentIds;

    /** @param showIncident {@code GET /v2/incidents/{id}} for an ID or a reference number */
    References(Users users, Function<String, Future<Incident>> showIncident, IncidentIoOptions options) {
        this.users = users;
        this.showIncident = showIncident;
        this.userIds = new ResolutionCache<>(options.getResolutionCacheSize(), options.getResolutionCacheTtl());
        this.incidentIds = new ResolutionCache<>(options.getResolutionCacheSize(), options.getResolutionCacheTtl());
    }

    /** Whether {@code given} names a user by email rather than by ID. */
    static boolean isEmail(String given) {
        return given.indexOf('@') >= 0;
    }

    /** Whether {@code given} names an incident by reference rather than by ID. */
    static boolean isIncidentReference(String given) {
        return Incidents.referenceNumber(given) != null;
    }

    /**
     * The user ID {@code given} stands for: itself, or the single active user with that email.
     *
     * @param field the payload field it is for, {@code assignee_id}
     * @param step  the DSL step that took it, for error messages: {@code assignTo(...)}
     */
    Future<String> userId(String given, String field, String step) {
        if (!isEmail(given)) {
            return Future.succeededFuture(given);
        }
        String email = given.strip();
        return userIds.get(email, key -> users.byEmail(key, field, step).map(User::id));
    }

    /**
     * The incident ID {@code given} stands for: itself, or the ID of the incident with that reference.
     *
     * @param field the payload or query field it is for, {@code incident_id}
     * @param step  the DSL step that took it: {@code forIncident(...)}
     */
    Future<String> incidentId(String given, String field, String step) {
        String number = Incidents.referenceNumber(given);
        if (number == null) {
            return Future.succeededFuture(given);
        }
        return incidentIds.get(number, key -> showIncident.apply(key).map(Incident::id).recover(failure ->
                Future.failedFuture(failure instanceof NotFoundException notFound
                        ? new UnresolvedReferenceException(field, given.strip(), "matches no incident (INC-" + key + ")",
                                List.of(), "pass an existing incident ID or reference to " + step, notFound)
                        : failure)));
    }

    /** Forgets every cached answer. */
    void clear() {
        userIds.clear();
        incidentIds.clear();
    }
}

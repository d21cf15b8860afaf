package dev.firebrigade;

import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.model.IncidentRole;
import dev.firebrigade.model.IncidentStatus;
import dev.firebrigade.model.IncidentType;
import dev.firebrigade.model.Severity;
import dev.firebrigade.internal.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The organisation's severities, incident types, incident statuses and incident roles, and the lookup that turns a
 * name such as {@code "Major"} into its ID. Each list is fetched once per client and cached like emails (same size
 * and TTL); concurrent lookups share one request, so a thousand declares naming one severity make one
 * {@code GET /v1/severities}.
 */
final class Catalog {
    /** One list endpoint and how to name its entries. */
    record Kind<T>(String path, Class<? extends Listing<T>> type, String field, String what,
                   Function<T, String> id, Function<T, List<String>> names) {
    }

    /** The JSON answer of one list endpoint. */
    interface Listing<T> {
        List<T> items();
    }

    static final Kind<Severity> SEVERITIES = new Kind<>("/v1/severities", CatalogPayloads.Severities.class,
            "severity_id", "severity", Severity::id, s -> List.of(s.name()));
    static final Kind<IncidentType> TYPES = new Kind<>("/v1/incident_types", CatalogPayloads.IncidentTypes.class,
            "incident_type_id", "incident type", IncidentType::id, t -> List.of(t.name()));
    static final Kind<IncidentStatus> STATUSES = new Kind<>("/v1/incident_statuses",
            CatalogPayloads.IncidentStatuses.class, "incident_status_id", "incident status", IncidentStatus::id,
            s -> List.of(s.name()));
    /** A role answers to its name, its Slack short form and its type ({@code lead}, {@code reporter}). */
    static final Kind<IncidentRole> ROLES = new Kind<>("/v2/incident_roles", CatalogPayloads.IncidentRoles.class,
            "incident_role_id", "incident role", IncidentRole::id,
            r -> java.util.stream.Stream.of(r.name(), r.shortform(), r.roleType())
                    .filter(n -> n != null && !n.isBlank()).distinct().toList());

    private final Transport transport;
    private final ResolutionCache<List<?>> lists;

    Catalog(Transport transport, IncidentIoOptions options) {
        this.transport = transport;
        this.lists = new ResolutionCache<>(options.getResolutionCacheSize(), options.getResolutionCacheTtl());
    }

    /** Every entry of {@code kind}, from the cache when fresh. */
    @SuppressWarnings("unchecked")
    <T> Future<List<T>> list(Kind<T> kind) {
        return lists.get(kind.path(), path -> transport.send(ApiRequest.of(HttpMethod.GET, path), kind.type())
                .map(listing -> List.copyOf(listing.items()))).map(list -> (List<T>) list);
    }

    /**
     * The ID of the one entry {@code given} names: its ID, else its exact name, else its name in any case. Fails with
     * {@link UnresolvedReferenceException} listing the choices when nothing or several entries match.
     *
     * @param step the DSL step that took the name, for the message: {@code severity(...)}
     */
    <T> Future<String> id(Kind<T> kind, String given, String step) {
        return list(kind).compose(entries -> pick(kind, given.strip(), entries, step));
    }

    /** {@link #id}, or null without a request when nothing was {@code given}. */
    <T> Future<String> idIfGiven(Kind<T> kind, String given, String step) {
        return given == null ? Future.succeededFuture() : id(kind, given, step);
    }

    private static <T> Future<String> pick(Kind<T> kind, String given, List<T> entries, String step) {
        for (T entry : entries) {
            if (given.equals(kind.id().apply(entry))) {
                return Future.succeededFuture(given);
            }
        }
        List<T> exact = entries.stream().filter(e -> kind.names().apply(e).contains(given)).toList();
        List<T> matches = exact.size() == 1 ? exact : entries.stream()
                .filter(e -> kind.names().apply(e).stream().anyMatch(n -> n.equalsIgnoreCase(given))).toList();
        if (matches.size() == 1) {
            return Future.succeededFuture(kind.id().apply(matches.get(0)));
        }
        String problem = matches.isEmpty() ? "matches no " + kind.what() + "; the choices are " + describe(kind, entries)
                : "matches " + matches.size() + " " + kind.what() + "s: " + describe(kind, matches);
        // Quote at most a line of what was typed: a pasted document must not become the message.
        String shown = given.length() > 80 ? given.substring(0, 77) + "..." : given;
        return Future.failedFuture(new UnresolvedReferenceException(kind.field(), shown, problem, List.of(),
                "pass one of these names or IDs to " + step, null));
    }

    private static <T> String describe(Kind<T> kind, List<T> entries) {
        if (entries.isEmpty()) {
            return "none (the organisation has no " + kind.what() + "s)";
        }
        return entries.stream().map(e -> "\"" + kind.names().apply(e).get(0) + "\" " + kind.id().apply(e))
                .collect(Collectors.joining(", "));
    }

    /** Forgets every cached list, for example after an admin renamed a severity. */
    void clear() {
        lists.clear();
    }
}

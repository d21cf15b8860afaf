package dev.firebrigade;

import dev.firebrigade.model.Identity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Map;

/**
 * A client of the incident.io API. Every call returns a {@link Future}; nothing blocks the event loop. Create one per
 * API key and share it; {@link #close()} releases what it created.
 */
public interface IncidentIo {
    /** The environment variable holding the API key. */
    String API_KEY_ENV = "INCIDENT_IO_API_KEY";
    /** The environment variable overriding the base URL (for a proxy or a sandbox). */
    String BASE_URL_ENV = "INCIDENT_IO_BASE_URL";
    /** The environment variable choosing the actions API: {@code v3} (the default) or the deprecated {@code v2}. */
    String ACTIONS_API_ENV = "INCIDENT_IO_ACTIONS_API";

    /** A client on the caller's Vert.x, which {@link #close()} leaves running. */
    static IncidentIo create(Vertx vertx, IncidentIoOptions options) {
        return new DefaultIncidentIo(vertx, options, false);
    }

    /** A client with a Vert.x of its own, closed with the client. */
    static IncidentIo create(IncidentIoOptions options) {
        return new DefaultIncidentIo(Vertx.vertx(), options, true);
    }

    /**
     * A client configured from {@value #API_KEY_ENV}, {@value #BASE_URL_ENV}, {@value #ACTIONS_API_ENV} and the
     * proxy variables (see {@link #optionsFrom(Map)}), with a Vert.x of its own.
     */
    static IncidentIo fromEnv() {
        return create(optionsFrom(System.getenv()));
    }

    /** A client configured from the environment, on the caller's Vert.x. */
    static IncidentIo fromEnv(Vertx vertx) {
        return create(vertx, optionsFrom(System.getenv()));
    }

    /**
     * Options from environment-style variables: {@value #API_KEY_ENV} (required), {@value #BASE_URL_ENV}
     * (default {@value IncidentIoOptions#DEFAULT_BASE_URL}), {@value #ACTIONS_API_ENV} (see
     * {@link #actionsApiFrom(Map)}), and a proxy as curl would choose one for that URL from {@code HTTPS_PROXY},
     * {@code HTTP_PROXY}, {@code ALL_PROXY} and {@code NO_PROXY} (lower-case names first). A bad value fails with an
     * {@code InvalidInputException} naming the variable.
     */
    static IncidentIoOptions optionsFrom(Map<String, String> env) {
        var options = new IncidentIoOptions().setApiKey(ApiKey.of(env.get(API_KEY_ENV)))
                .setActionsApi(actionsApiFrom(env));
        String baseUrl = env.get(BASE_URL_ENV);
        if (baseUrl != null && !baseUrl.isBlank()) {
            options.setBaseUrl(baseUrl);
        }
        return options.setProxyOptions(ProxyEnvironment.forUrl(options.getBaseUrl(), env).orElse(null));
    }

    /**
     * The actions API {@value #ACTIONS_API_ENV} chooses: {@code v3} or {@code v2} in any case, unset or blank for the
     * default {@code v3}; any other value fails with an {@code InvalidInputException} naming the variable.
     */
    static ActionsApi actionsApiFrom(Map<String, String> env) {
        return ActionsApi.parse(env.get(ACTIONS_API_ENV), ACTIONS_API_ENV);
    }

    /** Incident actions. */
    Actions actions();

    /** Users: get, list and lookup by email. */
    Users users();

    /** Incidents: get by ID or reference ({@code INC-123}), list with filters. */
    Incidents incidents();

    /** Who this API key is ({@code GET /v1/identity}): its name, roles and the organisation's dashboard. */
    Future<Identity> identity();

    /**
     * Any incident.io endpoint the DSL lacks, as JSON, through the same transport (key, errors, timeouts):
     * {@code raw().get("/v1/severities")}.
     */
    Raw raw();

    /**
     * Forgets every resolved reference (emails to user IDs, {@code INC-123} to incident IDs), for example after
     * accounts were merged; they are otherwise kept for {@link IncidentIoOptions#getResolutionCacheTtl()}.
     */
    void forgetResolutions();

    /** A copy of this client's options. */
    IncidentIoOptions options();

    /** The Vert.x instance this client runs on. */
    Vertx vertx();

    /** Closes the HTTP client, and the Vert.x instance if this client created it. Idempotent. */
    Future<Void> close();
}

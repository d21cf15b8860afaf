package dev.firebrigade.bench;

import dev.firebrigade.ApiKey;
import dev.firebrigade.IncidentIo;
import dev.firebrigade.IncidentIoOptions;
import dev.firebrigade.RateLimitPolicy;
import dev.firebrigade.internal.transport.Json;
import dev.firebrigade.RequestPreview;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one request every client sends: the seed's create for the sandbox's demo incident, assigned to its demo user.
 * The raw clients take their URL, headers and body from the DSL's own {@code dryRun()}, so all three send the same
 * bytes (the body compacted, the key unredacted).
 */
record Workload(URI url, Map<String, String> headers, byte[] body) {
    static final String INCIDENT = "01FCNDV6P870EA6S7TK1DSYDG7";
    static final String USER = "01FCNDV6P870EA6S7TK1DSYDG0";
    static final String DESCRIPTION = "Call the fire brigade";

    /**
     * Options of the DSL client: the sandbox's URL and key, as many connections as the raw clients get, and no
     * client-side rate limit (the sandbox's is off too; with incident.io's 20/s the DSL would measure the limiter).
     * Retries stay at their defaults: a create that succeeds is sent once.
     */
    static IncidentIoOptions options(String baseUrl, String apiKey, int maxConnections) {
        return new IncidentIoOptions().setBaseUrl(baseUrl).setApiKey(ApiKey.of(apiKey)).setMaxConnections(maxConnections)
                .setMaxInFlight(Math.max(maxConnections, 1)).setRateLimit(RateLimitPolicy.none());
    }

    static Workload of(Vertx vertx, String baseUrl, String apiKey) {
        IncidentIo io = IncidentIo.create(vertx, options(baseUrl, apiKey, 1));
        try {
            RequestPreview preview = io.actions().forIncident(INCIDENT).describe(DESCRIPTION).assignTo(USER).dryRun();
            var headers = new LinkedHashMap<String, String>();
            preview.headers().forEach((name, value) ->
                    headers.put(name, name.equalsIgnoreCase("Authorization") ? "Bearer " + apiKey : value));
            byte[] compact = Json.mapper().writeValueAsBytes(Json.mapper().readTree(preview.body()));
            return new Workload(URI.create(preview.url()), Map.copyOf(headers), compact);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            io.close().await();
        }
    }
}

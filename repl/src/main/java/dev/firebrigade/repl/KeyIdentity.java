package dev.firebrigade.repl;

import dev.firebrigade.IncidentIoOptions;
import dev.firebrigade.transport.ApiRequest;
import dev.firebrigade.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

import java.time.Duration;

/**
 * Asks incident.io whose key this is ({@code GET /v1/identity}), for the banner. Core has no {@code identity()} yet;
 * this goes through core's {@link Transport}, so errors are the same typed exceptions, and is the one place to switch
 * to {@code io.identity()} once core has it.
 */
final class KeyIdentity {
    private KeyIdentity() {
    }

    /** {@code IdentityV1ResponseBody}: only the name matters here. */
    record Answer(Identity identity) {
    }

    /** {@code IdentityV1}; the name is the label given to the key in incident.io's dashboard. */
    record Identity(String name) {
    }

    /** The name of the key in {@code options}, or a failed future with the typed error. */
    static Future<String> name(Vertx vertx, IncidentIoOptions options) {
        // A banner should not wait a minute for a server that does not answer.
        var quick = new IncidentIoOptions(options)
                .setConnectTimeout(Duration.ofSeconds(5))
                .setRequestTimeout(Duration.ofSeconds(10));
        var transport = new Transport(vertx, quick);
        return transport.send(ApiRequest.of(HttpMethod.GET, "/v1/identity"), Answer.class)
                .map(answer -> answer.identity() == null || answer.identity().name() == null
                        ? "(unnamed key)" : answer.identity().name())
                .andThen(ignored -> transport.close());
    }
}

package dev.firebrigade.webhooks;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Plays incident.io in tests: signs bodies with a secret and POSTs them over loopback, as Svix would. */
final class Deliveries {
    /** What came back. */
    record Answer(int status, String body) {
    }

    private final HttpClient client;
    private final int port;
    private final String path;
    private final WebhookSecret secret;

    Deliveries(Vertx vertx, int port, String path, String secret) {
        this.client = vertx.createHttpClient();
        this.port = port;
        this.path = path;
        this.secret = WebhookSecret.parse(secret);
    }

    /** Headers of a delivery of {@code body} signed now. */
    MultiMap signed(String id, String body) {
        return signed(id, Instant.now().getEpochSecond(), body);
    }

    MultiMap signed(String id, long timestamp, String body) {
        return MultiMap.caseInsensitiveMultiMap()
                .add("content-type", "application/json")
                .add("webhook-id", id)
                .add("webhook-timestamp", Long.toString(timestamp))
                .add("webhook-signature", secret.sign(id, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    Answer post(MultiMap headers, String body) {
        return client.request(new RequestOptions().setMethod(HttpMethod.POST).setPort(port).setHost("127.0.0.1")
                        .setURI(path).setIdleTimeout(10_000))
                .compose(request -> {
                    request.headers().addAll(headers);
                    return request.send(Buffer.buffer(body));
                })
                .compose(response -> response.body().map(text -> new Answer(response.statusCode(), text.toString())))
                .await();
    }

    /** A request whose headers are sent and whose body is up to the caller. */
    HttpClientRequest open(MultiMap headers) {
        HttpClientRequest request = client.request(HttpMethod.POST, port, "127.0.0.1", path).await();
        request.headers().addAll(headers);
        return request;
    }

    Future<Void> close() {
        return client.close();
    }

    /** An action-created event as incident.io sends it, for an action with this description. */
    static String actionCreated(String actionId, String description) {
        return new io.vertx.core.json.JsonObject()
                .put("event_type", "public_incident.action_created_v1")
                .put("public_incident.action_created_v1", new io.vertx.core.json.JsonObject()
                        .put("id", actionId).put("incident_id", "01FCNDV6P870EA6S7TK1DSYD5H")
                        .put("description", description).put("status", "outstanding").put("follow_up", false)
                        .put("created_at", "2026-12-02T04:00:00.000000Z").put("updated_at", "2026-12-02T04:00:00.000000Z"))
                .encode();
    }
}

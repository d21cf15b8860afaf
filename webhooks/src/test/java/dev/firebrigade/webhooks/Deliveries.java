package dev.firebrigade.webhooks;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Plays incident.io in tests: signs bodies with a secret and POSTs them over loopback, as Svix would. */
final class Deliveries {
    /** What came back. */
    record Answer(int status, String body) {
    }

    private static final java.net.http.HttpClient JDK = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

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
        return signed(secret, id, timestamp, body);
    }

    /** Headers of a delivery signed with any secret, e.g. another endpoint's. */
    static MultiMap signed(WebhookSecret secret, String id, long timestamp, String body) {
        return MultiMap.caseInsensitiveMultiMap()
                .add("content-type", "application/json")
                .add("webhook-id", id)
                .add("webhook-timestamp", Long.toString(timestamp))
                .add("webhook-signature", secret.sign(id, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sent with the JDK's client, so what is tested is the Vert.x server alone; 10 s at most. */
    Answer post(MultiMap headers, String body) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .timeout(java.time.Duration.ofSeconds(10))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(header -> request.header(header.getKey(), header.getValue()));
        try {
            var response = JDK.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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

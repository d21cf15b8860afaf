package dev.firebrigade.sandbox;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Real HTTP against a sandbox on loopback, blocking the (JUnit) caller with {@code await()}. */
final class SandboxClient implements AutoCloseable {
    final Vertx vertx;
    final Sandbox sandbox;
    private final WebClient client;

    private SandboxClient(Vertx vertx, Sandbox sandbox) {
        this.vertx = vertx;
        this.sandbox = sandbox;
        // No keep-alive: fault tests close connections, and each request should stand alone.
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(false));
    }

    static SandboxClient start(SandboxOptions options) {
        var vertx = Vertx.vertx();
        return new SandboxClient(vertx, Sandbox.start(vertx, options).await());
    }

    static SandboxClient start() {
        return start(new SandboxOptions());
    }

    /** The spec path surefire passes in (system property {@code firebrigade.spec}), or null when it is not there. */
    static Path specOrNull() {
        var property = System.getProperty("firebrigade.spec");
        return property != null && Files.isRegularFile(Path.of(property)) ? Path.of(property) : null;
    }

    /**
     * Skips the calling test when the spec is not there. Call it per test (in {@code @BeforeEach}): a class aborted
     * in {@code @BeforeAll} shows as "Tests run: 0" in surefire, hiding that anything was skipped.
     */
    static Path specOrSkip() {
        var spec = specOrNull();
        Assumptions.assumeTrue(spec != null, "incident.io's OpenAPI spec is not available (system property firebrigade.spec = "
                + System.getProperty("firebrigade.spec") + "); contract checks need it, so they are skipped");
        return spec;
    }

    HttpResponse<Buffer> get(String uri) {
        return send(HttpMethod.GET, uri, null, bearer());
    }

    HttpResponse<Buffer> post(String uri, JsonObject body) {
        return send(HttpMethod.POST, uri, body.encode(), bearer());
    }

    HttpResponse<Buffer> put(String uri, JsonObject body) {
        return send(HttpMethod.PUT, uri, body.encode(), bearer());
    }

    HttpResponse<Buffer> delete(String uri) {
        return send(HttpMethod.DELETE, uri, null, bearer());
    }

    /** Any request; {@code authorization} null sends none. */
    HttpResponse<Buffer> send(HttpMethod method, String uri, String body, String authorization) {
        var request = client.request(method, sandbox.port(), "127.0.0.1", uri);
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        if (body == null) {
            return request.send().await();
        }
        request.putHeader("Content-Type", "application/json");
        return request.sendBuffer(Buffer.buffer(body)).await();
    }

    String bearer() {
        return "Bearer " + sandbox.apiKey();
    }

    @Override
    public void close() {
        sandbox.close().await();
        client.close();
        vertx.close().await();
    }
}

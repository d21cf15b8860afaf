package dev.firebrigade;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.Map;

/**
 * A real HTTP server on loopback that answers every request with one fixed response, for answers the sandbox has
 * no reason to give (a 403, a 409, a proxy's page, a body of the wrong type).
 */
final class CannedServer implements AutoCloseable {
    private final HttpServer server;

    private CannedServer(HttpServer server) {
        this.server = server;
    }

    static CannedServer answering(Vertx vertx, int status, String contentType, String body, Map<String, String> headers) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            var response = request.response().setStatusCode(status);
            if (contentType != null) {
                response.putHeader("Content-Type", contentType);
            }
            headers.forEach(response::putHeader);
            response.end(body);
        }).listen(0, "127.0.0.1").await();
        return new CannedServer(server);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() {
        server.close().await();
    }
}

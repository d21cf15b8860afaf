package dev.firebrigade;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that plays a script: each request gets the next step, and the last step repeats. For
 * behaviour the sandbox has no reason to show: redirects, giant bodies, stalls, a skewed clock, chosen headers.
 * It records every request line and headers, and the most requests it ever held at once.
 */
final class ScriptedServer implements AutoCloseable {
    /** One request as received. */
    record Seen(String method, String uri, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Handler<HttpServerRequest>> steps = new ConcurrentLinkedQueue<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private volatile Handler<HttpServerRequest> last;

    private ScriptedServer(Vertx vertx, List<Handler<HttpServerRequest>> script) {
        steps.addAll(script);
        last = script.get(script.size() - 1);
        server = vertx.createHttpServer().requestHandler(request -> {
            var headers = new java.util.TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
            request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
            seen.add(new Seen(request.method().name(), request.uri(), headers));
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            var done = new java.util.concurrent.atomic.AtomicBoolean();
            Handler<Void> finished = ignored -> {
                if (done.compareAndSet(false, true)) {
                    open.decrementAndGet();
                }
            };
            request.response().closeHandler(finished);
            request.response().endHandler(finished);
            Handler<HttpServerRequest> step = steps.poll();
            (step == null ? last : step).handle(request);
        }).listen(0, "127.0.0.1").await();
    }

    @SafeVarargs
    static ScriptedServer playing(Vertx vertx, Handler<HttpServerRequest>... script) {
        return new ScriptedServer(vertx, List.of(script));
    }

    /** A step answering {@code status} with a JSON body and the given headers. */
    static Handler<HttpServerRequest> answer(int status, String json, Map<String, String> headers) {
        return request -> {
            var response = request.response().setStatusCode(status);
            headers.forEach(response::putHeader);
            if (json == null) {
                response.end();
            } else {
                response.putHeader("Content-Type", "application/json").end(json);
            }
        };
    }

    static Handler<HttpServerRequest> answer(int status, String json) {
        return answer(status, json, Map.of());
    }

    /** A step that reads the request and never answers. */
    static Handler<HttpServerRequest> silence() {
        return request -> { };
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** The most requests this server held unanswered at the same time. */
    int mostAtOnce() {
        return mostOpen.get();
    }

    @Override
    public void close() {
        server.close().await();
    }
}

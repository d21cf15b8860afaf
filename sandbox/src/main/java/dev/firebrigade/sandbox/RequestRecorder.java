package dev.firebrigade.sandbox;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every request the sandbox receives, before any fault or check, with the API key redacted. */
final class RequestRecorder implements Handler<RoutingContext> {
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public void handle(RoutingContext ctx) {
        var request = ctx.request();
        var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        for (var header : request.headers()) {
            var value = header.getKey().equalsIgnoreCase(HttpHeaders.AUTHORIZATION.toString())
                    ? redact(header.getValue()) : header.getValue();
            headers.merge(header.getKey(), value, (a, b) -> a + ", " + b);
        }
        var body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        requests.add(new RecordedRequest(request.method().name(), request.path(),
                request.query() == null ? "" : request.query(), Collections.unmodifiableMap(headers), body, Instant.now()));
        ctx.next();
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }

    /**
     * {@code Bearer ****} plus the key's last four characters, and those only for keys of 16 characters or more,
     * so a recording never holds enough of a key to matter.
     */
    static String redact(String authorization) {
        var value = authorization.trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return "****";
        }
        var key = value.substring(7).trim();
        return "Bearer ****" + (key.length() >= 16 ? key.substring(key.length() - 4) : "");
    }
}

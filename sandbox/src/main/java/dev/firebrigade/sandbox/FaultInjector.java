package dev.firebrigade.sandbox;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * Applies {@link Faults} to a request before it is authenticated or processed: latency on a timer, then either a
 * fault that replaces processing (status, reset, HTML page) or a mark that {@link Replies} acts on when answering.
 */
final class FaultInjector implements Handler<RoutingContext> {
    private static final String PROXY_PAGE = """
            <html>
            <head><title>502 Bad Gateway</title></head>
            <body>
            <center><h1>502 Bad Gateway</h1></center>
            <hr><center>nginx</center>
            </body>
            </html>
            """;

    private final Vertx vertx;
    private final Faults faults;
    private final Replies replies;
    private final long rateLimitCapacity;

    FaultInjector(Vertx vertx, Faults faults, Replies replies, long rateLimitCapacity) {
        this.vertx = vertx;
        this.faults = faults;
        this.replies = replies;
        this.rateLimitCapacity = rateLimitCapacity;
    }

    @Override
    public void handle(RoutingContext ctx) {
        var decision = faults.decide(ctx.request().method().name(), ctx.request().path());
        if (decision.latency().isZero()) {
            apply(ctx, decision.terminal());
        } else {
            vertx.setTimer(decision.latency().toMillis(), timer -> apply(ctx, decision.terminal()));
        }
    }

    private void apply(RoutingContext ctx, FaultRule fault) {
        if (ctx.response().closed()) {
            return;
        }
        if (fault == null) {
            ctx.next();
            return;
        }
        switch (fault.kind()) {
            case STATUS -> {
                JsonObject body;
                if (fault.status() == 429) {
                    long retryAfterSeconds = Math.max(1, (fault.delay().toMillis() + 999) / 1000);
                    ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
                    body = ErrorBodies.tooManyRequests(Replies.requestId(ctx), rateLimitCapacity, 0,
                            Instant.now().plusSeconds(retryAfterSeconds));
                } else {
                    body = ErrorBodies.forStatus(fault.status(), Replies.requestId(ctx));
                }
                replies.sendAsIs(ctx, fault.status(), "application/json", Buffer.buffer(body.encode()));
            }
            case RESET_BEFORE_PROCESSING -> Replies.resetConnection(ctx);
            case NON_JSON_BODY -> replies.sendAsIs(ctx, 502, "text/html", Buffer.buffer(PROXY_PAGE));
            default -> {
                ctx.put(Sandbox.AFTER_PROCESSING_FAULT, fault);
                ctx.next();
            }
        }
    }
}

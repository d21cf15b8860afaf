package dev.firebrigade.webhooks;

import dev.firebrigade.webhooks.WebhookRejectedException.Reason;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The vertx-web handler behind {@link IncidentIoWebhooks#handler}: reads the body up to the configured bound,
 * verifies the delivery, refuses replays, hands the event to your {@link WebhookListener} and answers 204 once the
 * listener's future succeeded (500 when it failed, 503 when it took longer than the listener timeout). Refusals are
 * answered 400, 409 or 413 without any detail.
 */
public final class WebhookHandler implements Handler<RoutingContext> {
    /** After a 413, the rest of an oversized body is read and dropped up to this much, so the sender sees our answer. */
    private static final long DISCARD_LIMIT = 16L * 1024 * 1024;

    private final WebhookVerifier verifier;
    private final ReplayGuard replays;
    private final int maxBodyBytes;
    private final long listenerTimeoutMillis;
    private final WebhookListener listener;
    private volatile Consumer<WebhookRejectedException> onRejected = rejection -> { };

    WebhookHandler(WebhookOptions options, WebhookListener listener) {
        this.verifier = WebhookVerifier.create(options);
        this.replays = new ReplayGuard(options.getReplayMemory());
        this.maxBodyBytes = options.getMaxBodyBytes();
        this.listenerTimeoutMillis = options.getListenerTimeout().toMillis();
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Called with every refused delivery and its reason, for your logs; the sender never sees the reason. */
    public WebhookHandler onRejected(Consumer<WebhookRejectedException> observer) {
        this.onRejected = Objects.requireNonNull(observer, "observer");
        return this;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() != HttpMethod.POST) {
            ctx.response().setStatusCode(405).putHeader("allow", "POST").end();
            return;
        }
        if (ctx.body().available()) {
            // A BodyHandler ran first: the body is already in memory, within that handler's own limit.
            Buffer body = ctx.body().buffer();
            if (body != null && body.length() > maxBodyBytes) {
                reject(ctx, new WebhookRejectedException(Reason.BODY_TOO_LARGE, messageId(request.headers())));
            } else {
                deliver(ctx, body == null ? new byte[0] : body.getBytes());
            }
            return;
        }
        if (request.isEnded()) {
            ctx.fail(new IllegalStateException("the webhook's body was read before the handler ran: mount"
                    + " IncidentIoWebhooks.handler(...) first on its route, or after a BodyHandler"));
            return;
        }
        new BoundedBody(ctx).start();
    }

    private void deliver(RoutingContext ctx, byte[] body) {
        MultiMap headers = ctx.request().headers();
        String id = messageId(headers);
        String timestamp = WebhookVerifier.header(headers, "timestamp");
        Instant sentAt;
        try {
            sentAt = verifier.check(id, timestamp, WebhookVerifier.header(headers, "signature"), body);
        } catch (WebhookRejectedException rejection) {
            reject(ctx, rejection);
            return;
        }
        switch (replays.admit(id, timestamp.strip())) {
            case REPLAY -> reject(ctx, new WebhookRejectedException(Reason.REPLAYED, id));
            case IN_PROGRESS -> reject(ctx, new WebhookRejectedException(Reason.IN_PROGRESS, id));
            case ALREADY_HANDLED -> answer(ctx, 204);
            case NEW -> handOver(ctx, id, sentAt, body);
        }
    }

    private void handOver(RoutingContext ctx, String id, Instant sentAt, byte[] body) {
        Future<?> outcome;
        try {
            WebhookEvent event = EventDecoder.decode(id, sentAt, body);
            outcome = listener.onEvent(event);
            if (outcome == null) {
                outcome = Future.succeededFuture();
            }
        } catch (WebhookRejectedException rejection) {
            replays.forget(id);
            reject(ctx, rejection);
            return;
        } catch (RuntimeException listenerFailed) {
            outcome = Future.failedFuture(listenerFailed);
        }
        if (outcome.isComplete()) {
            settle(ctx, id, outcome.succeeded() ? 204 : 500);
            return;
        }
        // A listener that never answers must not hold its ID (every retry would get 409) nor the connection.
        long timer = ctx.vertx().setTimer(listenerTimeoutMillis, late -> settle(ctx, id, 503));
        outcome.onComplete(done -> {
            if (ctx.vertx().cancelTimer(timer)) {
                settle(ctx, id, done.succeeded() ? 204 : 500);
            }
        });
    }

    /** Records the listener's verdict and answers it: only an accepted event is remembered as handled. */
    private void settle(RoutingContext ctx, String id, int status) {
        if (status == 204) {
            replays.handled(id);
        } else {
            replays.forget(id);
        }
        answer(ctx, status);
    }

    private void reject(RoutingContext ctx, WebhookRejectedException rejection) {
        onRejected.accept(rejection);
        answer(ctx, rejection.status());
    }

    private static void answer(RoutingContext ctx, int status) {
        var response = ctx.response();
        if (!response.ended() && !response.closed()) {
            response.setStatusCode(status).end();
        }
    }

    private static String messageId(MultiMap headers) {
        return WebhookVerifier.header(headers, "id");
    }

    /**
     * Collects the body while it stays within the bound. Past it (or when Content-Length already says so) the
     * delivery is answered 413 at once and what still arrives is dropped, never kept.
     */
    private final class BoundedBody implements Handler<Buffer> {
        private final RoutingContext ctx;
        private final HttpServerRequest request;
        private Buffer body;
        private long discarded;

        BoundedBody(RoutingContext ctx) {
            this.ctx = ctx;
            this.request = ctx.request();
        }

        void start() {
            long declared = contentLength(request);
            request.handler(this).endHandler(end -> {
                if (body != null) {
                    deliver(ctx, body.getBytes());
                }
            }).exceptionHandler(broken -> body = null);
            if (declared > maxBodyBytes) {
                refuse();
            } else {
                body = Buffer.buffer((int) Math.max(declared, 256));
            }
            request.resume();
        }

        @Override
        public void handle(Buffer chunk) {
            if (body == null) {
                discarded += chunk.length();
                if (discarded > DISCARD_LIMIT) {
                    request.connection().close();
                }
            } else if (body.length() + chunk.length() > maxBodyBytes) {
                refuse();
            } else {
                body.appendBuffer(chunk);
            }
        }

        private void refuse() {
            body = null;
            reject(ctx, new WebhookRejectedException(Reason.BODY_TOO_LARGE, messageId(request.headers())));
        }
    }

    private static long contentLength(HttpServerRequest request) {
        String value = request.getHeader("content-length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

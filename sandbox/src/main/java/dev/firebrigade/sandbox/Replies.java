package dev.firebrigade.sandbox;

import io.netty.channel.ChannelOption;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;

/**
 * The one way out for every answer, so that contract checks and the faults that strike while answering (reset
 * after processing, slow body, truncated body) apply to all routes and errors alike.
 */
final class Replies {
    private static final String JSON = "application/json";

    private final Vertx vertx;
    private final ContractCheck contract;

    Replies(Vertx vertx, ContractCheck contract) {
        this.vertx = vertx;
        this.contract = contract;
    }

    static String requestId(RoutingContext ctx) {
        String id = ctx.get(Sandbox.REQUEST_ID);
        return id != null ? id : ErrorBodies.newRequestId();
    }

    /** A JSON answer; checked against the contract when one is configured. */
    void send(RoutingContext ctx, int status, JsonObject body) {
        if (contract != null) {
            contract.checkResponse(ctx, status, body);
        }
        write(ctx, status, JSON, Buffer.buffer(body.encode()));
    }

    void noContent(RoutingContext ctx) {
        if (contract != null) {
            contract.checkResponse(ctx, 204, null);
        }
        write(ctx, 204, null, null);
    }

    void error(RoutingContext ctx, ApiException error) {
        send(ctx, error.status, error.body(requestId(ctx)));
    }

    /** An answer made up by a fault: neither contract-checked nor subject to after-processing faults. */
    void sendAsIs(RoutingContext ctx, int status, String contentType, Buffer body) {
        var response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body);
    }

    /** Drops the connection without an answer; a real TCP reset where Vert.x lets us reach the channel. */
    static void resetConnection(RoutingContext ctx) {
        HttpConnection connection = ctx.request().connection();
        if (connection instanceof ConnectionBase base) {
            // SO_LINGER 0 turns the close into an RST, which is what "connection reset by peer" looks like.
            base.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        }
        connection.close();
    }

    private void write(RoutingContext ctx, int status, String contentType, Buffer body) {
        var response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        FaultRule fault = ctx.get(Sandbox.AFTER_PROCESSING_FAULT);
        if (fault != null) {
            switch (fault.kind()) {
                case RESET_AFTER_PROCESSING -> {
                    resetConnection(ctx);
                    return;
                }
                case SLOW_BODY -> {
                    if (body != null) {
                        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
                        writeSlowly(ctx, body, 0, fault);
                        return;
                    }
                }
                case TRUNCATED_BODY -> {
                    if (body == null) {
                        resetConnection(ctx);
                        return;
                    }
                    response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                            .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
                    response.write(body.slice(0, body.length() / 2)).onComplete(written -> ctx.request().connection().close());
                    return;
                }
                default -> { }
            }
        }
        response.setStatusCode(status);
        if (body == null) {
            response.end();
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body);
        }
    }

    private void writeSlowly(RoutingContext ctx, Buffer body, int offset, FaultRule fault) {
        var response = ctx.response();
        if (response.closed()) {
            return;
        }
        int end = Math.min(body.length(), offset + fault.chunkBytes());
        if (end == body.length()) {
            response.end(body.slice(offset, end));
            return;
        }
        response.write(body.slice(offset, end));
        vertx.setTimer(fault.delay().toMillis(), timer -> writeSlowly(ctx, body, end, fault));
    }
}

package dev.firebrigade.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A forward proxy on loopback, like a company's, for testing proxy settings against the sandbox: it answers
 * {@code CONNECT host:port} with a tunnel to that address, and counts and keeps what passes through, so a test can
 * tell that the traffic went this way and what a proxy could read of it. With credentials it refuses tunnels
 * without them (407), as proxies do. Only CONNECT is served (405 otherwise).
 *
 * <pre>{@code
 * ForwardProxy proxy = ForwardProxy.start(vertx, "user", "password").await();
 * // new IncidentIoOptions().setProxyOptions(new ProxyOptions().setPort(proxy.port()).setUsername("user")…)
 * }</pre>
 */
public final class ForwardProxy {
    /** One tunnel asked for: the request line's target ({@code host:port}) and its {@code Proxy-Authorization}, or null. */
    public record Tunnel(String target, String authorization) {}

    private final Vertx vertx;
    /** Held for the proxy's lifetime: Vert.x closes an unreachable client, and its connections with it. */
    private final NetClient upstreams;
    private final String requiredAuthorization;
    private final List<Tunnel> tunnels = new CopyOnWriteArrayList<>();
    private final AtomicLong bytes = new AtomicLong();
    private final StringBuffer seen = new StringBuffer();
    private NetServer server;

    private ForwardProxy(Vertx vertx, String requiredAuthorization) {
        this.vertx = vertx;
        this.upstreams = vertx.createNetClient();
        this.requiredAuthorization = requiredAuthorization;
    }

    /** A proxy on a free loopback port that lets anybody through. */
    public static Future<ForwardProxy> start(Vertx vertx) {
        return new ForwardProxy(vertx, null).listen();
    }

    /** A proxy on a free loopback port that wants these Basic credentials. */
    public static Future<ForwardProxy> start(Vertx vertx, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ForwardProxy(vertx, "Basic " + token).listen();
    }

    private Future<ForwardProxy> listen() {
        return vertx.createNetServer().connectHandler(this::accept).listen(0, "127.0.0.1").map(listening -> {
            server = listening;
            return this;
        });
    }

    public int port() {
        return server.actualPort();
    }

    /** The tunnels asked for (opened or refused), in order. */
    public List<Tunnel> tunnels() {
        return List.copyOf(tunnels);
    }

    /** Bytes relayed through the tunnels, both ways. */
    public long bytesRelayed() {
        return bytes.get();
    }

    /** Everything the proxy could read, as ISO-8859-1 text: the CONNECT requests and the tunnels' bytes. */
    public String seen() {
        return seen.toString();
    }

    public Future<Void> close() {
        return server.close().eventually(upstreams::close);
    }

    private void accept(NetSocket client) {
        var head = Buffer.buffer();
        client.handler(chunk -> {
            head.appendBuffer(chunk);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                // Nothing more arrives before our answer: a client waits for it before it speaks through the tunnel.
                client.pause();
                seen.append(text, 0, end + 4);
                open(client, text.substring(0, end).split("\r\n"));
            }
        });
    }

    private void open(NetSocket client, String[] lines) {
        String[] requestLine = lines[0].split(" ");
        String authorization = null;
        for (String line : lines) {
            if (line.regionMatches(true, 0, "Proxy-Authorization:", 0, 20)) {
                authorization = line.substring(20).strip();
            }
        }
        String target = requestLine.length > 1 ? requestLine[1] : "";
        tunnels.add(new Tunnel(target, authorization));
        int colon = target.lastIndexOf(':');
        if (!requestLine[0].equals("CONNECT") || colon < 0) {
            client.end(Buffer.buffer("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"));
        } else if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
            client.end(Buffer.buffer("HTTP/1.1 407 Proxy Authentication Required\r\n"
                    + "Proxy-Authenticate: Basic realm=\"sandbox\"\r\nContent-Length: 0\r\n\r\n"));
        } else {
            upstreams.connect(Integer.parseInt(target.substring(colon + 1)), target.substring(0, colon))
                    .onFailure(e -> client.end(Buffer.buffer("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")))
                    .onSuccess(upstream -> client.write(Buffer.buffer("HTTP/1.1 200 Connection established\r\n\r\n"))
                            .onSuccess(written -> {
                                relay(client, upstream, this);
                                relay(upstream, client, this);
                                client.resume();
                            }));
        }
    }

    /** Copies {@code from} to {@code to} until either ends; {@code proxy}, when not null, counts and keeps the bytes. */
    static void relay(NetSocket from, NetSocket to, ForwardProxy proxy) {
        from.handler(chunk -> {
            if (proxy != null) {
                proxy.bytes.addAndGet(chunk.length());
                proxy.seen.append(chunk.toString(StandardCharsets.ISO_8859_1));
            }
            to.write(chunk);
        });
        from.closeHandler(closed -> to.close());
        from.exceptionHandler(failure -> to.close());
    }
}

package dev.firebrigade;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real forward proxy on loopback, as a company network has one: it answers {@code CONNECT host:port} by opening a
 * tunnel to that address, and counts and keeps what passes through, so a test can tell that traffic went this way
 * and what the proxy could read. With credentials set it refuses tunnels without them (407), as proxies do.
 */
public final class ForwardProxy implements AutoCloseable {
    /** One tunnel asked for: the request line's target and the {@code Proxy-Authorization} header, if any. */
    public record Tunnel(String target, String authorization) {
    }

    private final Vertx vertx;
    private final String requiredAuthorization;
    private final NetServer server;
    private final List<Tunnel> tunnels = new CopyOnWriteArrayList<>();
    private final AtomicLong bytes = new AtomicLong();
    private final StringBuffer seen = new StringBuffer();

    private ForwardProxy(Vertx vertx, String requiredAuthorization) {
        this.vertx = vertx;
        this.requiredAuthorization = requiredAuthorization;
        this.server = vertx.createNetServer().connectHandler(this::accept).listen(0, "127.0.0.1").await();
    }

    /** A proxy that lets anybody through. */
    public static ForwardProxy open(Vertx vertx) {
        return new ForwardProxy(vertx, null);
    }

    /** A proxy that wants Basic credentials. */
    public static ForwardProxy withCredentials(Vertx vertx, String user, String password) {
        String token = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ForwardProxy(vertx, "Basic " + token);
    }

    public int port() {
        return server.actualPort();
    }

    /** The tunnels opened (or refused), in order. */
    public List<Tunnel> tunnels() {
        return List.copyOf(tunnels);
    }

    /** Bytes relayed through the tunnels, both ways. */
    public long bytesRelayed() {
        return bytes.get();
    }

    /** Everything the proxy could read, as ISO-8859-1 text: the CONNECT requests, and the tunnels' bytes. */
    public String seen() {
        return seen.toString();
    }

    private void accept(NetSocket client) {
        var head = Buffer.buffer();
        client.handler(chunk -> {
            head.appendBuffer(chunk);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            client.pause();
            client.handler(null);
            seen.append(text, 0, end + 4);
            open(client, text.substring(0, end).split("\r\n"));
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
        tunnels.add(new Tunnel(requestLine.length > 1 ? requestLine[1] : "", authorization));
        if (!requestLine[0].equals("CONNECT")) {
            client.end(Buffer.buffer("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"));
            return;
        }
        if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
            client.end(Buffer.buffer("HTTP/1.1 407 Proxy Authentication Required\r\n"
                    + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n"));
            return;
        }
        String target = requestLine[1];
        int colon = target.lastIndexOf(':');
        vertx.createNetClient().connect(Integer.parseInt(target.substring(colon + 1)), target.substring(0, colon))
                .onFailure(e -> client.end(Buffer.buffer("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")))
                .onSuccess(upstream -> client.write(Buffer.buffer("HTTP/1.1 200 Connection established\r\n\r\n"))
                        .onSuccess(written -> {
                            relay(client, upstream, this);
                            relay(upstream, client, this);
                            client.resume();
                        }));
    }

    /** Copies {@code from} to {@code to} until either closes; {@code proxy}, when not null, counts and keeps it. */
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

    @Override
    public void close() {
        server.close().await();
    }
}

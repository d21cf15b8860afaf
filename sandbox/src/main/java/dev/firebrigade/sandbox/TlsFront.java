package dev.firebrigade.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.core.net.TrustOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;

/**
 * HTTPS in front of the sandbox (or any plain-HTTP server on loopback), with a self-signed certificate for
 * {@code localhost}: incident.io as a client meets it, TLS included, for testing trust and proxy settings.
 *
 * <pre>{@code
 * TlsFront https = TlsFront.start(vertx, sandbox.baseUrl()).await();
 * // new IncidentIoOptions().setBaseUrl(https.baseUrl())
 * //     .setHttpClientOptions(new HttpClientOptions().setTrustOptions(https.trustOptions()))
 * }</pre>
 */
public final class TlsFront {
    /** The password of {@link #trustStore(Path)}'s file. */
    public static final String TRUST_STORE_PASSWORD = "changeit";

    private final SelfSignedCertificate certificate;
    private final NetServer server;
    /** Held for the front's lifetime: Vert.x closes an unreachable client, and its connections with it. */
    private final NetClient backends;

    private TlsFront(SelfSignedCertificate certificate, NetServer server, NetClient backends) {
        this.certificate = certificate;
        this.server = server;
        this.backends = backends;
    }

    /** TLS on a free loopback port in front of {@code backendBaseUrl}, such as {@code http://127.0.0.1:8080}. */
    public static Future<TlsFront> start(Vertx vertx, String backendBaseUrl) {
        URI backend = URI.create(backendBaseUrl);
        var certificate = SelfSignedCertificate.create("localhost");
        NetClient backends = vertx.createNetClient();
        return vertx.createNetServer(new NetServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCertOptions()))
                .connectHandler(client -> {
                    client.pause();
                    backends.connect(backend.getPort(), backend.getHost())
                            .onFailure(e -> client.close())
                            .onSuccess(upstream -> {
                                ForwardProxy.relay(client, upstream, null);
                                ForwardProxy.relay(upstream, client, null);
                                client.resume();
                            });
                })
                .listen(0, "127.0.0.1")
                .map(server -> new TlsFront(certificate, server, backends));
    }

    /** The https address, by the name the certificate is for. */
    public String baseUrl() {
        return "https://localhost:" + server.actualPort();
    }

    /** What a client must trust to accept this server. */
    public TrustOptions trustOptions() {
        return certificate.trustOptions();
    }

    /**
     * Writes the certificate to {@code file} as a PKCS12 trust store (password {@value #TRUST_STORE_PASSWORD}), for a
     * JVM started with {@code -Djavax.net.ssl.trustStore=file}. Blocking: not on an event loop.
     */
    public Path trustStore(Path file) {
        try (InputStream pem = Files.newInputStream(Path.of(certificate.certificatePath()));
                  OutputStream out = Files.newOutputStream(file)) {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("localhost", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            store.store(out, TRUST_STORE_PASSWORD.toCharArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store " + file, e);
        }
    }

    public Future<Void> close() {
        return server.close().eventually(backends::close).onComplete(closed -> certificate.delete());
    }
}

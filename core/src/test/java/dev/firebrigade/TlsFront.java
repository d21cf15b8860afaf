package dev.firebrigade;

import io.vertx.core.Vertx;
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
 * HTTPS in front of a plain-HTTP server on loopback (the sandbox), with a self-signed certificate for
 * {@code localhost}: what incident.io looks like to a client, TLS included, without leaving the machine.
 */
public final class TlsFront implements AutoCloseable {
    private final SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
    private final NetServer server;

    private TlsFront(Vertx vertx, URI backend) {
        this.server = vertx.createNetServer(new NetServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCertOptions()))
                .connectHandler(client -> {
                    client.pause();
                    vertx.createNetClient().connect(backend.getPort(), backend.getHost())
                            .onFailure(e -> client.close())
                            .onSuccess(upstream -> {
                                ForwardProxy.relay(client, upstream, null);
                                ForwardProxy.relay(upstream, client, null);
                                client.resume();
                            });
                })
                .listen(0, "127.0.0.1").await();
    }

    /** TLS in front of {@code backendBaseUrl} (an {@code http://127.0.0.1:port} address). */
    public static TlsFront of(Vertx vertx, String backendBaseUrl) {
        return new TlsFront(vertx, URI.create(backendBaseUrl));
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
     * The certificate as a PKCS12 trust store (password {@code changeit}), for a JVM started with
     * {@code -Djavax.net.ssl.trustStore}.
     */
    public Path trustStore(Path file) {
        try (InputStream pem = Files.newInputStream(Path.of(certificate.certificatePath()));
             OutputStream out = Files.newOutputStream(file)) {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("localhost", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            store.store(out, "changeit".toCharArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close().await();
        certificate.delete();
    }
}

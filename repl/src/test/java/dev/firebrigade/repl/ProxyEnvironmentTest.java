package dev.firebrigade.repl;

import dev.firebrigade.sandbox.ForwardProxy;
import dev.firebrigade.sandbox.RecordedRequest;
import dev.firebrigade.sandbox.TlsFront;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts and bulk behind a company proxy: {@code HTTPS_PROXY} with credentials, as curl reads it, through a real
 * CONNECT proxy to "incident.io" over TLS (the test's sandbox behind {@link TlsFront}), trusted through the JVM's
 * standard trust-store properties in {@code FIREBRIGADE_JAVA_OPTS}. The proxy's password is never printed.
 */
class ProxyEnvironmentTest extends KeyedServerFixture {
    private static final String PASSWORD = "pa:ss@word";
    @TempDir
    Path dir;
    private ForwardProxy proxy;
    private TlsFront https;

    @BeforeEach
    void startProxyAndTls() {
        proxy = ForwardProxy.start(vertx, "fire", PASSWORD).await();
        https = TlsFront.start(vertx, incidentIo.baseUrl()).await();
        incidentIo.clearRequests();
    }

    @AfterEach
    void stopProxyAndTls() {
        proxy.close().await();
        https.close().await();
    }

    private Map<String, String> behindTheProxy() {
        var env = new HashMap<String, String>();
        env.put("INCIDENT_IO_API_KEY", incidentIo.apiKey());
        env.put("INCIDENT_IO_BASE_URL", https.baseUrl());
        env.put("HTTPS_PROXY", "http://fire:pa%3Ass%40word@127.0.0.1:" + proxy.port());
        env.put("FIREBRIGADE_JAVA_OPTS", "-Djavax.net.ssl.trustStore=" + https.trustStore(dir.resolve("trust.p12"))
                + " -Djavax.net.ssl.trustStorePassword=" + TlsFront.TRUST_STORE_PASSWORD);
        return env;
    }

    @Test
    void aScriptReachesIncidentIoThroughTheProxy() {
        Path script = Run.scriptFile(
                "var a = actions().forIncident(\"INC-2\").describe(\"Via the proxy\").assignTo(\"lisa@incident.io\")"
                        + ".create().await();",
                "println(\"Created \" + a.description());");

        Run run = Run.script(behindTheProxy(), "", "run", script.toString());

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).contains("Created Via the proxy");
        assertThroughTheProxy(run, "POST");
    }

    @Test
    void aBulkReachesIncidentIoThroughTheProxy() throws IOException {
        Path csv = Files.writeString(dir.resolve("actions.csv"), """
                incident,description,assignee
                INC-2,Via the proxy,lisa@incident.io
                """);

        Run run = Run.script(behindTheProxy(), "", "bulk", csv.toString(), "--no-journal");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).contains("created                 1");
        assertThroughTheProxy(run, "POST");
    }

    private void assertThroughTheProxy(Run run, String method) {
        assertThat(proxy.tunnels()).as(run.all()).isNotEmpty().allSatisfy(tunnel -> {
            assertThat(tunnel.target()).isEqualTo(https.baseUrl().substring("https://".length()));
            assertThat(tunnel.authorization()).startsWith("Basic ");
        });
        assertThat(incidentIo.requests()).extracting(RecordedRequest::method).contains(method);
        assertThat(run.all()).doesNotContain(PASSWORD).doesNotContain("pa%3Ass%40word").doesNotContain("ss@word");
    }
}

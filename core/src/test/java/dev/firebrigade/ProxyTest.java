package dev.firebrigade;

import dev.firebrigade.error.ConnectionException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.Action;
import dev.firebrigade.sandbox.ForwardProxy;
import dev.firebrigade.sandbox.TlsFront;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proxies and TLS settings through the base {@link HttpClientOptions}: a real CONNECT proxy started here, in front
 * of the sandbox behind TLS, and the environment variables read as curl reads them.
 */
class ProxyTest extends SandboxFixture {
    private static final String PROXY_PASSWORD = "s3cr:t@pw";
    /** The sandbox over https; one per class, as making its certificate takes most of a second. */
    private static TlsFront https;
    private ForwardProxy proxy;

    @BeforeAll
    static void startTls() {
        https = TlsFront.start(vertx, sandbox.baseUrl()).await();
    }

    @AfterAll
    static void stopTls() {
        https.close().await();
    }

    @BeforeEach
    void startProxy() {
        proxy = ForwardProxy.start(vertx, "fire", PROXY_PASSWORD).await();
    }

    @AfterEach
    void stopProxy() {
        proxy.close().await();
    }

    @Test
    void everyRequestGoesThroughTheProxyTunnelAndTheKeyIsNeverReadableThere() {
        var options = clientOptions().setBaseUrl(https.baseUrl())
                .setHttpClientOptions(new HttpClientOptions().setTrustOptions(https.trustOptions()).setMetricsName("fire"))
                .setProxyOptions(new ProxyOptions().setHost("127.0.0.1").setPort(proxy.port())
                        .setUsername("fire").setPassword(PROXY_PASSWORD));
        IncidentIo client = IncidentIo.create(vertx, options);
        try {
            Action created = client.actions().forIncident(INCIDENT).describe("Through the proxy").assignTo(LISA)
                    .create().await();

            assertThat(sandbox.state().action(created.id())).isPresent();
            assertThat(proxy.tunnels()).extracting(ForwardProxy.Tunnel::target).isNotEmpty()
                    .allMatch(target -> target.equals("localhost:" + https.baseUrl().replaceAll(".*:", "")));
            assertThat(proxy.tunnels()).extracting(ForwardProxy.Tunnel::authorization).allMatch(a -> a.startsWith("Basic "));
            assertThat(proxy.bytesRelayed()).as("the exchanges passed through the proxy").isGreaterThan(1000);
            assertThat(proxy.seen()).as("TLS from end to end: the proxy cannot read the key or the body")
                    .doesNotContain(sandbox.apiKey()).doesNotContain("Through the proxy");
            assertThat(options.toString()).contains("proxy=http://****@127.0.0.1:" + proxy.port())
                    .doesNotContain(PROXY_PASSWORD).doesNotContain("fire@");
        } finally {
            client.close().await();
        }
    }

    @Test
    void aProxyThatRefusesTheCredentialsIsAConnectionFailureWithNothingSent() {
        var options = clientOptions().setBaseUrl(https.baseUrl()).setRetryPolicy(RetryPolicy.none())
                .setHttpClientOptions(new HttpClientOptions().setTrustOptions(https.trustOptions()))
                .setProxyOptions(new ProxyOptions().setHost("127.0.0.1").setPort(proxy.port())
                        .setUsername("fire").setPassword("wrong"));
        IncidentIo client = IncidentIo.create(vertx, options);
        try {
            assertThatThrownBy(() -> client.identity().await()).isInstanceOfSatisfying(ConnectionException.class,
                    e -> assertThat(e.requestWritten()).isFalse());
            assertThat(sandbox.requests()).isEmpty();
            assertThat(proxy.tunnels()).hasSize(1);
        } finally {
            client.close().await();
        }
    }

    @Test
    void theServerMustProveItsNameWhateverTheBaseOptionsSay() {
        var options = clientOptions().setBaseUrl(https.baseUrl()).setRetryPolicy(RetryPolicy.none())
                .setHttpClientOptions(new HttpClientOptions().setTrustAll(true).setVerifyHost(false));
        IncidentIo client = IncidentIo.create(vertx, options);
        try {
            assertThatThrownBy(() -> client.identity().await()).isInstanceOf(ConnectionException.class);
            assertThat(sandbox.requests()).as("an untrusted server never gets the key").isEmpty();
        } finally {
            client.close().await();
        }
    }

    @Test
    void theEnvironmentChoosesAProxyAsCurlDoes() {
        var env = Map.of("INCIDENT_IO_API_KEY", "k", "HTTPS_PROXY", "http://fire:s3cr%3At%40pw@proxy.corp:3128",
                "http_proxy", "http://plain.corp:8080");
        ProxyOptions proxy = IncidentIo.optionsFrom(env).getProxyOptions();

        assertThat(proxy.getType()).isEqualTo(ProxyType.HTTP);
        assertThat(proxy.getHost()).isEqualTo("proxy.corp");
        assertThat(proxy.getPort()).isEqualTo(3128);
        assertThat(proxy.getUsername()).isEqualTo("fire");
        assertThat(proxy.getPassword()).isEqualTo(PROXY_PASSWORD);
        assertThat(IncidentIo.optionsFrom(env).toString()).doesNotContain("s3cr").doesNotContain("fire");
        assertThat(IncidentIo.optionsFrom(Map.of("INCIDENT_IO_API_KEY", "k", "INCIDENT_IO_BASE_URL",
                "http://127.0.0.1:8080", "http_proxy", "plain.corp")).getProxyOptions())
                .as("http URLs use http_proxy; no scheme means http, no port means 1080")
                .extracting(ProxyOptions::getHost, ProxyOptions::getPort).containsExactly("plain.corp", 1080);
        assertThat(IncidentIo.optionsFrom(Map.of("INCIDENT_IO_API_KEY", "k", "ALL_PROXY", "socks5h://socks.corp:1080"))
                .getProxyOptions().getType()).isEqualTo(ProxyType.SOCKS5);
        assertThat(IncidentIo.optionsFrom(Map.of("INCIDENT_IO_API_KEY", "k")).getProxyOptions()).isNull();
    }

    @Test
    void noProxyListsHostsAndDomainsThatGoDirect() {
        for (String noProxy : new String[] {"*", "incident.io", ".incident.io", "localhost, api.incident.io", "API.incident.io"}) {
            var env = Map.of("INCIDENT_IO_API_KEY", "k", "HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", noProxy);
            assertThat(IncidentIo.optionsFrom(env).getProxyOptions()).as(noProxy).isNull();
        }
        var env = Map.of("INCIDENT_IO_API_KEY", "k", "HTTPS_PROXY", "http://proxy.corp:3128", "no_proxy", "notincident.io,localhost");
        assertThat(IncidentIo.optionsFrom(env).getProxyOptions()).as("a suffix must start at a dot").isNotNull();
    }

    @Test
    void aBadProxyVariableIsNamedWithoutShowingItsValue() {
        var env = Map.of("INCIDENT_IO_API_KEY", "k", "HTTPS_PROXY", "https://fire:hunter2@proxy.corp");
        assertThatThrownBy(() -> IncidentIo.optionsFrom(env)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("HTTPS_PROXY");
            assertThat(e.getMessage()).doesNotContain("hunter2");
        });
    }
}

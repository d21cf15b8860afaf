package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.tracing.TracingPolicy;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON form of the options, as vertx-config hands it over: every option, read back as written, strictly. */
class OptionsJsonTest {
    private static final String SECRET = "inc_live_5f0a9c1e7b3d4a2f8e6c9f2c";

    private static IncidentIoOptions everythingChanged() {
        return new IncidentIoOptions()
                .setBaseUrl("https://incident.example/api")
                .setApiKey(SECRET)
                .setActionsApi(ActionsApi.V3)
                .setConnectTimeout(Duration.ofMillis(2500))
                .setIdleTimeout(Duration.ofSeconds(7))
                .setRequestTimeout(Duration.ofSeconds(20))
                .setCallTimeout(Duration.ofMinutes(3))
                .setMaxConnections(8)
                .setMaxInFlight(16)
                .setMaxResponseBytes(1_000_000)
                .setRetryPolicy(RetryPolicy.defaults().withMaxAttempts(6).withBackoff(Duration.ofMillis(100),
                        Duration.ofSeconds(3)).withMultiplier(1.5).withJitter(0.25).withMaxRetryAfter(Duration.ofSeconds(30))
                        .withRetryStatuses(502, 503).withCreateAttempts(2).withReconciliation(false)
                        .withReconcileDelay(Duration.ofMillis(300)).withClockSkewTolerance(Duration.ofSeconds(9)))
                .setRateLimit(RateLimitPolicy.of(600, 10).withSlowDownBelow(0.2))
                .setUserAgentSuffix("oncall-bot/2")
                .setResolutionCacheSize(50)
                .setResolutionCacheTtl(Duration.ofMinutes(1))
                .setHttpClientOptions(new HttpClientOptions().setMetricsName("incident-io")
                        .setTracingPolicy(TracingPolicy.ALWAYS).setKeepAliveTimeout(20))
                .setProxyOptions(new ProxyOptions().setHost("proxy.corp").setPort(3128));
    }

    @Test
    void everyOptionReadsBackAsWrittenExceptTheKey() {
        JsonObject json = everythingChanged().toJson();
        IncidentIoOptions read = new IncidentIoOptions(json);

        assertThat(read.toJson()).isEqualTo(json);
        assertThat(read.toString()).isEqualTo(new IncidentIoOptions(everythingChanged()).setApiKey((ApiKey) null)
                .toString());
        assertThat(json.encode()).doesNotContain(SECRET).doesNotContain("apiKey");
        assertThat(read.getApiKey()).isNull();
        assertThat(read.getProxyOptions().getHost()).isEqualTo("proxy.corp");
        assertThat(read.getHttpClientOptions().getTracingPolicy()).isEqualTo(TracingPolicy.ALWAYS);
        assertThat(json.getString("connectTimeout")).isEqualTo("PT2.5S");
        assertThat(json.getString("actionsApi")).isEqualTo("v3");
    }

    /** A setter added later without its JSON name would silently be lost from configuration files. */
    @Test
    void theJsonFormNamesEverySetter() {
        Set<String> settable = Arrays.stream(IncidentIoOptions.class.getMethods())
                .filter(m -> m.getName().startsWith("set") && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .map(name -> Character.toLowerCase(name.charAt(3)) + name.substring(4))
                .collect(Collectors.toSet());
        settable.removeAll(Set.of("apiKey", "proxyOptions")); // the secret, and a part of httpClientOptions

        assertThat(new IncidentIoOptions().toJson().fieldNames()).containsAll(settable);
    }

    @Test
    void durationsAreIso8601OrMilliseconds() {
        var options = new IncidentIoOptions(new JsonObject().put("connectTimeout", "PT5S").put("idleTimeout", 1500)
                .put("retryPolicy", new JsonObject().put("initialBackoff", 250).put("maxBackoff", "PT2S"))
                .put("apiKey", SECRET).put("actionsApi", "V2"));

        assertThat(options.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.getIdleTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.getRetryPolicy().initialBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.getRetryPolicy().maxBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.getRetryPolicy().maxAttempts()).as("the rest keeps its default").isEqualTo(4);
        assertThat(options.getApiKey().reveal()).isEqualTo(SECRET);
        assertThat(options.getActionsApi()).isEqualTo(ActionsApi.V2);
        assertThat(new IncidentIoOptions(new JsonObject().put("rateLimit", new JsonObject().put("enabled", false)))
                .getRateLimit().enabled()).isFalse();
    }

    @Test
    void aMisspeltNameOrAWrongValueIsNamedWithItsPath() {
        assertThatThrownBy(() -> new IncidentIoOptions(new JsonObject().put("conectTimeout", "PT5S")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("conectTimeout"))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new IncidentIoOptions(new JsonObject().put("idleTimeout", "5 seconds")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("idleTimeout"))
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> new IncidentIoOptions(new JsonObject()
                .put("retryPolicy", new JsonObject().put("maxAttempts", 2.5))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("retryPolicy.maxAttempts"));
        assertThatThrownBy(() -> new IncidentIoOptions(new JsonObject()
                .put("retryPolicy", new JsonObject().put("initialBackoff", "PT5S").put("maxBackoff", "PT1S"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> new IncidentIoOptions(new JsonObject().put("maxConnections", 0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> new IncidentIoOptions(new JsonObject().put("actionsApi", "v4")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("actionsApi");
        assertThatThrownBy(() -> new IncidentIoOptions(new JsonObject().put("rateLimit", new JsonObject().put("burst", 5))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("rateLimit.burst"));
    }

    @Test
    void aValueInTheWrongPlaceIsNotEchoed() {
        assertThatThrownBy(() -> new IncidentIoOptions(new JsonObject().put("baseUrl", new JsonObject().put("key", SECRET))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("baseUrl")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }
}

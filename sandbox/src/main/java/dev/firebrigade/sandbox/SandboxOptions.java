package dev.firebrigade.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Configuration of a {@link Sandbox}: where it listens, which API keys it accepts, what it seeds and enforces. */
public final class SandboxOptions {
    /** The key a default sandbox accepts; not a secret, it only opens the simulator. */
    public static final String DEMO_API_KEY = "sandbox-demo-key";
    public static final String DEMO_API_KEY_NAME = "Firebrigade sandbox";

    private String host = "127.0.0.1";
    private int port = 0;
    private Map<String, String> apiKeys = new LinkedHashMap<>(Map.of(DEMO_API_KEY, DEMO_API_KEY_NAME));
    private boolean seedDemoData = true;
    private boolean rateLimitEnabled = true;
    private long rateLimitCapacity = 1200;
    private double rateLimitRefillPerSecond = 20;
    private Path contractSpec;
    private int actionsV2RemovedStatus;
    private boolean normaliseLineEnds;
    /** Svix's schedule in miniature (see {@link SandboxWebhooks#SVIX_RETRY_DELAYS}), so tests see retries in seconds. */
    public static final List<Duration> DEFAULT_WEBHOOK_RETRY_DELAYS = List.of(Duration.ofMillis(100),
            Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));
    private List<Duration> webhookRetryDelays = DEFAULT_WEBHOOK_RETRY_DELAYS;
    private Map<String, String> webhookEndpoints = new LinkedHashMap<>();

    public SandboxOptions() {}

    public SandboxOptions(SandboxOptions other) {
        this.host = other.host;
        this.port = other.port;
        this.apiKeys = new LinkedHashMap<>(other.apiKeys);
        this.seedDemoData = other.seedDemoData;
        this.rateLimitEnabled = other.rateLimitEnabled;
        this.rateLimitCapacity = other.rateLimitCapacity;
        this.rateLimitRefillPerSecond = other.rateLimitRefillPerSecond;
        this.contractSpec = other.contractSpec;
        this.actionsV2RemovedStatus = other.actionsV2RemovedStatus;
        this.normaliseLineEnds = other.normaliseLineEnds;
        this.webhookRetryDelays = other.webhookRetryDelays;
        this.webhookEndpoints = new LinkedHashMap<>(other.webhookEndpoints);
    }

    public String getHost() {
        return host;
    }

    /** The interface to bind; loopback by default so the simulator is never reachable from a network. */
    public SandboxOptions setHost(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    public int getPort() {
        return port;
    }

    /** The port to listen on; 0 (the default) picks a free one, see {@link Sandbox#port()}. */
    public SandboxOptions setPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        this.port = port;
        return this;
    }

    /** Accepted API keys: key value to key name (the name shows in {@code /v1/identity} and in action creators). */
    public Map<String, String> getApiKeys() {
        return Collections.unmodifiableMap(apiKeys);
    }

    /** Replaces the accepted keys; the first one (in the map's order) is {@link Sandbox#apiKey()}. */
    public SandboxOptions setApiKeys(Map<String, String> apiKeys) {
        if (apiKeys.isEmpty()) {
            throw new IllegalArgumentException("a sandbox needs at least one API key");
        }
        this.apiKeys = new LinkedHashMap<>(apiKeys);
        return this;
    }

    /** Adds an accepted key after the existing ones. */
    public SandboxOptions addApiKey(String keyValue, String keyName) {
        apiKeys.put(Objects.requireNonNull(keyValue, "keyValue"), Objects.requireNonNull(keyName, "keyName"));
        return this;
    }

    public boolean isSeedDemoData() {
        return seedDemoData;
    }

    /** Whether to start with the demo incidents, users and actions (see {@code DemoData}); default true. */
    public SandboxOptions setSeedDemoData(boolean seedDemoData) {
        this.seedDemoData = seedDemoData;
        return this;
    }

    public boolean isRateLimitEnabled() {
        return rateLimitEnabled;
    }

    /** Whether the per-key token bucket is enforced (and its headers sent); default true. */
    public SandboxOptions setRateLimitEnabled(boolean rateLimitEnabled) {
        this.rateLimitEnabled = rateLimitEnabled;
        return this;
    }

    public long getRateLimitCapacity() {
        return rateLimitCapacity;
    }

    /** Bucket size per API key; default 1200, incident.io's documented default. */
    public SandboxOptions setRateLimitCapacity(long rateLimitCapacity) {
        if (rateLimitCapacity < 1) {
            throw new IllegalArgumentException("rateLimitCapacity must be positive, was " + rateLimitCapacity);
        }
        this.rateLimitCapacity = rateLimitCapacity;
        return this;
    }

    public double getRateLimitRefillPerSecond() {
        return rateLimitRefillPerSecond;
    }

    /** Tokens added per second, continuously; default 20, incident.io's documented default. */
    public SandboxOptions setRateLimitRefillPerSecond(double rateLimitRefillPerSecond) {
        if (!(rateLimitRefillPerSecond > 0)) {
            throw new IllegalArgumentException("rateLimitRefillPerSecond must be positive, was " + rateLimitRefillPerSecond);
        }
        this.rateLimitRefillPerSecond = rateLimitRefillPerSecond;
        return this;
    }

    public Path getContractSpec() {
        return contractSpec;
    }

    /**
     * The OpenAPI spec to check traffic against; when set, every JSON request and response is validated and
     * violations collected in {@link Sandbox#contractViolations()}. Null (the default) disables validation.
     */
    public SandboxOptions setContractSpec(Path contractSpec) {
        this.contractSpec = contractSpec;
        return this;
    }

    public int getActionsV2RemovedStatus() {
        return actionsV2RemovedStatus;
    }

    /**
     * Simulates incident.io after it removed {@code /v2/actions} (on 2026-12-31): every v2 actions route answers
     * {@code status}, 404 or 410, with an error naming the v3 replacement. 0, the default, serves v2 as deprecated.
     */
    public SandboxOptions setActionsV2RemovedStatus(int status) {
        if (status != 0 && status != 404 && status != 410) {
            throw new IllegalArgumentException("actionsV2RemovedStatus must be 0 (served), 404 or 410, was " + status);
        }
        this.actionsV2RemovedStatus = status;
        return this;
    }

    public List<Duration> getWebhookRetryDelays() {
        return webhookRetryDelays;
    }

    /**
     * The waits between a failed webhook attempt and the next one; when they run out the message is given up. Default
     * {@link #DEFAULT_WEBHOOK_RETRY_DELAYS} (six attempts over about 18 s); {@link SandboxWebhooks#SVIX_RETRY_DELAYS}
     * is the real schedule.
     */
    public SandboxOptions setWebhookRetryDelays(List<Duration> webhookRetryDelays) {
        if (webhookRetryDelays.stream().anyMatch(delay -> delay.isNegative())) {
            throw new IllegalArgumentException("webhook retry delays cannot be negative: " + webhookRetryDelays);
        }
        this.webhookRetryDelays = List.copyOf(webhookRetryDelays);
        return this;
    }

    /** Endpoint URL to its signing secret, registered when the sandbox starts. */
    public Map<String, String> getWebhookEndpoints() {
        return Collections.unmodifiableMap(webhookEndpoints);
    }

    /**
     * Delivers every change to actions and incidents to {@code url}, signed with {@code secret} ({@code whsec_…});
     * more endpoints can be registered later with {@link Sandbox#webhooks()}.
     */
    public SandboxOptions addWebhookEndpoint(String url, String secret) {
        webhookEndpoints.put(Objects.requireNonNull(url, "url"), Objects.requireNonNull(secret, "secret"));
        return this;
    }

    public boolean isNormaliseLineEnds() {
        return normaliseLineEnds;
    }

    /**
     * Stores descriptions with CRLF and CR turned into LF, as a server that normalises text would: a client must
     * still recognise its own create when the listing gives the text back changed. Off by default (stored as sent).
     */
    public SandboxOptions setNormaliseLineEnds(boolean normaliseLineEnds) {
        this.normaliseLineEnds = normaliseLineEnds;
        return this;
    }

    @Override
    public String toString() {
        // Key values are secrets in a real deployment habit; only names are shown.
        return "SandboxOptions{host=" + host + ", port=" + port + ", apiKeyNames=" + apiKeys.values()
                + ", seedDemoData=" + seedDemoData + ", rateLimit=" + (rateLimitEnabled
                        ? rateLimitCapacity + " @ " + rateLimitRefillPerSecond + "/s" : "off")
                + ", contractSpec=" + contractSpec
                + (actionsV2RemovedStatus == 0 ? "" : ", actionsV2Removed=" + actionsV2RemovedStatus)
                + ", webhookEndpoints=" + webhookEndpoints.keySet() + "}";
    }
}

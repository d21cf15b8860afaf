package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.internal.transport.HeaderValues;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ProxyOptions;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Configuration of one {@link IncidentIo} client, with fluent setters, a copy constructor and a JSON form (for
 * vertx-config); the key is redacted in {@link #toString()} and left out of {@link #toJson()}.
 */
public final class IncidentIoOptions {
    /** incident.io's production API. */
    public static final String DEFAULT_BASE_URL = "https://api.incident.io";
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private String baseUrl = DEFAULT_BASE_URL;
    private ApiKey apiKey;
    private ActionsApi actionsApi = ActionsApi.V3;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = Duration.ofMinutes(2);
    private int maxConnections = 64;
    private int maxInFlight = 64;
    private long maxResponseBytes = 10L * 1024 * 1024;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RateLimitPolicy rateLimit = RateLimitPolicy.incidentIo();
    private String userAgentSuffix;
    private int resolutionCacheSize = 1000;
    private Duration resolutionCacheTtl = Duration.ofMinutes(10);
    private HttpClientOptions httpClientOptions = new HttpClientOptions();

    public IncidentIoOptions() {
    }

    /**
     * Options from their JSON form, as {@link #toJson()} writes it: each option under its setter's name without
     * {@code set} ({@code "baseUrl"}, {@code "connectTimeout"}, …), plus {@code "apiKey"}. Durations are ISO-8601
     * ({@code "PT10S"}) or a number of milliseconds; {@code "actionsApi"} is {@code "v2"} or {@code "v3"};
     * {@code "retryPolicy"} and {@code "rateLimit"} are objects read by {@link RetryPolicy#fromJson} and
     * {@link RateLimitPolicy#fromJson}; {@code "httpClientOptions"} is Vert.x's own JSON form of
     * {@link HttpClientOptions}. Absent options keep their defaults.
     *
     * @throws InvalidInputException for a name that is not an option (a typo would otherwise be ignored) or a value
     *                               the setter refuses, naming it
     */
    public IncidentIoOptions(JsonObject json) {
        OptionsJson.read(json, "", Map.ofEntries(
                Map.entry("baseUrl", v -> setBaseUrl(v.string())),
                Map.entry("apiKey", v -> setApiKey(v.string())),
                Map.entry("actionsApi", v -> setActionsApi(actionsApi(v))),
                Map.entry("connectTimeout", v -> setConnectTimeout(v.duration())),
                Map.entry("idleTimeout", v -> setIdleTimeout(v.duration())),
                Map.entry("requestTimeout", v -> setRequestTimeout(v.duration())),
                Map.entry("callTimeout", v -> setCallTimeout(v.duration())),
                Map.entry("maxConnections", v -> setMaxConnections(v.integer())),
                Map.entry("maxInFlight", v -> setMaxInFlight(v.integer())),
                Map.entry("maxResponseBytes", v -> setMaxResponseBytes(v.longInteger())),
                Map.entry("retryPolicy", v -> setRetryPolicy(RetryPolicy.fromJson(v.object()))),
                Map.entry("rateLimit", v -> setRateLimit(RateLimitPolicy.fromJson(v.object()))),
                Map.entry("userAgentSuffix", v -> setUserAgentSuffix(v.string())),
                Map.entry("resolutionCacheSize", v -> setResolutionCacheSize(v.integer())),
                Map.entry("resolutionCacheTtl", v -> setResolutionCacheTtl(v.duration())),
                Map.entry("httpClientOptions", v -> setHttpClientOptions(new HttpClientOptions(v.object())))));
    }

    /** A copy of {@code other}. */
    public IncidentIoOptions(IncidentIoOptions other) {
        this.baseUrl = other.baseUrl;
        this.apiKey = other.apiKey;
        this.actionsApi = other.actionsApi;
        this.connectTimeout = other.connectTimeout;
        this.idleTimeout = other.idleTimeout;
        this.requestTimeout = other.requestTimeout;
        this.callTimeout = other.callTimeout;
        this.maxConnections = other.maxConnections;
        this.maxInFlight = other.maxInFlight;
        this.maxResponseBytes = other.maxResponseBytes;
        this.retryPolicy = other.retryPolicy;
        this.rateLimit = other.rateLimit;
        this.userAgentSuffix = other.userAgentSuffix;
        this.resolutionCacheSize = other.resolutionCacheSize;
        this.resolutionCacheTtl = other.resolutionCacheTtl;
        this.httpClientOptions = new HttpClientOptions(other.httpClientOptions);
    }

    /**
     * Every option in the JSON form that {@link #IncidentIoOptions(JsonObject)} reads, durations as ISO-8601, except
     * the API key: configuration gets printed and stored, the key must not be. Put it in yourself
     * ({@code .put("apiKey", …)}) only where the result stays secret. {@code "httpClientOptions"} is Vert.x's form,
     * which holds a proxy password or key store password when you set one.
     */
    public JsonObject toJson() {
        return new JsonObject()
                .put("baseUrl", baseUrl)
                .put("actionsApi", actionsApi.name().toLowerCase(Locale.ROOT))
                .put("connectTimeout", OptionsJson.write(connectTimeout))
                .put("idleTimeout", OptionsJson.write(idleTimeout))
                .put("requestTimeout", OptionsJson.write(requestTimeout))
                .put("callTimeout", OptionsJson.write(callTimeout))
                .put("maxConnections", maxConnections)
                .put("maxInFlight", maxInFlight)
                .put("maxResponseBytes", maxResponseBytes)
                .put("retryPolicy", retryPolicy.toJson())
                .put("rateLimit", rateLimit.toJson())
                .put("userAgentSuffix", userAgentSuffix)
                .put("resolutionCacheSize", resolutionCacheSize)
                .put("resolutionCacheTtl", OptionsJson.write(resolutionCacheTtl))
                .put("httpClientOptions", httpClientOptions.toJson());
    }

    private static ActionsApi actionsApi(OptionsJson value) {
        String name = value.string();
        for (ActionsApi api : ActionsApi.values()) {
            if (api.name().equalsIgnoreCase(name)) {
                return api;
            }
        }
        throw new InvalidInputException(value.name(), "is neither v2 nor v3", "give \"v3\" (or \"v2\" until 2026-12-31)");
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Where incident.io is, {@value #DEFAULT_BASE_URL} by default. Plain {@code http://} is accepted only for loopback
     * hosts (a local sandbox), so the key never crosses a network in clear.
     */
    public IncidentIoOptions setBaseUrl(String baseUrl) {
        this.baseUrl = checkedBaseUrl(baseUrl);
        return this;
    }

    public ApiKey getApiKey() {
        return apiKey;
    }

    public IncidentIoOptions setApiKey(ApiKey apiKey) {
        this.apiKey = apiKey;
        return this;
    }

    /** Shorthand for {@code setApiKey(ApiKey.of(secret))}. */
    public IncidentIoOptions setApiKey(String secret) {
        return setApiKey(ApiKey.of(secret));
    }

    public ActionsApi getActionsApi() {
        return actionsApi;
    }

    /**
     * Which actions endpoints every actions call uses, {@link ActionsApi#V3} by default; the DSL is the same for both.
     * {@link ActionsApi#V2} stays selectable until incident.io removes it on {@link ActionsApi#V2_REMOVAL}.
     */
    public IncidentIoOptions setActionsApi(ActionsApi actionsApi) {
        this.actionsApi = Objects.requireNonNull(actionsApi, "actionsApi");
        return this;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public IncidentIoOptions setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = positive("connectTimeout", connectTimeout);
        return this;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    /** How long a connection may stay silent while a response is awaited. */
    public IncidentIoOptions setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = positive("idleTimeout", idleTimeout);
        return this;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * The deadline of one HTTP exchange (one attempt), from sending to the last byte of the answer, however slowly
     * the bytes trickle in. 60 s by default.
     */
    public IncidentIoOptions setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = positive("requestTimeout", requestTimeout);
        return this;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    /**
     * The overall deadline of one call, everything included: waiting for the rate limit or a free slot, every
     * attempt, the waits between them and, for a create, its reconciliation. 2 minutes by default. A call that has
     * not started sending by then fails without having sent anything.
     */
    public IncidentIoOptions setCallTimeout(Duration callTimeout) {
        this.callTimeout = positive("callTimeout", callTimeout);
        return this;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /** The size of the connection pool to incident.io. */
    public IncidentIoOptions setMaxConnections(int maxConnections) {
        if (maxConnections < 1) {
            throw new InvalidInputException("maxConnections", "must be at least 1", "pass a positive number");
        }
        this.maxConnections = maxConnections;
        return this;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    /**
     * How many requests may be on the wire at once, 64 by default; more wait in a queue (no thread blocks) until one
     * finishes or their call's deadline passes.
     */
    public IncidentIoOptions setMaxInFlight(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new InvalidInputException("maxInFlight", "must be at least 1", "pass a positive number");
        }
        this.maxInFlight = maxInFlight;
        return this;
    }

    public long getMaxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * The largest response body the client reads, 10 MiB by default; a larger one is abandoned as soon as it is
     * known to be too large (from its {@code Content-Length}, or while it streams in) with a
     * {@code ResponseTooLargeException}.
     */
    public IncidentIoOptions setMaxResponseBytes(long maxResponseBytes) {
        if (maxResponseBytes < 1) {
            throw new InvalidInputException("maxResponseBytes", "must be at least 1", "pass e.g. 10 * 1024 * 1024");
        }
        this.maxResponseBytes = maxResponseBytes;
        return this;
    }

    public RetryPolicy getRetryPolicy() {
        return retryPolicy;
    }

    /** When to try again, {@link RetryPolicy#defaults()} unless set; {@link RetryPolicy#none()} turns retries off. */
    public IncidentIoOptions setRetryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return this;
    }

    public RateLimitPolicy getRateLimit() {
        return rateLimit;
    }

    /**
     * The client's own rate limit, {@link RateLimitPolicy#incidentIo()} (1,200 burst, 20/s) unless set;
     * {@link RateLimitPolicy#none()} turns it off.
     */
    public IncidentIoOptions setRateLimit(RateLimitPolicy rateLimit) {
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        return this;
    }

    public String getUserAgentSuffix() {
        return userAgentSuffix;
    }

    /**
     * Appended to the User-Agent, to tell incident.io which tool of yours is calling. Printable ASCII only: a line
     * break would let it forge headers, and other characters do not survive an HTTP header.
     */
    public IncidentIoOptions setUserAgentSuffix(String suffix) {
        if (suffix != null) {
            HeaderValues.check("userAgentSuffix", suffix);
        }
        this.userAgentSuffix = suffix;
        return this;
    }

    public int getResolutionCacheSize() {
        return resolutionCacheSize;
    }

    /**
     * How many resolved references (emails to user IDs, {@code INC-123} to incident IDs) the client remembers, per
     * kind; 1000 by default, 0 to remember none (concurrent lookups of one reference still share a request).
     */
    public IncidentIoOptions setResolutionCacheSize(int size) {
        if (size < 0) {
            throw new InvalidInputException("resolutionCacheSize", "is negative", "pass 0 or more");
        }
        this.resolutionCacheSize = size;
        return this;
    }

    public Duration getResolutionCacheTtl() {
        return resolutionCacheTtl;
    }

    /** How long a resolved reference is trusted, 10 minutes by default; zero remembers none. */
    public IncidentIoOptions setResolutionCacheTtl(Duration ttl) {
        if (ttl == null || ttl.isNegative()) {
            throw new InvalidInputException("resolutionCacheTtl", "must be zero or positive",
                    "pass e.g. Duration.ofMinutes(10)");
        }
        this.resolutionCacheTtl = ttl;
        return this;
    }

    /** The base of the HTTP client's settings (a live reference, as Vert.x options are); never null. */
    public HttpClientOptions getHttpClientOptions() {
        return httpClientOptions;
    }

    /**
     * The base of the HTTP client's settings, copied: proxy, TLS trust and key stores, metrics name, tracing policy,
     * TCP and pool-idle settings. The client overrides only what its promises need: the connect timeout (from
     * {@link #setConnectTimeout}), HTTP/1.1 (the pool is {@link #setMaxConnections} connections), host verification
     * on and trust-all off (the key goes only to a server that proved who it is), and it never follows redirects.
     */
    public IncidentIoOptions setHttpClientOptions(HttpClientOptions options) {
        this.httpClientOptions = new HttpClientOptions(Objects.requireNonNull(options, "httpClientOptions"));
        return this;
    }

    /** The proxy of {@link #getHttpClientOptions()}, or null for none. */
    public ProxyOptions getProxyOptions() {
        return httpClientOptions.getProxyOptions();
    }

    /**
     * Sends every request through this proxy (an HTTP proxy tunnels with CONNECT to an https base URL), or through
     * none when null. {@link IncidentIo#optionsFrom(Map)} sets it from {@code HTTPS_PROXY} and friends, as curl does.
     */
    public IncidentIoOptions setProxyOptions(ProxyOptions proxy) {
        httpClientOptions.setProxyOptions(proxy == null ? null : new ProxyOptions(proxy));
        return this;
    }

    private static Duration positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidInputException(name, "must be a positive duration", "pass e.g. Duration.ofSeconds(10)");
        }
        return value;
    }

    private static String checkedBaseUrl(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("base_url", "is not a URL", "use e.g. " + DEFAULT_BASE_URL);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidInputException("base_url", "is not an http(s) URL", "use e.g. " + DEFAULT_BASE_URL);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new InvalidInputException("base_url", "uses plain http for a non-loopback host",
                    "use https, so the API key is never sent in clear");
        }
        if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new InvalidInputException("base_url", "has a query, fragment or user info", "give scheme, host and path only");
        }
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A loopback name or address; "127." alone would also let through a DNS name such as 127.evil.example. */
    private static boolean isLoopback(String host) {
        return LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT)) || LOOPBACK_V4.matcher(host).matches();
    }

    @Override
    public String toString() {
        return "IncidentIoOptions[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : apiKey.redacted())
                + ", actionsApi=" + actionsApi + ", connectTimeout=" + connectTimeout + ", idleTimeout=" + idleTimeout
                + ", requestTimeout=" + requestTimeout + ", callTimeout=" + callTimeout + ", maxConnections=" + maxConnections
                + ", maxInFlight=" + maxInFlight + ", maxResponseBytes=" + maxResponseBytes + ", " + retryPolicy
                + ", " + rateLimit + ", resolutionCache=" + resolutionCacheSize + "/" + resolutionCacheTtl
                + proxyDescription() + "]";
    }

    /** Where the proxy is, never who logs in to it. */
    private String proxyDescription() {
        ProxyOptions proxy = httpClientOptions.getProxyOptions();
        return proxy == null ? "" : ", proxy=" + proxy.getType().name().toLowerCase(Locale.ROOT) + "://"
                + (proxy.getUsername() == null ? "" : "****@") + proxy.getHost() + ":" + proxy.getPort();
    }
}

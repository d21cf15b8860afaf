package dev.firebrigade.sandbox;

import dev.firebrigade.sandbox.SandboxState.Change;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sandbox's webhooks, sent as incident.io sends them through Svix: every change to an action, follow-up or
 * incident becomes an event of the spec's {@code x-webhooks} ({@link WebhookEvents}: {@code action_created_v1},
 * {@code follow_up_updated_v1}, {@code incident_status_updated_v2}, …; only {@code {id}} for private incidents), POSTed to every registered endpoint with {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} (HMAC-SHA256 of {@code id.timestamp.body}, signed anew for every attempt). A non-2xx answer,
 * a refused connection or no answer within 15 s is retried after the configured delays, then given up.
 *
 * <p>Our choices where incident.io documents nothing: a deleted action or follow-up is sent as
 * {@code action_updated_v1} / {@code follow_up_updated_v1} with status {@code deleted}; events are sent at once and concurrently, so, as with Svix, their order is not guaranteed.
 */
public final class SandboxWebhooks {
    /** Svix's own schedule after the first attempt (docs.svix.com/retries): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
    public static final List<Duration> SVIX_RETRY_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    /** Svix waits this long for an answer. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(15);
    private static final int KEPT_ATTEMPTS = 10_000;

    private final Vertx vertx;
    private final Context context;
    private final HttpClient client;
    private final List<Duration> retryDelays;
    private final ContractCheck contract;
    private final Ulid ids = new Ulid(new SecureRandom());
    private final Random secrets = new SecureRandom();
    private final Map<String, WebhookEndpoint> endpoints = new LinkedHashMap<>();
    private final ArrayDeque<WebhookAttempt> attempts = new ArrayDeque<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile boolean closed;

    SandboxWebhooks(Vertx vertx, List<Duration> retryDelays, ContractCheck contract) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.client = vertx.createHttpClient();
        this.retryDelays = List.copyOf(retryDelays);
        this.contract = contract;
    }

    /** Registers an endpoint with a fresh secret; read it from the returned endpoint. */
    public WebhookEndpoint register(String url) {
        var key = new byte[24];
        secrets.nextBytes(key);
        return register(url, "whsec_" + Base64.getEncoder().encodeToString(key));
    }

    /** Registers an endpoint signed with your secret ({@code whsec_} and base64, as incident.io shows it). */
    public WebhookEndpoint register(String url, String secret) {
        checkUrl(url);
        key(secret);
        var endpoint = new WebhookEndpoint("ep_" + ids.next(System.currentTimeMillis()), url, secret);
        synchronized (endpoints) {
            endpoints.put(endpoint.id(), endpoint);
        }
        return endpoint;
    }

    /** Stops delivering to an endpoint, retries included; false if there was no such endpoint. */
    public boolean unregister(String endpointId) {
        synchronized (endpoints) {
            return endpoints.remove(endpointId) != null;
        }
    }

    public List<WebhookEndpoint> endpoints() {
        synchronized (endpoints) {
            return List.copyOf(endpoints.values());
        }
    }

    /** The latest attempts (up to 10,000), oldest first. */
    public List<WebhookAttempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** Messages neither delivered nor given up yet; 0 when the sandbox has nothing more to send. */
    public int outstanding() {
        return outstanding.get();
    }

    /** Called by the state under its lock: builds the event and queues one message per endpoint. */
    void publish(Change change, JsonObject object, boolean privateIncident) {
        var targets = endpoints();
        if (targets.isEmpty()) {
            return;
        }
        var event = WebhookEvents.of(change, object, privateIncident);
        if (event == null) {
            return;
        }
        var type = event.getString("event_type");
        if (contract != null) {
            contract.checkWebhook(type, event);
        }
        var body = event.toBuffer();
        for (var endpoint : targets) {
            var message = new Message(endpoint.id(), "msg_" + ids.next(System.currentTimeMillis()), type, body);
            outstanding.incrementAndGet();
            context.runOnContext(start -> attempt(message, 1));
        }
    }

    private record Message(String endpointId, String id, String eventType, Buffer body) {
    }

    private void attempt(Message message, int attempt) {
        WebhookEndpoint endpoint;
        synchronized (endpoints) {
            endpoint = endpoints.get(message.endpointId());
        }
        if (endpoint == null || closed) {
            outstanding.decrementAndGet();
            return;
        }
        var timestamp = Long.toString(Instant.now().getEpochSecond());
        var request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(endpoint.url())
                .setTimeout(ATTEMPT_TIMEOUT.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Firebrigade-Sandbox-Webhooks")
                .putHeader("webhook-id", message.id())
                .putHeader("webhook-timestamp", timestamp)
                .putHeader("webhook-signature", sign(endpoint.secret(), message.id(), timestamp, message.body()));
        client.request(request)
                .compose(sending -> sending.send(message.body()))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(done -> {
                    int status = done.succeeded() ? done.result() : 0;
                    boolean delivered = status >= 200 && status < 300;
                    boolean last = delivered || attempt > retryDelays.size();
                    record(new WebhookAttempt(endpoint.id(), message.id(), message.eventType(), attempt, status,
                            done.succeeded() ? null : String.valueOf(done.cause().getMessage()), last, Instant.now()));
                    if (last) {
                        outstanding.decrementAndGet();
                    } else {
                        vertx.setTimer(Math.max(1, retryDelays.get(attempt - 1).toMillis()), retry -> attempt(message, attempt + 1));
                    }
                });
    }

    private void record(WebhookAttempt attempt) {
        synchronized (attempts) {
            if (attempts.size() == KEPT_ATTEMPTS) {
                attempts.removeFirst();
            }
            attempts.addLast(attempt);
        }
    }

    /** Svix's scheme: {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed by the decoded secret. */
    static String sign(String secret, String id, String timestamp, Buffer body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute HmacSHA256", e);
        }
    }

    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("a webhook secret is whsec_ followed by base64");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is whsec_ followed by base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("a webhook secret needs a key after whsec_");
        }
        return key;
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("a webhook endpoint needs an absolute http(s) URL, was " + url);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("a webhook endpoint needs an absolute http(s) URL, was " + url);
        }
    }

    /** Stops sending, retries included (their timers find it closed), and closes the client. */
    Future<Void> close() {
        closed = true;
        return client.close();
    }
}

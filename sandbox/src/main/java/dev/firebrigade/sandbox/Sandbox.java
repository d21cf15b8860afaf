package dev.firebrigade.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-process incident.io: a vertx-web server on loopback with in-memory incidents, users and actions, the
 * documented auth, errors and rate limits, programmable faults, and a record of every request. It follows the
 * official OpenAPI spec, and can check its own traffic against it ({@link SandboxOptions#setContractSpec}).
 *
 * <pre>{@code
 * Sandbox sandbox = Sandbox.start(vertx, new SandboxOptions()).await();
 * // point a client at sandbox.baseUrl() with sandbox.apiKey()
 * sandbox.faults().on("POST", "/v2/actions").status(503).times(2);
 * }</pre>
 */
public final class Sandbox {
    static final String REQUEST_ID = "firebrigade.requestId";
    static final String IDENTITY = "firebrigade.identity";
    static final String TEMPLATE = "firebrigade.template";
    static final String AFTER_PROCESSING_FAULT = "firebrigade.afterProcessingFault";
    static final String CONTRACT_REJECTION = "firebrigade.contractRejection";
    /** Large enough for any real payload; larger bodies get the documented 413. */
    private static final long BODY_LIMIT_BYTES = 1024 * 1024;

    private final HttpServer server;
    private final String apiKey;
    private final SandboxState state;
    private final Faults faults;
    private final RequestRecorder recorder;
    private final ContractCheck contract;
    private final SandboxWebhooks webhooks;

    private Sandbox(HttpServer server, String apiKey, SandboxState state, Faults faults, RequestRecorder recorder,
            ContractCheck contract, SandboxWebhooks webhooks) {
        this.server = server;
        this.apiKey = apiKey;
        this.state = state;
        this.faults = faults;
        this.recorder = recorder;
        this.contract = contract;
        this.webhooks = webhooks;
    }

    /**
     * Starts a sandbox on {@code vertx}. The future fails if the port is taken or the contract spec cannot be read
     * (reading it happens on a worker thread, never the event loop).
     */
    public static Future<Sandbox> start(Vertx vertx, SandboxOptions options) {
        var copy = new SandboxOptions(options);
        var spec = copy.getContractSpec();
        Future<OpenApiContract> contract = spec == null
                ? Future.succeededFuture()
                : vertx.executeBlocking(() -> OpenApiContract.load(spec));
        return contract.compose(loaded -> listen(vertx, copy, loaded == null ? null : new ContractCheck(loaded)));
    }

    private static Future<Sandbox> listen(Vertx vertx, SandboxOptions options, ContractCheck contract) {
        var replies = new Replies(vertx, contract);
        var authenticator = new Authenticator(options.getApiKeys(), replies);
        var state = new SandboxState(new Ulid(new Random()), options.isSeedDemoData(), authenticator.first());
        var faults = new Faults();
        var recorder = new RequestRecorder();
        var webhooks = new SandboxWebhooks(vertx, options.getWebhookRetryDelays(), contract);
        options.getWebhookEndpoints().forEach(webhooks::register);
        state.onChange(webhooks::publish);

        var router = Router.router(vertx);
        router.route().handler(ctx -> {
            ctx.put(REQUEST_ID, ErrorBodies.newRequestId());
            ctx.next();
        });
        router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        new ControlRoutes(webhooks, replies).register(router, authenticator);
        router.route().handler(recorder);
        router.route().handler(new FaultInjector(vertx, faults, replies, options.getRateLimitCapacity()));
        router.route().handler(authenticator);
        if (options.isRateLimitEnabled()) {
            router.route().handler(new RateLimiter(options.getRateLimitCapacity(), options.getRateLimitRefillPerSecond(),
                    System::nanoTime, replies));
        }
        var endpoints = new Endpoints(router, replies, contract);
        new ActionRoutes(state, replies, options.getActionsV2RemovedStatus(), options.isNormaliseLineEnds())
                .register(endpoints);
        new UserRoutes(state, replies).register(endpoints);
        new IncidentRoutes(state, replies).register(endpoints);
        new IncidentChangeRoutes(state, replies).register(endpoints);
        new CatalogRoutes(state, replies).register(endpoints);
        new FollowUpRoutes(state, replies).register(endpoints);
        new IdentityRoutes(replies).register(endpoints);
        router.errorHandler(404, ctx -> replies.error(ctx,
                ApiException.notFound("No endpoint " + ctx.request().method() + " " + ctx.request().path())));
        router.errorHandler(405, ctx -> replies.error(ctx, new ApiException(405, "method_not_allowed", List.of(
                ErrorBodies.error("method_not_allowed", "The endpoint does not support " + ctx.request().method(), null)))));
        router.errorHandler(413, ctx -> replies.error(ctx, new ApiException(413, "payload_too_large", List.of(
                ErrorBodies.error("payload_too_large", "The request payload is too large", null)))));
        router.errorHandler(500, ctx -> replies.error(ctx, new ApiException(500, "api_error", List.of(
                ErrorBodies.error("api_error", "Something went wrong and has been reported internally.", null)))));

        var apiKey = options.getApiKeys().keySet().iterator().next();
        return vertx.createHttpServer()
                .requestHandler(router)
                .listen(options.getPort(), options.getHost())
                .map(server -> new Sandbox(server, apiKey, state, faults, recorder, contract, webhooks));
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.actualPort();
    }

    /** The first configured API key, for tests and the REPL. */
    public String apiKey() {
        return apiKey;
    }

    /** The in-memory data, to read or seed from tests. */
    public SandboxState state() {
        return state;
    }

    /**
     * Webhooks: register an endpoint and every change to actions and incidents is delivered to it, signed as
     * incident.io signs them, with Svix-like retries. Also under {@code /_sandbox/webhook_endpoints}.
     */
    public SandboxWebhooks webhooks() {
        return webhooks;
    }

    /** Programmable faults; empty at start. */
    public Faults faults() {
        return faults;
    }

    /** Every request received so far, oldest first, with the Authorization header redacted. */
    public List<RecordedRequest> requests() {
        return recorder.requests();
    }

    public void clearRequests() {
        recorder.clear();
    }

    /**
     * What broke the contract so far: requests and responses that do not match the spec, one line each. Always
     * empty when no {@link SandboxOptions#setContractSpec contract spec} is configured.
     */
    public List<String> contractViolations() {
        return contract == null ? List.of() : contract.violations();
    }

    /** Forgets the contract violations seen so far. */
    public void clearContractViolations() {
        if (contract != null) {
            contract.clear();
        }
    }

    /** Stops the server and the webhook client this sandbox started; the {@code Vertx} stays the caller's. */
    public Future<Void> close() {
        return Future.join(server.close(), webhooks.close()).mapEmpty();
    }

    @Override
    public String toString() {
        return "Sandbox{" + baseUrl() + "}";
    }

    /**
     * Runs a sandbox until Ctrl-C: {@code --port N} (default 8080), {@code --key K} (default the demo key),
     * {@code --spec PATH} to check traffic against the OpenAPI spec, {@code --no-rate-limit},
     * {@code --v2-actions-removed 404|410} to answer as incident.io does after removing {@code /v2/actions},
     * {@code --webhook URL} (with {@code --webhook-secret whsec_…}, else one is made and shown) to deliver webhooks there.
     */
    public static void main(String[] args) {
        var options = new SandboxOptions().setPort(8080);
        String key = null;
        String webhook = null;
        String webhookSecret = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> options.setPort(Integer.parseInt(value(args, ++i, "--port")));
                case "--key" -> key = value(args, ++i, "--key");
                case "--spec" -> options.setContractSpec(Path.of(value(args, ++i, "--spec")));
                case "--no-rate-limit" -> options.setRateLimitEnabled(false);
                case "--v2-actions-removed" ->
                        options.setActionsV2RemovedStatus(Integer.parseInt(value(args, ++i, "--v2-actions-removed")));
                case "--webhook" -> webhook = value(args, ++i, "--webhook");
                case "--webhook-secret" -> webhookSecret = value(args, ++i, "--webhook-secret");
                default -> {
                    System.err.println("usage: Sandbox [--port N] [--key K] [--spec openapi.json] [--no-rate-limit]"
                            + " [--v2-actions-removed 404|410] [--webhook URL [--webhook-secret whsec_…]]");
                    System.exit(2);
                }
            }
        }
        if (key != null) {
            options.setApiKeys(Map.of(key, "Firebrigade sandbox (custom key)"));
        }
        var vertx = Vertx.vertx();
        Sandbox sandbox;
        try {
            sandbox = start(vertx, options).await();
        } catch (Exception e) {
            System.err.println("The sandbox could not start: " + e.getMessage());
            vertx.close();
            System.exit(1);
            return;
        }
        if (webhook != null) {
            try {
                var endpoint = webhookSecret == null ? sandbox.webhooks().register(webhook)
                        : sandbox.webhooks().register(webhook, webhookSecret);
                // A secret given on the command line is never echoed; a made-up one must be shown to be of use.
                System.out.println("Webhooks: " + webhook + (webhookSecret == null ? " signed with " + endpoint.secret()
                        : " signed with the --webhook-secret you gave"));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                vertx.close();
                System.exit(2);
            }
        }
        var keyName = options.getApiKeys().values().iterator().next();
        System.out.println("Firebrigade sandbox: " + sandbox.baseUrl());
        // A key given on the command line is never echoed; the demo key is public anyway.
        System.out.println("API key: '" + keyName + "'" + (key == null ? " = " + SandboxOptions.DEMO_API_KEY : " (the --key you gave)"));
        System.out.println("Ctrl-C stops it.");
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vertx.close().onComplete(done -> stopped.countDown());
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sandbox-shutdown"));
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            System.err.println(flag + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}

package dev.firebrigade.repl;

import dev.firebrigade.ActionsApi;
import dev.firebrigade.Firebrigade;
import dev.firebrigade.IncidentIo;
import dev.firebrigade.IncidentIoOptions;
import dev.firebrigade.error.ConnectionException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one REPL or script run talks to: incident.io with the key from the environment, or, without a key, an
 * embedded sandbox with demo data. It owns the Vert.x instance, the client it hands to {@link Firebrigade#connect}
 * and the sandbox, and closes all three.
 */
final class Session {
    /** How a session ended up connected. */
    enum Kind {
        /** No key: the embedded sandbox. */
        SANDBOX,
        /** A key that incident.io accepted. */
        CONNECTED,
        /** A key was given but the server refused it, could not be reached, or the settings are invalid. */
        NOT_CONNECTED
    }

    private static final int IDENTITY_SECONDS = 15;

    private final Vertx vertx;
    private final IncidentIo io;
    private final Sandbox sandbox;
    private final Kind kind;
    private final String baseUrl;
    private final String keyName;
    private final String problem;
    private final ActionsApi actionsApi;

    private Session(Vertx vertx, IncidentIo io, Sandbox sandbox, Kind kind, String baseUrl, String keyName,
                    String problem, ActionsApi actionsApi) {
        this.vertx = vertx;
        this.io = io;
        this.sandbox = sandbox;
        this.kind = kind;
        this.baseUrl = baseUrl;
        this.keyName = keyName;
        this.problem = problem;
        this.actionsApi = actionsApi;
    }

    /**
     * The actions API the environment chooses ({@value IncidentIo#ACTIONS_API_ENV}), or null after saying on
     * {@code err}, as {@code who: …}, why its value is not one: a start-up error, before anything is sent.
     */
    static ActionsApi checkedActionsApi(Map<String, String> env, PrintStream err, String who) {
        try {
            return IncidentIo.actionsApiFrom(env);
        } catch (InvalidInputException e) {
            err.println(who + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Connects as the environment says ({@value IncidentIo#API_KEY_ENV}, {@value IncidentIo#BASE_URL_ENV}) and makes
     * the client the default of {@link Firebrigade}. Never throws for a bad key or an unreachable server: the session
     * is then {@link Kind#NOT_CONNECTED} and {@link #problem()} says why, so the REPL can still open.
     */
    static Session open(Map<String, String> env) {
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(2)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        startEventLoops(vertx);
        String key = env.get(IncidentIo.API_KEY_ENV);
        String baseUrl = blankToNull(env.get(IncidentIo.BASE_URL_ENV));
        baseUrl = baseUrl == null ? IncidentIoOptions.DEFAULT_BASE_URL : baseUrl;
        ActionsApi actionsApi;
        try {
            actionsApi = IncidentIo.actionsApiFrom(env);
        } catch (InvalidInputException e) {
            return new Session(vertx, null, null, Kind.NOT_CONNECTED, baseUrl, null, e.getMessage(), null);
        }
        if (key == null || key.isBlank()) {
            return withSandbox(vertx, actionsApi);
        }
        IncidentIoOptions options;
        try {
            options = IncidentIo.optionsFrom(env);
        } catch (IncidentIoException e) {
            return new Session(vertx, null, null, Kind.NOT_CONNECTED, baseUrl, null, e.getMessage(), actionsApi);
        }
        IncidentIo io = Firebrigade.connect(IncidentIo.create(vertx, options));
        try {
            // A banner should not wait a minute for a server that does not answer.
            String name = io.identity().await(IDENTITY_SECONDS, TimeUnit.SECONDS).name();
            return new Session(vertx, io, null, Kind.CONNECTED, options.getBaseUrl(), name, null, actionsApi);
        } catch (IncidentIoException e) {
            return new Session(vertx, io, null, Kind.NOT_CONNECTED, options.getBaseUrl(), null, whyNotConnected(e),
                    actionsApi);
        } catch (java.util.concurrent.TimeoutException e) {
            return new Session(vertx, io, null, Kind.NOT_CONNECTED, options.getBaseUrl(), null,
                    "no answer from GET /v1/identity within " + IDENTITY_SECONDS + " s", actionsApi);
        }
    }

    private static Session withSandbox(Vertx vertx, ActionsApi actionsApi) {
        Sandbox sandbox = Sandbox.start(vertx, new SandboxOptions()).await();
        IncidentIo io = Firebrigade.connect(IncidentIo.create(vertx, new IncidentIoOptions()
                .setBaseUrl(sandbox.baseUrl()).setApiKey(sandbox.apiKey()).setActionsApi(actionsApi)));
        return new Session(vertx, io, sandbox, Kind.SANDBOX, sandbox.baseUrl(), null, null, actionsApi);
    }

    /**
     * Starts every event loop now, from this thread. Netty starts a loop's thread on its first task, in the thread
     * group of whoever submitted it; if that were a snippet, JShell's local execution would count the loop as part
     * of the snippet and stop it on Ctrl-C.
     */
    private static void startEventLoops(Vertx vertx) {
        if (vertx instanceof VertxInternal internal) {
            internal.nettyEventLoopGroup().forEach(loop -> loop.execute(() -> { }));
        }
    }

    private static String whyNotConnected(IncidentIoException e) {
        if (e.status() == 401) {
            return "the API key was refused: " + e.getMessage();
        }
        if (e instanceof ConnectionException) {
            return "cannot reach the server: " + e.getMessage();
        }
        return "could not check the API key: " + e.getMessage();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    Kind kind() {
        return kind;
    }

    /** The client in use, or null when the settings were invalid. */
    /** The client's requests not yet answered; 0 when there is no client. */
    int requestsInFlight() {
        return io == null ? 0 : io.requestsInFlight();
    }

    IncidentIo io() {
        return io;
    }

    /** The embedded sandbox, or null when talking to a real server. */
    Sandbox sandbox() {
        return sandbox;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The name of the API key as incident.io knows it (never the key), or null when not connected. */
    String keyName() {
        return keyName;
    }

    /** The actions API the client uses, or null when {@value IncidentIo#ACTIONS_API_ENV} named none. */
    ActionsApi actionsApi() {
        return actionsApi;
    }

    /** Why the session is not connected, one line, or null. */
    String problem() {
        return problem;
    }

    /** The sandbox's incidents, empty when not in a sandbox. */
    List<JsonObject> demoIncidents() {
        return sandbox == null ? List.of() : sandbox.state().incidents();
    }

    /** The sandbox's users, empty when not in a sandbox. */
    List<JsonObject> demoUsers() {
        return sandbox == null ? List.of() : sandbox.state().users();
    }

    /** Closes the client, the sandbox and Vert.x, waiting at most {@code millis} so that exiting stays immediate. */
    void close(long millis) {
        Future<Void> client = io == null ? Future.succeededFuture() : io.close();
        Future<Void> all = client
                .transform(ignored -> sandbox == null ? Future.<Void>succeededFuture() : sandbox.close())
                .transform(ignored -> vertx.close());
        try {
            all.await(millis, TimeUnit.MILLISECONDS);
        } catch (Exception notClosedInTime) {
            // The JVM exits next anyway; a slow close must not hold the user's terminal.
        }
    }
}

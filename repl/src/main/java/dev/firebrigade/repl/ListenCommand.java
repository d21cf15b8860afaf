package dev.firebrigade.repl;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.webhooks.IncidentIoWebhooks;
import dev.firebrigade.webhooks.WebhookEvent;
import dev.firebrigade.webhooks.WebhookOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code firebrigade listen [--port N] [--host H] [--path P] [--secret whsec_…]}: a local receiver for trying
 * incident.io webhooks out. Every verified event is printed on one line on stdout, every refused delivery on stderr;
 * Ctrl-C stops it (exit 130), and bad arguments or a port in use exit 2 with one line. The secret is never printed.
 */
public final class ListenCommand {
    static final String SECRET_ENV = "INCIDENT_IO_WEBHOOK_SECRET";
    static final String USAGE = """
            usage: firebrigade listen [--port N] [--host H] [--path P] [--secret whsec_...]
              --port     where to listen (default 8080)
              --host     the interface (default 127.0.0.1; 0.0.0.0 accepts other machines, e.g. behind a tunnel)
              --path     the path incident.io posts to (default: any path)
              --secret   the endpoint's signing secret; %s keeps it out of ps and shell history
            prints each verified event on one line; refused deliveries go to stderr. Ctrl-C stops (exit 130);
            exit 2 when it cannot start
            """.formatted(SECRET_ENV);

    /** What the command line asked for. */
    record Options(int port, String host, String path, String secretSource, WebhookOptions webhooks) {
        static Options parse(List<String> args, Map<String, String> env) {
            int port = 8080;
            String host = "127.0.0.1";
            String path = null;
            String secret = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--port" -> port = port(value(args, ++i, arg));
                    case "--host" -> host = value(args, ++i, arg);
                    case "--path" -> path = value(args, ++i, arg);
                    case "--secret" -> secret = value(args, ++i, arg);
                    default -> throw new IllegalArgumentException("unexpected argument: " + (arg.startsWith("--")
                            ? arg : "(a value without its option)"));
                }
            }
            String source = secret != null ? "--secret" : SECRET_ENV;
            if (secret == null) {
                secret = env.get(SECRET_ENV);
            }
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("which secret? give --secret whsec_... or set " + SECRET_ENV);
            }
            if (path != null && !path.startsWith("/")) {
                throw new IllegalArgumentException("--path starts with /, e.g. --path /incident-io");
            }
            try {
                return new Options(port, host, path, source, new WebhookOptions().addSecret(secret));
            } catch (InvalidInputException e) {
                // The message names the problem and never repeats the secret.
                throw new IllegalArgumentException(source + ": " + e.getMessage());
            }
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
            throw new IllegalArgumentException("--port takes a number from 0 to 65535, was " + value);
        }

        private static String value(List<String> args, int i, String flag) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args.get(i);
        }
    }

    private ListenCommand() {
    }

    public static void main(String[] args) {
        Promise<Void> stop = Promise.promise();
        var finished = new CountDownLatch(1);
        // Ctrl-C: stop listening, let run() print its summary, then the JVM ends with 130 (SIGINT's own status).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.tryComplete();
            try {
                finished.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "firebrigade-listen-stop"));
        int code = run(List.of(args), System.out, System.err, System.getenv(), stop.future());
        finished.countDown();
        System.exit(code);
    }

    /** Listens until {@code stop} completes; returns the exit code (130 once stopped, 2 when it could not start). */
    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env, Future<Void> stop) {
        if (args.contains("-h") || args.contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("firebrigade listen: " + e.getMessage() + " (firebrigade listen --help)");
            return 2;
        }
        Vertx vertx = Vertx.vertx();
        try {
            var events = new AtomicInteger();
            var refused = new AtomicInteger();
            var handler = IncidentIoWebhooks.handler(options.webhooks(), event -> {
                events.incrementAndGet();
                out.println(line(event));
                return Future.succeededFuture();
            }).onRejected(rejection -> {
                refused.incrementAndGet();
                err.println("refused: " + rejection.getMessage());
            });
            var router = Router.router(vertx);
            (options.path() == null ? router.post() : router.post(options.path())).handler(handler);
            HttpServer server;
            try {
                server = vertx.createHttpServer().requestHandler(router).listen(options.port(), options.host()).await();
            } catch (Exception e) {
                err.println("firebrigade listen: cannot listen on " + options.host() + ":" + options.port() + ": "
                        + e.getMessage());
                return 2;
            }
            err.println("Listening on http://" + options.host() + ":" + server.actualPort()
                    + (options.path() == null ? "/ (any path)" : options.path())
                    + " for incident.io webhooks, verified with the secret from " + options.secretSource()
                    + ". Ctrl-C stops.");
            stop.await();
            err.println("Stopped: " + events.get() + (events.get() == 1 ? " event" : " events") + ", "
                    + refused.get() + " refused.");
            return 130;
        } finally {
            vertx.close().await();
        }
    }

    /** One line per event: when it was signed, then the event's own one-line form. */
    static String line(WebhookEvent event) {
        return event.timestamp() + " " + event;
    }
}

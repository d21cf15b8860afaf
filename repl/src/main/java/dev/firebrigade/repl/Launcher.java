package dev.firebrigade.repl;

import jdk.jshell.tool.JavaShellToolBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts JShell in this JVM with the Firebrigade DSL: {@code Launcher} opens the REPL, {@code Launcher run FILE.jsh
 * [ARGS...]} runs a script and exits non-zero if any snippet failed. Snippets run in-process (local execution), so
 * there is no second JVM; the connection to incident.io or the sandbox is opened while JShell starts.
 */
public final class Launcher {
    static final String USAGE = """
            usage: firebrigade                         open the REPL
                   firebrigade run FILE.jsh [ARGS...]  run a script; its exit code is 0 only if every snippet succeeded
                   firebrigade bulk FILE.csv [OPTIONS]  one action or follow-up per row, resumably (bulk --help)
                   firebrigade listen [--port N]       print incident.io's webhooks as they arrive (listen --help)
                   firebrigade --help                  the environment variables and more
            """;
    /** How long no request must be in flight before leaving counts as abandoning nothing: the reconcile delay and more. */
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(1_500);
    /** How long closing the client, sandbox and Vert.x may take before the JVM exits regardless. */
    private static final long CLOSE_MILLIS = 3_000;

    private Launcher() {
    }

    public static void main(String[] args) {
        LibraryLogs.configure(System.getenv(), System.err);
        int code;
        try {
            code = run(args, System.in, System.out, System.err, System.getenv());
        } catch (Exception e) {
            System.err.println("firebrigade: " + e);
            code = 70;
        }
        System.out.flush();
        System.err.flush();
        // Vert.x threads are not daemons, and a snippet may have started more: end the JVM now.
        System.exit(code);
    }

    /** Runs the REPL or a script and returns the exit code; closes everything it opened but does not exit. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env)
            throws Exception {
        List<String> arguments = List.of(args);
        if (!arguments.isEmpty() && (arguments.get(0).equals("-h") || arguments.get(0).equals("--help"))) {
            out.print(USAGE);
            return 0;
        }
        if (Session.checkedActionsApi(env, err, "firebrigade") == null) {
            return 2;
        }
        if (arguments.isEmpty()) {
            return runJShell(null, List.of(), in, out, err, env);
        }
        if (arguments.equals(List.of("run"))) {
            err.print("firebrigade run: which script? Give its file, e.g. firebrigade run scripts/examples/create-action.jsh\n"
                    + USAGE);
            return 2;
        }
        if (arguments.get(0).equals("run")) {
            Path script = Path.of(arguments.get(1));
            if (!Files.isRegularFile(script)) {
                err.println("firebrigade: no such script: " + script);
                return 2;
            }
            List<String> scriptArgs = arguments.subList(2, arguments.size());
            if (!scriptArgs.isEmpty() && scriptArgs.get(0).equals("--")) {
                scriptArgs = scriptArgs.subList(1, scriptArgs.size());
            }
            return runJShell(script, scriptArgs, in, out, err, env);
        }
        err.print("firebrigade: unexpected arguments: " + String.join(" ", arguments) + "\n" + USAGE);
        return 2;
    }

    private static int runJShell(Path script, List<String> scriptArgs, InputStream in, PrintStream out,
                                 PrintStream err, Map<String, String> env) throws Exception {
        boolean batch = script != null;
        Failures.reset();
        ScriptMarks.reset();
        // Vert.x, the sandbox and the identity call take a second; JShell's start-up takes longer. Overlap them.
        CompletableFuture<Session> session = CompletableFuture.supplyAsync(() -> Session.open(env), Launcher::startDaemon);
        Shell.prepare(session, batch, scriptArgs);
        Path work = Files.createTempDirectory("firebrigade-");
        // A script is JShell's input ("-" below), read line by line, so a failure can name its line; the mark at its
        // end tells a script that ran to its end from one whose last snippet was left unfinished.
        ScriptInput scriptInput = batch
                ? new ScriptInput(Files.readAllBytes(script), ScriptMarks.class.getName() + ".endOfScript();")
                : null;
        ToolErrors toolErrors = batch ? new ToolErrors(err, String.valueOf(script), scriptInput) : null;
        Preferences preferences = batch ? Preferences.inMemory() : Preferences.at(env);
        int code;
        try {
            ScriptInput.use(scriptInput);
            String startup = startupScript();
            List<String> options = new ArrayList<>(List.of(
                    "--class-path", classPath(),
                    "--execution", ShellExecution.NAME,
                    // Not PRINTING: its 21 methods cost a second to compile at every start; Shell has println.
                    "--startup", "DEFAULT",
                    "--startup", Files.writeString(work.resolve("firebrigade.jsh"), startup).toString(),
                    "--feedback", "firebrigade",
                    startupAfterReset(work, startup).toString()));
            if (batch) {
                // The script, then a file that ends the run.
                options.add("-");
                options.add(Files.writeString(work.resolve("exit.jsh"),
                        ScriptMarks.class.getName() + ".afterScript();\n/exit\n").toString());
            }
            var exitGuard = new ExitGuard(() -> requestsInFlight(session), out);
            var builder = JavaShellToolBuilder.builder()
                    .in(batch ? scriptInput : in, batch ? InputStream.nullInputStream() : null)
                    .out(new OpenStream(out))
                    .err(batch ? toolErrors.stream() : new OpenStream(err))
                    .persistence(preferences.map())
                    .env(env)
                    // ToolErrors reads JShell's English report headers.
                    .locale(Locale.ENGLISH);
            String[] arguments = options.toArray(String[]::new);
            code = batch ? builder.start(arguments) : exitGuard.start(builder, arguments);
            if (!batch && !exitGuard.leftAnyway()) {
                waitForRequestsInFlight(session.getNow(null), out);
            }
        } finally {
            out.flush();
            err.flush();
            closeSession(session, err);
            ScriptInput.use(null);
            preferences.save();
            deleteQuietly(work);
        }
        if (!batch || code != 0) {
            return code;
        }
        if (ScriptMarks.endedInsideASnippet()) {
            err.println("firebrigade: " + script + " ends inside an unfinished snippet (a missing ')', '}' or '\"'?),"
                    + " which was not run");
            return 1;
        }
        int failed = Math.max(toolErrors.errors(), Failures.count());
        if (failed > 0) {
            err.println("firebrigade: " + script + ": " + failed + (failed == 1 ? " snippet" : " snippets")
                    + " failed");
            return 1;
        }
        return 0;
    }

    /**
     * JShell has ended with requests still in flight (Ctrl-D, or {@code /exit} where {@link ExitGuard} could not ask):
     * leaving closes the client, which would abandon them (a create might land or not, unseen), so say how many and
     * wait for their answers first; Ctrl-C leaves at once. JShell's own input reader may still hold the terminal, so
     * the launcher does not read an answer from it.
     */
    private static void waitForRequestsInFlight(Session session, PrintStream out) {
        int pending = session == null ? 0 : session.requestsInFlight();
        if (pending == 0) {
            return;
        }
        out.println(pending + (pending == 1 ? " request is" : " requests are") + " still in flight: waiting for "
                + (pending == 1 ? "its answer" : "their answers") + " before leaving (Ctrl-C leaves at once, abandoning "
                + (pending == 1 ? "it" : "them") + ")...");
        out.flush();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ShellExecutionControl.SETTLE_MILLIS);
        long quietSince = 0;
        // Quiet for a while, not just for a moment: a call sends its next request (a create after its lookups, a safe
        // create's check after the reconcile delay) once the previous one is answered.
        while (System.nanoTime() < deadline && (quietSince == 0 || System.nanoTime() - quietSince < QUIET_NANOS)) {
            quietSince = session.requestsInFlight() > 0 ? 0 : quietSince == 0 ? System.nanoTime() : quietSince;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        out.println(session.requestsInFlight() == 0 ? "All answered." : "Still no answer: leaving.");
    }

    /** The client's requests not yet answered; 0 while the session is still opening. */
    private static int requestsInFlight(CompletableFuture<Session> session) {
        Session open = session.isDone() && !session.isCompletedExceptionally() ? session.join() : null;
        return open == null ? 0 : open.requestsInFlight();
    }

    private static void closeSession(CompletableFuture<Session> session, PrintStream err) {
        try {
            session.get(CLOSE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS).close(CLOSE_MILLIS);
        } catch (java.util.concurrent.ExecutionException e) {
            err.println("firebrigade: could not open the session: " + e.getCause());
        } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            // Still connecting after JShell ended: the JVM exits anyway.
        }
    }

    /**
     * The class path JShell compiles against: the launcher's own. Under {@code mvn exec:java} that is in the context
     * class loader, not in {@code java.class.path}.
     */
    static String classPath() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            return Arrays.stream(loader.getURLs()).map(Launcher::toPath).collect(Collectors.joining(java.io.File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String toPath(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            return url.getPath();
        }
    }

    private static String startupScript() throws IOException {
        try (InputStream startup = Launcher.class.getResourceAsStream("firebrigade.jsh")) {
            if (startup == null) {
                throw new IllegalStateException("firebrigade.jsh is missing from the class path");
            }
            return new String(startup.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * A file for JShell to load first, which sets what {@code /reset} and {@code /reload} replay: the startup's imports.
     * Replaying all of it would print the banner again and fail to redefine the feedback mode, which JShell has made
     * read-only by then.
     */
    private static Path startupAfterReset(Path dir, String startup) throws IOException {
        String imports = startup.lines().filter(line -> line.startsWith("import ")).collect(Collectors.joining("\n", "", "\n"));
        Path importsFile = Files.writeString(dir.resolve("firebrigade-imports.jsh"), imports);
        return Files.writeString(dir.resolve("after-startup.jsh"),
                "/set start DEFAULT '" + importsFile + "'\n");
    }

    private static void startDaemon(Runnable task) {
        var thread = new Thread(task, "firebrigade-connect");
        thread.setDaemon(true);
        thread.start();
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp directory is harmless.
        }
    }

    /** JShell's own settings (history, retained modes): in a file for the REPL, in memory for scripts and tests. */
    static final class Preferences {
        private final Map<String, String> map;
        private final Path file;

        private Preferences(Map<String, String> map, Path file) {
            this.map = map;
            this.file = file;
        }

        static Preferences inMemory() {
            return new Preferences(new HashMap<>(), null);
        }

        /** {@code $FIREBRIGADE_HOME/jshell.properties}, by default under {@code ~/.cache/firebrigade}. */
        static Preferences at(Map<String, String> env) {
            Path home = env.containsKey("FIREBRIGADE_HOME") && !env.get("FIREBRIGADE_HOME").isBlank()
                    ? Path.of(env.get("FIREBRIGADE_HOME"))
                    : Path.of(System.getProperty("user.home"), ".cache", "firebrigade");
            Path file = home.resolve("jshell.properties");
            var map = new HashMap<String, String>();
            if (Files.isRegularFile(file)) {
                var properties = new java.util.Properties();
                try (var reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                    properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
                } catch (IOException e) {
                    // Unreadable history: start without it.
                }
            }
            return new Preferences(map, file);
        }

        Map<String, String> map() {
            return map;
        }

        void save() {
            if (file == null) {
                return;
            }
            var properties = new java.util.Properties();
            properties.putAll(map);
            try {
                Files.createDirectories(file.getParent());
                if (!Files.exists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    // History can hold whatever was typed, a pasted key included: keep it the user's own.
                    Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                }
                try (var writer = Files.newBufferedWriter(file)) {
                    properties.store(writer, "JShell settings and history of scripts/firebrigade");
                }
            } catch (IOException e) {
                // History is a convenience; failing to keep it must not fail the session.
            }
        }
    }
}

package dev.firebrigade.repl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One run of the launcher, in this JVM or as a process, with what it printed and its exit code. */
record Run(int code, String out, String err) {
    /** Where the checkout is (set by the pom), for scripts/firebrigade. */
    static final Path ROOT = Path.of(System.getProperty("firebrigade.root", "..")).toAbsolutePath().normalize();

    /** Environment of a run: nothing from the developer's shell, history in a throwaway directory. */
    static Map<String, String> env(Map<String, String> extra) {
        var env = new HashMap<String, String>();
        env.put("FIREBRIGADE_HOME", temporaryDirectory().toString());
        env.putAll(extra);
        return env;
    }

    /** {@link Launcher#run} in this JVM, with {@code input} as the terminal's input. */
    static Run inProcess(Map<String, String> env, String input, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        // Snippets run in this JVM and print to System.out and System.err, as they would in the REPL.
        var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        var errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setOut(outStream);
        System.setErr(errStream);
        int code;
        try {
            code = Launcher.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), outStream,
                    errStream, env(env));
        } catch (Exception e) {
            throw new AssertionError("the launcher threw", e);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * {@code scripts/firebrigade} as a process. It gets this JVM's class path through FIREBRIGADE_CLASSPATH, so it
     * runs the classes of this build (no Maven inside Maven) with the JDK running the tests.
     */
    static Run script(Map<String, String> env, String input, String... args) {
        var command = new ArrayList<>(List.of("bash", ROOT.resolve("scripts/firebrigade").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(temporaryDirectory().toFile());
        builder.environment().remove("INCIDENT_IO_API_KEY");
        builder.environment().remove("INCIDENT_IO_BASE_URL");
        builder.environment().remove("INCIDENT_IO_ACTIONS_API");
        builder.environment().put("FIREBRIGADE_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env(env));
        return process(builder, input);
    }

    /** A process with {@code input} on its stdin and both output streams piped, as a script would run it. */
    static Run process(ProcessBuilder builder, String input) {
        try {
            Process process = builder.start();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", builder.command()) + " did not exit within 90 s; output so far:\n"
                        + out.getNow(""));
            }
            return new Run(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A .jsh file with these lines, in a fresh temporary directory. */
    static Path scriptFile(String... lines) {
        try {
            return Files.writeString(temporaryDirectory().resolve("script.jsh"), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Both streams, for assertion messages. */
    String all() {
        return "exit code " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }

    /** Reads a stream to its end on a thread of its own, so neither pipe of the process can fill up and stall it. */
    private static CompletableFuture<String> drain(InputStream stream) {
        var text = new CompletableFuture<String>();
        var reader = new Thread(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        }, "drain");
        reader.setDaemon(true);
        reader.start();
        return text;
    }

    /** A fresh directory under target/, which the next clean removes. */
    private static Path temporaryDirectory() {
        try {
            Path runs = Files.createDirectories(Path.of("target", "test-runs"));
            return Files.createTempDirectory(runs.toAbsolutePath(), "run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.firebrigade.bench;

import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The sandbox the harness loads: in a child JVM (the default, for clean client figures) or in this one. */
interface SandboxHandle extends AutoCloseable {
    String baseUrl();

    String apiKey();

    /** How many actions the sandbox holds now. */
    int actionCount();

    /** Back to the demo data with no recorded requests, so a long run does not grow the server's heap. */
    void reset();

    /** CPU time the server has used so far, in nanoseconds; -1 when it runs in this JVM and cannot be told apart. */
    long cpuNanos();

    /** One line for the report. */
    String describe();

    @Override
    void close();

    /** Starts {@link SandboxProcess} with this JVM's java and class path, plus {@code jvmOptions}. */
    static SandboxHandle child(List<String> jvmOptions) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SandboxProcess.class.getName());
        command.add("--port");
        command.add("0");
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            var out = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            String ready = in.readLine();
            while (ready != null && !ready.startsWith("READY ")) {
                ready = in.readLine(); // logging that went to stdout
            }
            if (ready == null) {
                process.destroyForcibly();
                throw new IllegalStateException("the sandbox process ended before it was ready: " + command);
            }
            String[] parts = ready.split(" ");
            return new Child(process, in, out, parts[1], parts[2], String.join(" ", jvmOptions));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox process", e);
        }
    }

    /** The sandbox on its own Vert.x in this JVM: allocation figures then include the server's. */
    static SandboxHandle inProcess() {
        Vertx vertx = Vertx.vertx();
        Sandbox sandbox = Sandbox.start(vertx, new SandboxOptions().setRateLimitEnabled(false)).await();
        return new SandboxHandle() {
            @Override
            public String baseUrl() {
                return sandbox.baseUrl();
            }

            @Override
            public String apiKey() {
                return sandbox.apiKey();
            }

            @Override
            public int actionCount() {
                return sandbox.state().actionCount();
            }

            @Override
            public void reset() {
                sandbox.state().reset();
                sandbox.clearRequests();
            }

            @Override
            public long cpuNanos() {
                return -1;
            }

            @Override
            public String describe() {
                return "in this JVM (allocation includes the server's) at " + sandbox.baseUrl();
            }

            @Override
            public void close() {
                sandbox.close().await();
                vertx.close().await();
            }
        };
    }

    /**
     * No sandbox: a bare HTTP server in this JVM answers every request at once with the spec's example 201, from one
     * buffer. It does next to nothing, so a cell against it measures the clients' own cost per create.
     */
    static SandboxHandle canned() {
        Vertx vertx = Vertx.vertx();
        Buffer created = Buffer.buffer(SpecExamples.createdAction());
        AtomicInteger answered = new AtomicInteger();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.end().onComplete(read -> {
            answered.incrementAndGet();
            request.response().setStatusCode(201).putHeader("content-type", "application/json").end(created);
        })).listen(0, "127.0.0.1").await();
        String baseUrl = "http://127.0.0.1:" + server.actualPort();
        return new SandboxHandle() {
            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public String apiKey() {
                return SandboxOptions.DEMO_API_KEY;
            }

            @Override
            public int actionCount() {
                return answered.get();
            }

            @Override
            public void reset() {
                answered.set(0);
            }

            @Override
            public long cpuNanos() {
                return -1;
            }

            @Override
            public String describe() {
                return "a canned 201 in this JVM (allocation and CPU include the server's) at " + baseUrl;
            }

            @Override
            public void close() {
                vertx.close().await();
            }
        };
    }

    /** The child JVM, driven over its stdin and stdout. */
    final class Child implements SandboxHandle {
        private final Process process;
        private final BufferedReader in;
        private final PrintWriter out;
        private final String baseUrl;
        private final String apiKey;
        private final String jvmOptions;

        private Child(Process process, BufferedReader in, PrintWriter out, String baseUrl, String apiKey, String jvmOptions) {
            this.process = process;
            this.in = in;
            this.out = out;
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
            this.jvmOptions = jvmOptions;
        }

        @Override
        public String baseUrl() {
            return baseUrl;
        }

        @Override
        public String apiKey() {
            return apiKey;
        }

        @Override
        public int actionCount() {
            return Integer.parseInt(ask("count").substring("actions ".length()));
        }

        @Override
        public void reset() {
            ask("reset");
        }

        @Override
        public long cpuNanos() {
            return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
        }

        @Override
        public String describe() {
            return "in a child JVM (pid " + process.pid() + (jvmOptions.isEmpty() ? "" : ", " + jvmOptions) + ") at " + baseUrl;
        }

        private synchronized String ask(String command) {
            out.println(command);
            try {
                String answer = in.readLine();
                if (answer == null || answer.startsWith("error")) {
                    throw new IllegalStateException("the sandbox process answered " + answer + " to " + command);
                }
                return answer;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            out.close(); // EOF on its stdin: it closes the sandbox and exits
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

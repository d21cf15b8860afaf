package dev.firebrigade.bench;

import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Vertx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The sandbox in a JVM of its own, so the client's allocation and CPU figures do not include the server's. Started by
 * {@link SandboxHandle#child}; it prints {@code READY <baseUrl> <apiKey>} and then answers one command per stdin line:
 * {@code count} (prints {@code actions <n>}) and {@code reset} (demo data back, recorded requests dropped; prints {@code ok}). It exits when stdin closes, so it
 * never outlives the harness that started it.
 */
public final class SandboxProcess {
    private SandboxProcess() {
    }

    public static void main(String[] args) throws IOException {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            }
        }
        Vertx vertx = Vertx.vertx();
        Sandbox sandbox = Sandbox.start(vertx, new SandboxOptions().setPort(port).setRateLimitEnabled(false)).await();
        var out = System.out;
        out.println("READY " + sandbox.baseUrl() + " " + sandbox.apiKey());
        out.flush();
        try (var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                switch (line.strip()) {
                    case "count" -> out.println("actions " + sandbox.state().actionCount());
                    case "reset" -> {
                        sandbox.state().reset();
                        sandbox.clearRequests();
                        out.println("ok");
                    }
                    default -> out.println("error unknown command: " + line);
                }
                out.flush();
            }
        } finally {
            sandbox.close().await();
            vertx.close().await();
        }
    }
}

package dev.firebrigade.webhooks;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** incident.io's OpenAPI spec, from {@code -Dfirebrigade.spec}; tests that need it skip with a reason when it is absent. */
final class Spec {
    private static JsonObject loaded;

    private Spec() {
    }

    static Optional<Path> path() {
        String configured = System.getProperty("firebrigade.spec");
        return configured == null ? Optional.empty() : Optional.of(Path.of(configured)).filter(Files::isRegularFile);
    }

    static void assumePresent() {
        assumeTrue(path().isPresent(), "incident.io's openapi.json is not at -Dfirebrigade.spec ("
                + System.getProperty("firebrigade.spec") + "): spec tests skipped");
    }

    /** The spec's {@code x-webhooks}: event type to its operation. */
    static synchronized JsonObject webhooks() {
        assumePresent();
        if (loaded == null) {
            try {
                loaded = new JsonObject(Files.readString(path().orElseThrow()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        var byType = new JsonObject();
        loaded.getJsonObject("x-webhooks").forEach(entry ->
                byType.put(entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1), entry.getValue()));
        return byType;
    }

    /** The documented example body of an event type. */
    static JsonObject example(String eventType) {
        return webhooks().getJsonObject(eventType).getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("example");
    }
}

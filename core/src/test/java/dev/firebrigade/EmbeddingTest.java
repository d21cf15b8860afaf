package dev.firebrigade;

import dev.firebrigade.error.AuthenticationException;
import dev.firebrigade.sandbox.RecordedRequest;
import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embedding as Vert.x users test it: {@link FireBrigadeVerticle}, the README's example, deployed with its options as
 * JSON config, driven over the event bus, with {@link VertxExtension} and {@link VertxTestContext}.
 */
@ExtendWith(VertxExtension.class)
class EmbeddingTest {
    /** Marks a Java block of the README or docs/ that must be in {@link FireBrigadeVerticle}'s source as written. */
    private static final String COMPILED_MARK = "<!-- compiled: core/src/test/java/dev/firebrigade/FireBrigadeVerticle.java -->";
    private static final Path ROOT = Path.of(System.getProperty("firebrigade.root", "..")).toAbsolutePath().normalize();

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox(Vertx vertx, VertxTestContext context) {
        Sandbox.start(vertx, new SandboxOptions()).onComplete(context.succeeding(started -> {
            sandbox = started;
            context.completeNow();
        }));
    }

    @AfterEach
    void stopSandbox(VertxTestContext context) {
        sandbox.close().onComplete(context.succeedingThenComplete());
    }

    private DeploymentOptions configured(String apiKey) {
        return new DeploymentOptions().setConfig(new JsonObject().put("baseUrl", sandbox.baseUrl()).put("apiKey", apiKey)
                .put("connectTimeout", "PT5S").put("retryPolicy", new JsonObject().put("maxAttempts", 2)));
    }

    @Test
    void aVerticleCreatesAnActionForEachMessage(Vertx vertx, VertxTestContext context) {
        vertx.deployVerticle(new FireBrigadeVerticle(), configured(sandbox.apiKey()))
                .compose(deployed -> vertx.eventBus().<String>request("fire-brigade.call", "INC-2"))
                .onComplete(context.succeeding(reply -> context.verify(() -> {
                    JsonObject action = sandbox.state().action(reply.body()).orElseThrow();
                    assertThat(action.getString("description")).isEqualTo("Call the fire brigade");
                    assertThat(sandbox.requests()).extracting(RecordedRequest::method, RecordedRequest::path)
                            .contains(org.assertj.core.groups.Tuple.tuple("POST", "/v3/actions"));
                    context.completeNow();
                })));
    }

    @Test
    void aFailedCallIsAFailedReplyWithIncidentIosWords(Vertx vertx, VertxTestContext context) {
        vertx.deployVerticle(new FireBrigadeVerticle(), configured(sandbox.apiKey()))
                .compose(deployed -> vertx.eventBus().<String>request("fire-brigade.call", "INC-404"))
                .onComplete(context.failing(error -> context.verify(() -> {
                    assertThat(error).isInstanceOf(ReplyException.class).hasMessageContaining("INC-404");
                    context.completeNow();
                })));
    }

    @Test
    void aRefusedKeyFailsTheDeploymentAndUndeployingLeavesVertxRunning(Vertx vertx, VertxTestContext context) {
        vertx.deployVerticle(new FireBrigadeVerticle(), configured("not-the-key-000000000000"))
                .onComplete(context.failing(refused -> context.verify(() -> {
                    assertThat(refused).isInstanceOf(AuthenticationException.class);
                    vertx.deployVerticle(new FireBrigadeVerticle(), configured(sandbox.apiKey()))
                            .compose(vertx::undeploy)
                            .compose(undeployed -> vertx.eventBus().<String>request("fire-brigade.call", "INC-2"))
                            .onComplete(context.failing(noConsumer -> context.verify(() -> {
                                assertThat(((ReplyException) noConsumer).failureType().name()).isEqualTo("NO_HANDLERS");
                                assertThat(vertx.setTimer(1, id -> { })).as("Vert.x still runs").isNotNegative();
                                context.completeNow();
                            })));
                })));
    }

    @Test
    void theDocsEmbeddingExampleIsThisVerticleAsWritten() throws IOException {
        String source = normalized(Files.readString(Path.of("src/test/java/dev/firebrigade/FireBrigadeVerticle.java")));
        List<String> blocks = new ArrayList<>();
        try (Stream<Path> docs = Stream.concat(Stream.of(ROOT.resolve("README.md")),
                Files.isDirectory(ROOT.resolve("docs")) ? Files.walk(ROOT.resolve("docs")) : Stream.empty())) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                Matcher block = Pattern.compile(Pattern.quote(COMPILED_MARK) + "\\s*```java\\n(.*?)```", Pattern.DOTALL)
                        .matcher(Files.readString(doc));
                while (block.find()) {
                    blocks.add(block.group(1));
                }
            }
        }

        assertThat(blocks).as("the README or docs/ show the embedding example after " + COMPILED_MARK).isNotEmpty();
        assertThat(blocks).allSatisfy(block -> assertThat(source).contains(normalized(block)));
    }

    /** Each line without its indentation, so the README may indent differently; imports are the test's business. */
    private static String normalized(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("import "))
                .reduce("", (a, b) -> a + b + "\n");
    }
}

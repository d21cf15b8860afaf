package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxLifecycleTest {
    private Vertx vertx;

    @BeforeEach
    void createVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeVertx() {
        vertx.close().await();
    }

    @Test
    void twoSandboxesOnPortZeroGetTheirOwnPortsAndState() {
        var one = Sandbox.start(vertx, new SandboxOptions()).await();
        var two = Sandbox.start(vertx, new SandboxOptions()).await();

        one.state().clear();

        assertThat(one.port()).isNotEqualTo(two.port());
        assertThat(two.state().actionCount()).isEqualTo(5);
        one.close().await();
        two.close().await();
    }

    @Test
    void closeFreesThePortAndLeavesVertxRunning() {
        var sandbox = Sandbox.start(vertx, new SandboxOptions()).await();
        int port = sandbox.port();

        sandbox.close().await();

        // Nothing listens there any more (rebinding the same port would race other processes on a busy machine).
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        var again = Sandbox.start(vertx, new SandboxOptions()).await();
        assertThat(again.port()).isPositive();
        again.close().await();
    }

    @Test
    void failsToStartOnATakenPort() {
        var sandbox = Sandbox.start(vertx, new SandboxOptions()).await();

        assertThatThrownBy(() -> Sandbox.start(vertx, new SandboxOptions().setPort(sandbox.port())).await())
                .isInstanceOf(Exception.class);
        sandbox.close().await();
    }

    @Test
    void failsToStartWithAMissingContractSpec() {
        assertThatThrownBy(() -> Sandbox.start(vertx, new SandboxOptions().setContractSpec(Path.of("/no/such/openapi.json"))).await())
                .hasMessageContaining("cannot read the OpenAPI spec at /no/such/openapi.json");
    }

    @Test
    void optionsRefuseNonsense() {
        var options = new SandboxOptions();

        assertThatThrownBy(() -> options.setPort(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.setRateLimitCapacity(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.setRateLimitRefillPerSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.setApiKeys(java.util.Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

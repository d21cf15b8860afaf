package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void plainHttpIsOnlyForLoopback() {
        assertThat(new IncidentIoOptions().setBaseUrl("http://127.0.0.1:8080").getBaseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(new IncidentIoOptions().setBaseUrl("http://localhost:8080/").getBaseUrl()).isEqualTo("http://localhost:8080");
        assertThat(new IncidentIoOptions().setBaseUrl("http://[::1]:8080").getBaseUrl()).isEqualTo("http://[::1]:8080");
        assertThatThrownBy(() -> new IncidentIoOptions().setBaseUrl("http://api.incident.io"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("use https");
        assertThatThrownBy(() -> new IncidentIoOptions().setBaseUrl("ftp://api.incident.io"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("base_url");
        assertThatThrownBy(() -> new IncidentIoOptions().setBaseUrl("https://user:pw@api.incident.io"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("user info");
    }

    @Test
    void copiesAreIndependent() {
        var original = new IncidentIoOptions().setActionsApi(ActionsApi.V3);
        var copy = new IncidentIoOptions(original).setActionsApi(ActionsApi.V2).setRequestTimeout(Duration.ofSeconds(5));

        assertThat(original.getActionsApi()).isEqualTo(ActionsApi.V3);
        assertThat(original.getRequestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(copy.getActionsApi()).isEqualTo(ActionsApi.V2);
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> new IncidentIoOptions().setConnectTimeout(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new IncidentIoOptions().setMaxConnections(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxConnections");
    }

    @Test
    void closeIsIdempotentAndLeavesTheCallersVertxRunning() {
        Vertx vertx = Vertx.vertx();
        try {
            IncidentIo io = IncidentIo.create(vertx, new IncidentIoOptions().setApiKey("k"));
            io.close().await();
            io.close().await();

            assertThat(vertx.setTimer(1, id -> { })).as("vertx still schedules").isNotNegative();
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void aClientWithItsOwnVertxClosesIt() {
        IncidentIo io = IncidentIo.create(new IncidentIoOptions().setApiKey("k"));
        var stopped = new AtomicBoolean();
        io.vertx().deployVerticle(new VerticleBase() {
            @Override
            public Future<?> stop() throws Exception {
                stopped.set(true);
                return super.stop();
            }
        }).await();

        io.close().await();

        assertThat(stopped).as("Vert.x undeployed its verticles on close").isTrue();
    }
}

package dev.firebrigade.repl;

import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A sandbox started by the test itself, standing in for incident.io reached with a key: what the REPL meets when
 * INCIDENT_IO_API_KEY and INCIDENT_IO_BASE_URL are set.
 */
abstract class KeyedServerFixture {
    static Vertx vertx;
    static Sandbox incidentIo;

    @BeforeAll
    static void startAServerWithAKey() {
        vertx = Vertx.vertx();
        incidentIo = Sandbox.start(vertx, new SandboxOptions()).await();
    }

    @AfterAll
    static void stopTheServer() {
        incidentIo.close().await();
        vertx.close().await();
    }
}

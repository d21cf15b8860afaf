package dev.firebrigade.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class against one sandbox with default options and the demo data, started once for the whole class. */
abstract class DemoSandboxTest {
    static SandboxClient http;

    @BeforeAll
    static void startSandbox() {
        http = SandboxClient.start();
    }

    @AfterAll
    static void stopSandbox() {
        http.close();
    }
}

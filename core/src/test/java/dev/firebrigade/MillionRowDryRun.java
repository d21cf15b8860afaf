package dev.firebrigade;

import dev.firebrigade.bulk.BulkReport;
import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A dry run of the CSV given as argument against a fresh sandbox, in a JVM of its own so that the test can bound its
 * heap: prints {@code valid N of TOTAL, ending} and exits 0 when every row is valid.
 */
public final class MillionRowDryRun {
    private MillionRowDryRun() {
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        int code = 1;
        try {
            Sandbox sandbox = Sandbox.start(vertx, new SandboxOptions().setRateLimitEnabled(false)).await();
            IncidentIo io = IncidentIo.create(vertx, new IncidentIoOptions().setBaseUrl(sandbox.baseUrl())
                    .setApiKey(sandbox.apiKey()).setRateLimit(RateLimitPolicy.none()));
            BulkReport report = io.actions().bulk(Path.of(args[0])).keepOutcomes(100).dryRun()
                    .await(200, TimeUnit.SECONDS);
            System.out.println("valid " + report.valid() + " of " + report.total() + ", "
                    + report.ending().name().toLowerCase());
            code = report.ok() && report.valid() == report.total() ? 0 : 1;
        } finally {
            System.out.flush();
            Runtime.getRuntime().halt(code);
        }
    }
}

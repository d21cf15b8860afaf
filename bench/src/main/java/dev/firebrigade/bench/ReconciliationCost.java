package dev.firebrigade.bench;

import dev.firebrigade.ActionsApi;
import dev.firebrigade.IncidentIo;
import dev.firebrigade.IncidentIoOptions;
import dev.firebrigade.RateLimitPolicy;
import dev.firebrigade.RetryPolicy;
import dev.firebrigade.bulk.BulkReport;
import dev.firebrigade.sandbox.RecordedRequest;
import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What looking for one lost create costs on an incident that already holds many actions, on v2 (which lists the whole
 * incident) and v3 (which asks only for the window): the listing requests and the bytes of their answers. Three
 * cases: a safe create whose answer was lost (the action is found), one whose request was lost (every mode is listed,
 * then it is sent again), and a bulk resuming a journal with one row in doubt.
 *
 * <pre>java -cp bench/target/firebrigade-bench.jar dev.firebrigade.bench.ReconciliationCost --actions 2000</pre>
 */
public final class ReconciliationCost {
    /** One case on one API: how many listing requests, and the body bytes and actions they were answered with. */
    public record Cost(String kind, ActionsApi api, int requests, long bytes, int actionsReturned) {
        @Override
        public String toString() {
            return String.format("%-24s %-3s %8d %12d %10d", kind, api, requests, bytes, actionsReturned);
        }
    }

    private ReconciliationCost() {
    }

    public static void main(String[] args) throws Exception {
        int actions = args.length == 2 && args[0].equals("--actions") ? Integer.parseInt(args[1]) : 2000;
        System.out.println("Reconciling one create on an incident holding " + actions + " actions");
        System.out.printf("%-24s %-3s %8s %12s %10s%n", "case", "api", "requests", "body bytes", "actions");
        measure(actions).forEach(System.out::println);
        System.exit(0);
    }

    /** Every case on both APIs, each on a fresh incident of {@code actions} actions created a week ago. */
    public static List<Cost> measure(int actions) throws Exception {
        Vertx vertx = Vertx.vertx();
        Sandbox sandbox = Sandbox.start(vertx, new SandboxOptions().setRateLimitEnabled(false)).await();
        Path dir = Files.createTempDirectory("reconciliation-cost");
        try {
            var costs = new ArrayList<Cost>();
            for (ActionsApi api : ActionsApi.values()) {
                IncidentIo io = IncidentIo.create(vertx, new IncidentIoOptions().setBaseUrl(sandbox.baseUrl())
                        .setApiKey(sandbox.apiKey()).setActionsApi(api).setRateLimit(RateLimitPolicy.none())
                        .setRetryPolicy(RetryPolicy.defaults().withReconcileDelay(Duration.ofMillis(10))));
                try {
                    costs.add(safeCreate(sandbox, io, incidentWith(sandbox, actions)));
                    costs.add(safeCreateNotLanded(sandbox, io, incidentWith(sandbox, actions)));
                    costs.add(bulkResume(sandbox, io, incidentWith(sandbox, actions), dir));
                } finally {
                    io.close().await();
                }
            }
            return costs;
        } finally {
            sandbox.close().await();
            vertx.close().await();
        }
    }

    /** A create whose answer is lost after incident.io made it: the client lists, finds it, sends nothing more. */
    private static Cost safeCreate(Sandbox sandbox, IncidentIo io, String incident) throws Exception {
        sandbox.faults().on("POST", io.actions().api().path()).resetAfterProcessing().times(1);
        io.actions().forIncident(incident).describe("Lost answer").create().await();
        return cost("safe create", sandbox, io.actions().api());
    }

    /**
     * A create reset before incident.io processed it: the client lists the default modes, then the test, tutorial and
     * stream ones, finds nothing, and sends it again.
     */
    private static Cost safeCreateNotLanded(Sandbox sandbox, IncidentIo io, String incident) throws Exception {
        sandbox.faults().on("POST", io.actions().api().path()).resetBeforeProcessing().times(1);
        io.actions().forIncident(incident).describe("Never landed").create().await();
        return cost("safe create, not landed", sandbox, io.actions().api());
    }

    /** A journal whose last run died after sending one row: the resume looks for it before sending anything. */
    private static Cost bulkResume(Sandbox sandbox, IncidentIo io, String incident, Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve(io.actions().api() + ".csv"),
                "incident,description,assignee,key\n" + incident + ",Row in doubt,,doubt\n");
        Instant sent = Instant.now();
        sandbox.state().addAction(new JsonObject().put("incident_id", incident).put("description", "Row in doubt"));
        Path journal = Files.writeString(dir.resolve(io.actions().api() + ".journal"),
                "{\"event\":\"run\",\"version\":1,\"source\":\"" + csv + "\",\"at\":\"" + sent + "\"}\n"
                        + "{\"event\":\"sending\",\"key\":\"key:doubt\",\"row\":1,\"line\":2,\"incident\":\"" + incident
                        + "\",\"description\":\"Row in doubt\",\"at\":\"" + sent + "\"}\n");
        sandbox.clearRequests();
        BulkReport report = io.actions().bulk(csv).journal(journal).run().await();
        if (report.skipped() != 1 || report.created() != 0) {
            throw new IllegalStateException("the row in doubt was not found: " + report.summary(5));
        }
        return cost("bulk, 1 row in doubt", sandbox, io.actions().api());
    }

    /** The listings the sandbox saw since it was last cleared, asked again to weigh their answers. */
    private static Cost cost(String kind, Sandbox sandbox, ActionsApi api) throws Exception {
        List<RecordedRequest> listings = sandbox.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals(api.path())).toList();
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long bytes = 0;
        int returned = 0;
        for (RecordedRequest listing : listings) {
            var answer = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + listing.path()
                            + (listing.query().isEmpty() ? "" : "?" + listing.query())))
                    .header("Authorization", "Bearer " + sandbox.apiKey()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            bytes += answer.body().length;
            returned += new JsonObject(Buffer.buffer(answer.body())).getJsonArray("actions").size();
        }
        return new Cost(kind, api, listings.size(), bytes, returned);
    }

    /** A new incident with {@code count} actions created a week ago, assigned like real ones. */
    private static String incidentWith(Sandbox sandbox, int count) {
        String incident = sandbox.state().addIncident(new JsonObject()).getString("id");
        String weekAgo = Instant.now().minus(Duration.ofDays(7)).toString();
        JsonObject assignee = new JsonObject().put("id", "01FCNDV6P870EA6S7TK1DSYDG0").put("name", "Lisa Karlin Curtis")
                .put("email", "lisa@incident.io").put("role", "owner").put("slack_user_id", "U02AYNF2XJM");
        for (int i = 0; i < count; i++) {
            sandbox.state().addAction(new JsonObject().put("incident_id", incident).put("assignee", assignee)
                    .put("description", "Follow-up " + i + ": check the sprinkler heads on floor " + (i % 40))
                    .put("created_at", weekAgo).put("updated_at", weekAgo));
        }
        sandbox.clearRequests();
        return incident;
    }
}

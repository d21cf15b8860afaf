package dev.firebrigade.bench;

import dev.firebrigade.webhooks.WebhookEvent;
import dev.firebrigade.webhooks.WebhookOptions;
import dev.firebrigade.webhooks.WebhookSecret;
import dev.firebrigade.webhooks.WebhookVerifier;
import io.vertx.core.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * The webhook receiver's work per delivery on one thread, without the network: check the timestamp and the Svix
 * signature (HMAC-SHA256 over id, timestamp and body, compared in constant time) and decode the body into a typed
 * event. The goal is at least 20,000 verified events per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class WebhookBenchmarks {
    /** Distinct deliveries, cycled, so no cache of one body flatters the figure. */
    private static final int DELIVERIES = 1024;
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");

    private WebhookVerifier verifier;
    private String[] ids;
    private String timestamp;
    private String[] signatures;
    private byte[][] actionBodies;
    private byte[][] incidentBodies;
    private String[] incidentSignatures;
    private int next;

    @Setup
    public void setUp() {
        verifier = WebhookVerifier.create(new WebhookOptions().addSecret(SECRET).setClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        var secret = WebhookSecret.parse(SECRET);
        timestamp = Long.toString(NOW.getEpochSecond());
        ids = new String[DELIVERIES];
        signatures = new String[DELIVERIES];
        incidentSignatures = new String[DELIVERIES];
        actionBodies = new byte[DELIVERIES][];
        incidentBodies = new byte[DELIVERIES][];
        for (int i = 0; i < DELIVERIES; i++) {
            ids[i] = "msg_2bench" + i;
            actionBodies[i] = actionCreated(i).getBytes(StandardCharsets.UTF_8);
            incidentBodies[i] = incidentCreated(i).getBytes(StandardCharsets.UTF_8);
            signatures[i] = secret.sign(ids[i], NOW.getEpochSecond(), actionBodies[i]);
            incidentSignatures[i] = secret.sign(ids[i], NOW.getEpochSecond(), incidentBodies[i]);
        }
    }

    /** An action event as incident.io sends it (about 600 bytes). */
    @Benchmark
    public WebhookEvent verifyActionEvent() {
        int i = next++ & (DELIVERIES - 1);
        return verifier.verify(ids[i], timestamp, signatures[i], actionBodies[i]);
    }

    /** An incident event, about 2.5 KB: a larger body to hash and decode. */
    @Benchmark
    public WebhookEvent verifyIncidentEvent() {
        int i = next++ & (DELIVERIES - 1);
        return verifier.verify(ids[i], timestamp, incidentSignatures[i], incidentBodies[i]);
    }

    static String actionCreated(int i) {
        return new JsonObject().put("event_type", "public_incident.action_created_v1")
                .put("public_incident.action_created_v1", new JsonObject()
                        .put("assignee", new JsonObject().put("email", "lisa@incident.io").put("id", "01FCNDV6P870EA6S7TK1DSYDG0")
                                .put("name", "Lisa Karlin Curtis").put("role", "viewer").put("slack_user_id", "U02AYNF2XJM"))
                        .put("created_at", "2021-08-17T13:28:57.801578Z")
                        .put("description", "Call the fire brigade, round " + i)
                        .put("external_issue_reference", new JsonObject().put("issue_name", "INC-123")
                                .put("issue_permalink", "https://linear.app/incident-io/issue/INC-1609/find-copywriter-to-write-up")
                                .put("provider", "linear"))
                        .put("follow_up", false)
                        .put("id", String.format("01FCNDV6P870EA6S7TK1D%05d", i))
                        .put("incident_id", "01FCNDV6P870EA6S7TK1DSYD5H")
                        .put("status", "outstanding")
                        .put("updated_at", "2021-08-17T13:28:57.801578Z"))
                .encode();
    }

    static String incidentCreated(int i) {
        var status = new JsonObject().put("category", "live").put("created_at", "2021-08-17T13:28:57.801578Z")
                .put("description", "Impact has been **fully mitigated**, and we're ready to learn from this incident.")
                .put("id", "01FCNDV6P870EA6S7TK1DSYD5H").put("name", "Investigating").put("rank", 4)
                .put("updated_at", "2021-08-17T13:28:57.801578Z");
        var user = new JsonObject().put("email", "lisa@incident.io").put("id", "01FCNDV6P870EA6S7TK1DSYDG0")
                .put("name", "Lisa Karlin Curtis").put("role", "owner").put("slack_user_id", "U02AYNF2XJM");
        var role = new JsonObject().put("created_at", "2021-08-17T13:28:57.801578Z")
                .put("description", "The person currently coordinating the incident").put("id", "01FCNDV6P870EA6S7TK1DSYDG0")
                .put("instructions", "Take point on the incident; Make sure people are clear on responsibilities")
                .put("name", "Incident Lead").put("required", false).put("role_type", "lead").put("shortform", "lead")
                .put("updated_at", "2021-08-17T13:28:57.801578Z");
        var incident = new JsonObject()
                .put("call_url", "https://zoom.us/foo").put("created_at", "2021-08-17T13:28:57.801578Z")
                .put("creator", new JsonObject().put("user", user))
                .put("custom_field_entries", new io.vertx.core.json.JsonArray())
                .put("id", String.format("01FDAG4SAP5TYPT98WGR2%05d", i))
                .put("incident_role_assignments", new io.vertx.core.json.JsonArray().add(new JsonObject().put("assignee", user).put("role", role)))
                .put("incident_status", status)
                .put("mode", "standard").put("name", "Our database is sad, round " + i)
                .put("permalink", "https://app.incident.io/incidents/123").put("reference", "INC-" + i)
                .put("severity", new JsonObject().put("created_at", "2021-08-17T13:28:57.801578Z")
                        .put("description", "Issues with **low impact**.").put("id", "01FCNDV6P870EA6S7TK1DSYDG0")
                        .put("name", "Minor").put("rank", 1).put("updated_at", "2021-08-17T13:28:57.801578Z"))
                .put("slack_channel_id", "C02AW36C1M5").put("slack_channel_name", "inc-165-green-parrot")
                .put("slack_team_id", "T02A1FSLE8J")
                .put("summary", "Our database is really really sad, and we don't know why yet. ".repeat(8))
                .put("updated_at", "2021-08-17T13:28:57.801578Z").put("visibility", "public");
        return new JsonObject().put("event_type", "public_incident.incident_created_v2")
                .put("public_incident.incident_created_v2", incident).encode();
    }
}

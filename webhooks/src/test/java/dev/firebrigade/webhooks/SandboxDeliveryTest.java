package dev.firebrigade.webhooks;

import dev.firebrigade.IncidentIo;
import dev.firebrigade.IncidentIoOptions;
import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.model.FollowUpStatus;
import dev.firebrigade.model.IncidentStatusCategory;
import dev.firebrigade.sandbox.OpenApiContract;
import dev.firebrigade.sandbox.Sandbox;
import dev.firebrigade.sandbox.SandboxOptions;
import dev.firebrigade.sandbox.WebhookAttempt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox plays incident.io's webhooks and the receiver takes them, end to end over loopback: an application
 * and its tests can run offline. With the spec present, every delivered body is checked against its x-webhooks schema.
 */
@Timeout(60)
class SandboxDeliveryTest {
    private static final String INCIDENT = "01FCNDV6P870EA6S7TK1DSYD5H";
    private static final String LISA = "01FCNDV6P870EA6S7TK1DSYDG0";

    private static Vertx vertx;
    private static Sandbox sandbox;
    private static IncidentIo io;
    private static HttpServer receiver;
    private static final BlockingQueue<WebhookEvent> received = new LinkedBlockingQueue<>();
    private static final AtomicInteger failuresToAnswer = new AtomicInteger();
    private static final AtomicInteger deliveriesSeen = new AtomicInteger();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        var options = new SandboxOptions()
                .setWebhookRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(150)));
        Spec.path().ifPresent(options::setContractSpec);
        sandbox = Sandbox.start(vertx, options).await();
        io = IncidentIo.create(vertx, new IncidentIoOptions().setBaseUrl(sandbox.baseUrl()).setApiKey(sandbox.apiKey()));
        var router = Router.router(vertx);
        router.post("/incident-io").handler(ctx -> {
            deliveriesSeen.incrementAndGet();
            // Playing an application that is down: it answers 503 before looking at the delivery.
            if (failuresToAnswer.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                ctx.response().setStatusCode(503).end();
            } else {
                ctx.next();
            }
        });
        receiver = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        var endpoint = sandbox.webhooks().register("http://127.0.0.1:" + receiver.actualPort() + "/incident-io");
        router.post("/incident-io").handler(IncidentIoWebhooks.handler(endpoint.secret(), event -> {
            received.add(event);
            return Future.succeededFuture();
        }));
    }

    @AfterAll
    static void stop() {
        io.close().await();
        sandbox.close().await();
        vertx.close().await();
    }

    @BeforeEach
    void calm() {
        received.clear();
        failuresToAnswer.set(0);
        deliveriesSeen.set(0);
    }

    @AfterEach
    void agreeWithTheSpec() {
        assertThat(sandbox.contractViolations()).isEmpty();
    }

    @Test
    void deliversEveryChangeToAnActionSignedAndTyped() throws Exception {
        var created = io.actions().forIncident(INCIDENT).describe("Call the fire brigade").assignTo(LISA).create().await();
        var createdEvent = (ActionEvent) next();
        io.actions().complete(created.id()).await();
        var completedEvent = (ActionEvent) next();
        io.actions().delete(created.id()).await();
        var deletedEvent = (ActionEvent) next();

        assertThat(createdEvent.type()).isEqualTo("public_incident.action_created_v1");
        assertThat(createdEvent.change()).isEqualTo(WebhookEvent.Change.CREATED);
        assertThat(createdEvent.action().id()).isEqualTo(created.id());
        assertThat(createdEvent.action().description()).isEqualTo("Call the fire brigade");
        assertThat(createdEvent.action().assignee().id()).isEqualTo(LISA);
        assertThat(createdEvent.messageId()).startsWith("msg_");
        assertThat(completedEvent.type()).isEqualTo("public_incident.action_updated_v1");
        assertThat(completedEvent.action().status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(completedEvent.action().completedAt()).isNotNull();
        // incident.io has no deleted event for actions; the sandbox sends an update with status deleted.
        assertThat(deletedEvent.action().status()).isEqualTo(ActionStatus.DELETED);
        assertThat(received).isEmpty();
    }

    @Test
    void deliversIncidentsAndOnlyTheIdOfWhatHappensInPrivateIncidents() throws Exception {
        var secret = sandbox.state().addIncident(new JsonObject().put("name", "Data leak").put("visibility", "private"));
        var publicIncident = sandbox.state().addIncident(new JsonObject().put("name", "Database down"));
        // Like Svix, the sandbox does not promise an order: tell the two apart by their type.
        var both = List.of(next(), next());
        var first = both.stream().filter(e -> e instanceof PrivateIncidentEvent).findFirst().orElseThrow();
        var second = both.stream().filter(e -> e instanceof IncidentEvent).findFirst().orElseThrow();
        sandbox.state().addAction(new JsonObject().put("incident_id", secret.getString("id")).put("description", "Rotate keys"));
        var hiddenAction = (PrivateIncidentEvent) next();

        assertThat(first).isInstanceOfSatisfying(PrivateIncidentEvent.class, event -> {
            assertThat(event.resource()).isEqualTo(PrivateIncidentEvent.Resource.INCIDENT);
            assertThat(event.resourceId()).isEqualTo(secret.getString("id"));
            assertThat(event.json().encode()).doesNotContain("Data leak");
        });
        assertThat(second).isInstanceOfSatisfying(IncidentEvent.class, event -> {
            assertThat(event.change()).isEqualTo(WebhookEvent.Change.CREATED);
            assertThat(event.incident().name()).isEqualTo("Database down");
            assertThat(event.incident().reference()).isEqualTo(publicIncident.getString("reference"));
        });
        assertThat(hiddenAction.resource()).isEqualTo(PrivateIncidentEvent.Resource.ACTION);
        assertThat(hiddenAction.json().encode()).doesNotContain("Rotate keys");
    }

    @Test
    void deliversEveryChangeToAFollowUpSignedAndTyped() throws Exception {
        var created = io.followUps().createFromLink(INCIDENT, "https://github.com/acme/api/issues/7").await();
        var createdEvent = (FollowUpEvent) next();
        io.followUps().edit(created.id()).assignTo(LISA).status(FollowUpStatus.COMPLETED).apply().await();
        var completedEvent = (FollowUpEvent) next();
        io.followUps().delete(created.id()).await();
        var deletedEvent = (FollowUpEvent) next();

        assertThat(createdEvent.type()).isEqualTo("public_incident.follow_up_created_v1");
        assertThat(createdEvent.change()).isEqualTo(WebhookEvent.Change.CREATED);
        assertThat(createdEvent.followUp().id()).isEqualTo(created.id());
        assertThat(createdEvent.followUp().incidentId()).isEqualTo(INCIDENT);
        // v1 events carry an ActionV1 flagged follow_up: the follow-up's title is its description there.
        assertThat(createdEvent.followUp().description()).isEqualTo(created.title());
        assertThat(createdEvent.json().getJsonObject(createdEvent.type()).getBoolean("follow_up")).isTrue();
        assertThat(completedEvent.type()).isEqualTo("public_incident.follow_up_updated_v1");
        assertThat(completedEvent.change()).isEqualTo(WebhookEvent.Change.UPDATED);
        assertThat(completedEvent.followUp().status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(completedEvent.followUp().assignee().id()).isEqualTo(LISA);
        assertThat(completedEvent.followUp().completedAt()).isNotNull();
        assertThat(deletedEvent.followUp().status()).isEqualTo(ActionStatus.DELETED);
        assertThat(received).isEmpty();
    }

    @Test
    void deliversAnIncidentEditAndItsStatusChange() throws Exception {
        var incident = sandbox.state().addIncident(new JsonObject().put("name", "Database down")).getString("id");
        next();
        var edited = io.incidents().edit(incident).name("Database down, again").status("Monitoring").apply().await();
        // One edit, two events; Svix does not promise their order.
        var both = List.of((IncidentEvent) next(), (IncidentEvent) next());
        var updated = both.stream().filter(e -> e.change() == WebhookEvent.Change.UPDATED).findFirst().orElseThrow();
        var statusUpdated = both.stream().filter(e -> e.change() == WebhookEvent.Change.STATUS_UPDATED).findFirst()
                .orElseThrow();
        io.incidents().edit(incident).summary("Replica promoted").apply().await();
        var summaryOnly = (IncidentEvent) next();

        assertThat(updated.type()).isEqualTo("public_incident.incident_updated_v2");
        assertThat(updated.incident().name()).isEqualTo("Database down, again");
        assertThat(updated.incident().updatedAt()).isEqualTo(edited.updatedAt());
        assertThat(statusUpdated.type()).isEqualTo("public_incident.incident_status_updated_v2");
        assertThat(statusUpdated.previousStatus().name()).isEqualTo("Investigating");
        assertThat(statusUpdated.newStatus().name()).isEqualTo("Monitoring");
        assertThat(statusUpdated.newStatus().category()).isEqualTo(IncidentStatusCategory.LIVE);
        assertThat(statusUpdated.incident().incidentStatus().name()).isEqualTo("Monitoring");
        // A change that leaves the status alone is an update only.
        assertThat(summaryOnly.change()).isEqualTo(WebhookEvent.Change.UPDATED);
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void editsOfAPrivateIncidentAndItsFollowUpsCarryOnlyTheirIds() throws Exception {
        var secret = sandbox.state().addIncident(new JsonObject().put("name", "Data leak").put("visibility", "private"));
        next();
        var followUp = sandbox.state().putFollowUp(new JsonObject().put("incident_id", secret.getString("id"))
                .put("title", "Rotate every key"));
        var followUpCreated = (PrivateIncidentEvent) next();
        io.incidents().edit(secret.getString("id")).name("Data leak, contained").status("Monitoring").apply().await();
        var incidentUpdated = (PrivateIncidentEvent) next();

        assertThat(followUpCreated.type()).isEqualTo("private_incident.follow_up_created_v1");
        assertThat(followUpCreated.resource()).isEqualTo(PrivateIncidentEvent.Resource.FOLLOW_UP);
        assertThat(followUpCreated.resourceId()).isEqualTo(followUp.getString("id"));
        assertThat(followUpCreated.json().encode()).doesNotContain("Rotate");
        assertThat(incidentUpdated.type()).isEqualTo("private_incident.incident_updated_v2");
        assertThat(incidentUpdated.resourceId()).isEqualTo(secret.getString("id"));
        assertThat(incidentUpdated.json().encode()).doesNotContain("Data leak");
        // incident.io has no private incident_status_updated event: the update was the only one.
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void retriesAnEndpointThatFailsWithTheSameMessageIdSignedAnew() throws Exception {
        failuresToAnswer.set(2);
        var created = io.actions().forIncident(INCIDENT).describe("Check the sprinklers").create().await();

        var event = (ActionEvent) next();
        assertThat(event.action().id()).isEqualTo(created.id());
        assertThat(deliveriesSeen.get()).isEqualTo(3);
        // The sandbox records an attempt once it has the answer, just after our listener saw the event.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (attemptsOf(event.messageId()).size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<WebhookAttempt> attempts = attemptsOf(event.messageId());
        assertThat(attempts).extracting(WebhookAttempt::attempt).containsExactly(1, 2, 3);
        assertThat(attempts).extracting(WebhookAttempt::status).containsExactly(503, 503, 204);
        assertThat(attempts.get(2).last()).isTrue();
        assertThat(received).isEmpty();
    }

    @Test
    void givesUpAfterTheLastRetry() throws Exception {
        failuresToAnswer.set(100);
        io.actions().forIncident(INCIDENT).describe("Roll back").create().await();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sandbox.webhooks().outstanding() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sandbox.webhooks().outstanding()).isZero();
        // One attempt, then one per configured delay (three), and no more.
        assertThat(deliveriesSeen.get()).isEqualTo(4);
        WebhookAttempt last = sandbox.webhooks().attempts().get(sandbox.webhooks().attempts().size() - 1);
        assertThat(last.attempt()).isEqualTo(4);
        assertThat(last.last()).isTrue();
        assertThat(last.delivered()).isFalse();
        assertThat(received).isEmpty();
    }

    @Test
    void endpointsAreRegisteredThroughTheControlApiToo() {
        HttpClient http = vertx.createHttpClient();
        try {
            var anonymous = call(http, HttpMethod.POST, "/_sandbox/webhook_endpoints", null,
                    new JsonObject().put("url", "http://127.0.0.1:9/hook"));
            var bad = call(http, HttpMethod.POST, "/_sandbox/webhook_endpoints", sandbox.apiKey(),
                    new JsonObject().put("url", "not a url"));
            var registered = call(http, HttpMethod.POST, "/_sandbox/webhook_endpoints", sandbox.apiKey(),
                    new JsonObject().put("url", "http://127.0.0.1:9/hook"));
            var endpoint = registered.getJsonObject("body").getJsonObject("webhook_endpoint");
            var listed = call(http, HttpMethod.GET, "/_sandbox/webhook_endpoints", sandbox.apiKey(), null);
            var removed = call(http, HttpMethod.DELETE, "/_sandbox/webhook_endpoints/" + endpoint.getString("id"),
                    sandbox.apiKey(), null);

            assertThat(anonymous.getInteger("status")).isEqualTo(401);
            assertThat(bad.getInteger("status")).isEqualTo(422);
            assertThat(registered.getInteger("status")).isEqualTo(201);
            assertThat(endpoint.getString("secret")).startsWith("whsec_");
            assertThat(WebhookSecret.parse(endpoint.getString("secret"))).isNotNull();
            assertThat(listed.getJsonObject("body").getJsonArray("webhook_endpoints").encode())
                    .contains(endpoint.getString("id"));
            assertThat(removed.getInteger("status")).isEqualTo(204);
            assertThat(sandbox.webhooks().endpoints()).extracting(e -> e.id()).doesNotContain(endpoint.getString("id"));
            // The control API is the sandbox's own: it is not recorded among the API requests.
            assertThat(sandbox.requests()).noneMatch(r -> r.path().startsWith("/_sandbox"));
        } finally {
            http.close().await();
        }
    }

    @Test
    void theSchemaEveryDeliveryIsCheckedAgainstIsTheSpecsAndCatchesABrokenBody() {
        Spec.assumePresent();
        var contract = OpenApiContract.load(Spec.path().orElseThrow());
        var broken = new JsonObject().put("event_type", "public_incident.action_created_v1")
                .put("public_incident.action_created_v1", new JsonObject().put("id", "A1"));

        assertThat(contract.validateSchema("WebhooksPublicIncidentActionCreatedV1ResponseBody", broken))
                .anyMatch(violation -> violation.contains("incident_id"));
    }

    private JsonObject call(HttpClient http, HttpMethod method, String path, String key, JsonObject body) {
        return http.request(method, sandbox.port(), "127.0.0.1", path).compose(request -> {
            if (key != null) {
                request.putHeader("authorization", "Bearer " + key);
            }
            return body == null ? request.send() : request.putHeader("content-type", "application/json")
                    .send(Buffer.buffer(body.encode()));
        }).compose(response -> response.body().map(text -> new JsonObject().put("status", response.statusCode())
                .put("body", text.length() == 0 ? null : new JsonObject(text)))).await();
    }

    private static List<WebhookAttempt> attemptsOf(String messageId) {
        return sandbox.webhooks().attempts().stream().filter(a -> a.messageId().equals(messageId)).toList();
    }

    private static WebhookEvent next() throws InterruptedException {
        WebhookEvent event = received.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("a webhook within 10 s; %s", sandbox.webhooks().attempts()).isNotNull();
        return event;
    }
}

package dev.firebrigade;

import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.model.IssueTracker;
import dev.firebrigade.sandbox.DemoData;
import dev.firebrigade.sandbox.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile strings fed to every DSL method that takes one: each call ends, quickly, either in a result or in an
 * {@link IncidentIoException} that says what is wrong; and whatever reached the sandbox was a well-formed request.
 */
class FuzzTest extends SandboxFixture {
    private static final String MEGABYTE = "x".repeat(1024 * 1024);

    /** The hostile inputs, by name (the names are what a failing assertion prints). */
    static final Map<String, String> HOSTILE = new LinkedHashMap<>();

    static {
        HOSTILE.put("null", null);
        HOSTILE.put("empty", "");
        HOSTILE.put("blank", " \t\n ");
        HOSTILE.put("1 MB", MEGABYTE);
        HOSTILE.put("NUL", "a\u0000b");
        HOSTILE.put("CRLF header injection", "x\r\nX-Injected: 1\r\n\r\nGET /v1/api_keys HTTP/1.1");
        HOSTILE.put("escape sequence", "\u001b[31mred\u001b[0m\u0007");
        HOSTILE.put("emoji and scripts", "🔥 Café ñ 中文 عربى");
        HOSTILE.put("right-to-left override", "abc\u202Egpj.exe");
        HOSTILE.put("combining marks", "Z\u0351\u0352\u0353a\u0354l\u0355g\u0356o");
        HOSTILE.put("unpaired surrogate", "a\uD800b");
        HOSTILE.put("traversal", "../../v1/api_keys");
        HOSTILE.put("dot", ".");
        HOSTILE.put("dot dot", "..");
        HOSTILE.put("encoded traversal", "%2e%2e%2f%2e%2e%2fv1%2fapi_keys");
        HOSTILE.put("slashes and query", "a/b?c=d&e#f");
        HOSTILE.put("absolute URL", "https://evil.example.com/steal");
        HOSTILE.put("huge reference", "INC-99999999999999999999999999");
        HOSTILE.put("json breaker", "\"}],\"x\":{\"");
        HOSTILE.put("email with header", "lisa@incident.io\r\nBcc: all@example.com");
    }

    /** Every DSL method that takes a string, as a call on one hostile value. */
    private static Map<String, Function<String, Future<?>>> calls() {
        Map<String, Function<String, Future<?>>> calls = new LinkedHashMap<>();
        calls.put("actions().forIncident(s).create()", s -> io.actions().forIncident(s).describe("fuzz").create());
        calls.put("actions().describe(s).create()", s -> io.actions().forIncident(INCIDENT).describe(s).create());
        calls.put("actions().assignTo(s).create()", s -> io.actions().forIncident(INCIDENT).describe("fuzz").assignTo(s).create());
        calls.put("actions().forIncident(s).dryRun()", s -> Futures.attempt(() ->
                Future.succeededFuture(io.actions().forIncident(s).describe(s).assignTo(s).dryRun())));
        calls.put("actions().forIncident(s).resolvedDryRun()", s -> io.actions().forIncident(s).describe("fuzz").resolvedDryRun());
        calls.put("actions().get(s)", s -> io.actions().get(s));
        calls.put("actions().delete(s)", s -> io.actions().delete(s));
        calls.put("actions().complete(s)", s -> io.actions().complete(s));
        calls.put("actions().reopen(s)", s -> io.actions().reopen(s));
        calls.put("actions().edit(s).apply()", s -> io.actions().edit(s).describe("fuzz").apply());
        calls.put("actions().edit(id).describe(s).apply()", s -> io.actions().edit(EXAMPLE_ACTION).describe(s).apply());
        calls.put("actions().edit(id).assignTo(s).apply()", s -> io.actions().edit(EXAMPLE_ACTION).assignTo(s).apply());
        calls.put("actions().list().forIncident(s).fetch()", s -> io.actions().list().forIncident(s).fetch());
        calls.put("actions().list().forIncident(s).mode(TEST).fetch()",
                s -> io.actions().list().forIncident(s).mode(IncidentMode.TEST).fetch());
        calls.put("users().get(s)", s -> io.users().get(s));
        calls.put("users().byEmail(s)", s -> io.users().byEmail(s));
        calls.put("users().list().email(s).fetch()", s -> io.users().list().email(s).fetch());
        calls.put("users().list().slackUserId(s).fetch()", s -> io.users().list().slackUserId(s).fetch());
        calls.put("incidents().get(s)", s -> io.incidents().get(s));
        calls.put("incidents().list().status(s).firstPage()", s -> io.incidents().list().status(s).firstPage());
        calls.put("incidents().list().severity(s).firstPage()", s -> io.incidents().list().severity(s).firstPage());
        calls.put("incidents().list().where(s, s, s).firstPage()", s -> io.incidents().list().where(s, s, s).firstPage());
        calls.put("incidents().declare().name(s).create()",
                s -> io.incidents().declare().name(s).summary(s).mode(IncidentMode.TEST).create());
        calls.put("incidents().declare().severity(s).type(s).status(s).create()", s -> io.incidents().declare()
                .name("fuzz").severity(s).type(s).status(s).mode(IncidentMode.TEST).create());
        calls.put("incidents().declare().role(s, s).idempotencyKey(s).create()", s -> io.incidents().declare()
                .name("fuzz").role(s, s).idempotencyKey(s).mode(IncidentMode.TEST).create());
        calls.put("incidents().declare().lead(s).create()",
                s -> io.incidents().declare().name("fuzz").lead(s).mode(IncidentMode.TEST).create());
        calls.put("incidents().edit(s).apply()", s -> io.incidents().edit(s).status("Investigating").apply());
        calls.put("incidents().edit(id).name(s).summary(s).apply()",
                s -> io.incidents().edit(INCIDENT).name(s).summary(s).notifyChannel(false).apply());
        calls.put("incidents().edit(id).severity(s).status(s).apply()",
                s -> io.incidents().edit(INCIDENT).severity(s).status(s).apply());
        calls.put("incidentUpdates().forIncident(s).fetch()", s -> io.incidentUpdates().forIncident(s).fetch());
        calls.put("followUps().get(s)", s -> io.followUps().get(s));
        calls.put("followUps().delete(s)", s -> io.followUps().delete(s));
        calls.put("followUps().list().forIncident(s).assigneeTeam(s).fetch()",
                s -> io.followUps().list().forIncident(s).assigneeTeam(s).fetch());
        calls.put("followUps().edit(s).title(s).apply()", s -> io.followUps().edit(s).title(s).apply());
        calls.put("followUps().edit(id).describe(s).assignTo(s).labels(s).apply()", s -> io.followUps()
                .edit(DemoData.FOLLOW_UP_ALERTING).describe(s).assignTo(s).labels(s).apply());
        calls.put("followUps().edit(id).priority(s).category(s).assignTeam(s).apply()", s -> io.followUps()
                .edit(DemoData.FOLLOW_UP_ALERTING).priority(s).category(s).assignTeam(s).apply());
        calls.put("followUps().connectExternalIssue(s, JIRA, s)",
                s -> io.followUps().connectExternalIssue(s, IssueTracker.JIRA, s));
        calls.put("followUps().createFromLink(s, s)", s -> io.followUps().createFromLink(s, s));
        calls.put("raw().get(s)", s -> io.raw().get(s));
        calls.put("raw().post(s, {})", s -> io.raw().post(s, new JsonObject()));
        calls.put("raw().post(actions, {description: s})", s -> io.raw().post("/v2/actions",
                new JsonObject().put("incident_id", INCIDENT).put("description", s)));
        calls.put("raw().dryRun(s)", s -> Futures.attempt(() ->
                Future.succeededFuture(io.raw().dryRun(HttpMethod.GET, s, null))));
        return calls;
    }

    @Test
    void everyDslMethodMeetsEveryHostileStringWithAResultOrAClearError() {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        int calls = 0;
        for (var call : calls().entrySet()) {
            for (var input : HOSTILE.entrySet()) {
                calls++;
                String where = call.getKey() + " with " + input.getKey();
                Object outcome = outcome(() -> call.getValue().apply(input.getValue()));
                kinds.merge(outcome instanceof Throwable ? outcome.getClass().getSimpleName() : "result", 1, Integer::sum);
                if (outcome instanceof Throwable error && !(error instanceof IncidentIoException)) {
                    problems.add(where + ": " + error);
                } else if (outcome instanceof IncidentIoException error && (error.getMessage() == null
                        || error.getMessage().isBlank() || error.getMessage().length() > 2000)) {
                    problems.add(where + ": message unclear (" + (error.getMessage() == null ? "null"
                            : error.getMessage().length() + " chars") + ")");
                } else if (outcome instanceof InvalidInputException error && error.field() == null) {
                    problems.add(where + ": no field named");
                }
            }
        }

        System.out.println("[fuzz] " + calls + " calls, " + sandbox.requests().size() + " requests sent: " + kinds);
        assertThat(problems).as("out of %d calls", calls).isEmpty();
        assertThat(sandbox.requests()).as("every request that left was well-formed").allSatisfy(FuzzTest::wellFormed);
        sandbox.clearContractViolations();
    }

    @Test
    void textsThatAreOnlyUnusualArriveExactly() {
        for (String name : List.of("emoji and scripts", "right-to-left override", "combining marks", "escape sequence",
                "json breaker", "traversal", "CRLF header injection")) {
            String text = HOSTILE.get(name);

            Action created = io.actions().forIncident(INCIDENT).describe(text).create().await();

            assertThat(created.description()).as(name).isEqualTo(text);
            assertThat(sandbox.state().action(created.id()).orElseThrow().getString("description")).as(name).isEqualTo(text);
        }
    }

    @Test
    void aMegabyteIdIsRefusedBeforeSending() {
        var error = outcome(() -> io.actions().get(MEGABYTE));

        assertThat(error).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) error).getMessage()).contains("longer than");
        assertThat(sandbox.requests()).isEmpty();
    }

    private static final Pattern SAFE_PATH = Pattern.compile("/v[0-9]+/[A-Za-z0-9_\\-./%~]*");

    private static void wellFormed(RecordedRequest request) {
        assertThat(request.path()).as(request.toString()).matches(SAFE_PATH).doesNotContain("/../").doesNotEndWith("/..");
        assertThat(request.query()).as(request.toString()).doesNotContain(" ", "\r", "\n", "\u0000", "#");
        assertThat(request.headers().keySet()).as("no injected header").noneMatch(h -> h.equalsIgnoreCase("X-Injected")
                || h.equalsIgnoreCase("Bcc"));
    }

    /** The call's value or error, waiting at most 10 s: a hang is a failure of its own. */
    private static Object outcome(java.util.function.Supplier<Future<?>> call) {
        try {
            Future<?> future = call.get();
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            return new AssertionError("no answer within 10 s");
        } catch (Exception e) {
            return e;
        }
    }
}

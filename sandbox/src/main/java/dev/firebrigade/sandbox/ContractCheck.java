package dev.firebrigade.sandbox;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Applies an {@link OpenApiContract} to live traffic and keeps the violations for {@link Sandbox#contractViolations()}. */
final class ContractCheck {
    private final OpenApiContract contract;
    private final List<String> violations = new CopyOnWriteArrayList<>();

    ContractCheck(OpenApiContract contract) {
        this.contract = contract;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    void clear() {
        violations.clear();
    }

    /**
     * Checks a request body; if it breaks the contract, records why and returns the 422 the real API would send
     * (handlers throw it after their own, more specific validation: see {@link Endpoints#rejectIfContractBroken}).
     */
    ApiException checkRequest(RoutingContext ctx, String template, JsonObject body) {
        var method = ctx.request().method().name();
        var found = contract.requestViolations(method, template, body);
        if (found.isEmpty()) {
            return null;
        }
        found.forEach(v -> violations.add(method + " " + ctx.request().path() + " request: " + v.describe()));
        return ApiException.validation(found.stream()
                .map(v -> ErrorBodies.error(v.code(), v.message(), v.field()))
                .toList());
    }

    /**
     * Checks a webhook the sandbox sends against the spec's {@code x-webhooks} body schema, which is named after the
     * event type ({@code public_incident.action_created_v1} is {@code WebhooksPublicIncidentActionCreatedV1ResponseBody}).
     */
    void checkWebhook(String eventType, JsonObject body) {
        var schema = new StringBuilder("Webhooks");
        for (var word : eventType.split("[._]")) {
            schema.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        contract.schemaViolations(schema.append("ResponseBody").toString(), body)
                .forEach(v -> violations.add("webhook " + eventType + ": " + v.describe()));
    }

    void checkResponse(RoutingContext ctx, int status, JsonObject body) {
        String template = ctx.get(Sandbox.TEMPLATE);
        var method = ctx.request().method().name();
        List<OpenApiContract.Violation> found;
        if (template == null) {
            // Answered before routing (authentication, rate limit, unknown path): only errors happen there.
            found = status >= 400 ? contract.responseViolations(method, ctx.request().path(), status, body) : List.of();
        } else {
            found = contract.responseViolations(method, template, status, body);
        }
        found.forEach(v -> violations.add(method + " " + ctx.request().path() + " -> " + status + " response: " + v.describe()));
    }
}

package dev.firebrigade.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputErrorType;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks JSON bodies against incident.io's OpenAPI spec: the operation (method + path template, as written in
 * the spec, e.g. {@code /v2/actions/{id}}) chooses the schema from its {@code requestBody} or
 * {@code responses[status]}, and {@code $ref: #/components/schemas/...} are resolved by vertx-json-schema.
 * Results are human-readable violations; an empty list means the body conforms.
 *
 * <p>Beyond plain schema validation: an error response (4xx/5xx) is checked against the schema its operation
 * declares for that status ({@code ErrorResponse} on the v3 operations), and where none is declared (the older
 * operations declare only their success) against the documented error shape; optional request fields set to JSON
 * {@code null} count as absent, since the spec never marks anything nullable yet documents "Set to null to
 * unassign". Deprecated operations ({@code /v2/actions...}) are checked like any other: they work until removed.
 */
public final class OpenApiContract {
    /** A made-up base URI under which the spec's component schemas are registered; never fetched. */
    private static final String BASE = "https://firebrigade.invalid/openapi.json";
    private static final Map<Path, OpenApiContract> LOADED = new ConcurrentHashMap<>();
    private static final Pattern REQUIRED_PROPERTY = Pattern.compile("required property \"([^\"]+)\"");
    /** The error types of the newer spec's ErrorResponse enum (API-NOTES §3.2). */
    private static final Set<String> ERROR_TYPES = Set.of("invalid_request_error", "authentication_error",
            "resource_forbidden", "not_found", "not_acceptable", "method_not_allowed", "request_timeout", "conflict",
            "precondition_failed", "payload_too_large", "validation_error", "too_many_requests", "api_error",
            "rate_limit_reached", "client_timeout");

    /** One problem with a body: where (a JSON pointer like {@code /action/creator}), a code, and what is wrong. */
    record Violation(String pointer, String code, String message) {
        /** The pointer as a field name: {@code /assignee_id} gives {@code assignee_id}, {@code /a/b} gives {@code a.b}. */
        String field() {
            return pointer.isEmpty() ? null : pointer.substring(1).replace('/', '.');
        }

        String describe() {
            return (pointer.isEmpty() ? "(body)" : pointer) + ": " + message;
        }
    }

    private final JsonObject paths;
    private final JsonObject schemas;
    private final SchemaRepository repository;
    private final JsonSchemaOptions options;
    private final Map<String, Validator> validators = new ConcurrentHashMap<>();

    private OpenApiContract(JsonObject spec) {
        this.paths = spec.getJsonObject("paths", new JsonObject());
        this.schemas = spec.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
        // Draft 4 is the closest JSON Schema dialect to OpenAPI 3.0's schema objects.
        this.options = new JsonSchemaOptions().setDraft(Draft.DRAFT4).setBaseUri(BASE).setOutputFormat(OutputFormat.Basic);
        this.repository = SchemaRepository.create(options);
        repository.dereference(BASE, JsonSchema.of(new JsonObject().put("components", new JsonObject().put("schemas", schemas))));
    }

    /**
     * Reads and indexes a spec file. Blocking (the spec is ~4 MB and takes about a second): call it off the event
     * loop. Loads are cached per file for the life of the JVM, so test suites pay once.
     */
    public static OpenApiContract load(Path spec) {
        var key = spec.toAbsolutePath().normalize();
        return LOADED.computeIfAbsent(key, path -> {
            try {
                return new OpenApiContract(new JsonObject(Files.readString(path)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the OpenAPI spec at " + path, e);
            }
        });
    }

    /** Violations of a request body ({@code null} for none) against the operation's {@code requestBody}. */
    public List<String> validateRequest(String method, String pathTemplate, JsonObject body) {
        return describe(requestViolations(method, pathTemplate, body));
    }

    /** Violations of a response body ({@code null} for none) against the operation's {@code responses[status]}. */
    public List<String> validateResponse(String method, String pathTemplate, int status, JsonObject body) {
        return describe(responseViolations(method, pathTemplate, status, body));
    }

    /** Violations of any JSON value against a component schema, e.g. {@code validateSchema("ActionV2", json)}. */
    public List<String> validateSchema(String schemaName, Object json) {
        return describe(schemaViolations(schemaName, json));
    }

    List<Violation> requestViolations(String method, String pathTemplate, JsonObject body) {
        var operation = operation(method, pathTemplate);
        if (operation == null) {
            return List.of(new Violation("", "unknown_operation", describeOperation(method, pathTemplate) + " is not in the spec"));
        }
        var requestBody = operation.getJsonObject("requestBody");
        if (requestBody == null) {
            return body == null || body.isEmpty() ? List.of()
                    : List.of(new Violation("", "unexpected_body", describeOperation(method, pathTemplate) + " takes no request body"));
        }
        if (body == null) {
            return requestBody.getBoolean("required", false)
                    ? List.of(new Violation("", "is_required", "a JSON request body is required")) : List.of();
        }
        var schemaName = schemaName(requestBody);
        return schemaName == null ? List.of() : schemaViolations(schemaName, withoutOptionalNulls(schemaName, body));
    }

    List<Violation> responseViolations(String method, String pathTemplate, int status, JsonObject body) {
        var operation = operation(method, pathTemplate);
        if (status >= 400) {
            var declared = operation == null ? null
                    : operation.getJsonObject("responses", new JsonObject()).getJsonObject(Integer.toString(status));
            var schemaName = declared == null ? null : schemaName(declared);
            return schemaName == null || body == null ? errorBodyViolations(status, body) : schemaViolations(schemaName, body);
        }
        if (operation == null) {
            return List.of(new Violation("", "unknown_operation", describeOperation(method, pathTemplate) + " is not in the spec"));
        }
        var responses = operation.getJsonObject("responses", new JsonObject());
        var response = responses.getJsonObject(Integer.toString(status));
        if (response == null) {
            return List.of(new Violation("", "undeclared_status", "status " + status + " is not declared for "
                    + describeOperation(method, pathTemplate) + " (declared: " + String.join(", ", responses.fieldNames()) + ")"));
        }
        var schemaName = schemaName(response);
        if (schemaName == null) {
            return body == null ? List.of()
                    : List.of(new Violation("", "unexpected_body", "status " + status + " declares no body, but one was sent"));
        }
        if (body == null) {
            return List.of(new Violation("", "is_required", "status " + status + " declares a " + schemaName + " body, but none was sent"));
        }
        var violations = schemaViolations(schemaName, body);
        if (pathTemplate.equals("/v2/users")) {
            // The spec contradicts itself here: GET /v2/users takes page_size up to 10000, but the
            // PaginationMetaResultV2 that echoes it caps page_size at 250. We do not report the echo.
            violations = violations.stream()
                    .filter(v -> !(v.pointer().equals("/pagination_meta/page_size") && v.message().endsWith("is greater than 250")))
                    .toList();
        }
        return violations;
    }

    List<Violation> schemaViolations(String schemaName, Object json) {
        var validator = validators.computeIfAbsent(schemaName, name -> repository.validator(
                JsonSchema.of(new JsonObject().put("$ref", BASE + "#/components/schemas/" + name)), options));
        var result = validator.validate(json);
        if (Boolean.TRUE.equals(result.getValid())) {
            return List.of();
        }
        var violations = new LinkedHashSet<Violation>();
        var units = result.getErrors() == null || result.getErrors().isEmpty() ? List.of(result) : result.getErrors();
        for (OutputUnit unit : units) {
            var error = unit.getError();
            // "A subschema had errors", "Property x does not match schema" and "Items did not match schema" only point
            // at the real, nested error.
            if (error == null || error.startsWith("A subschema had errors") || error.endsWith("does not match schema")
                    || error.startsWith("Items did not match schema")) {
                continue;
            }
            var pointer = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation().replaceFirst("^#", "");
            var required = REQUIRED_PROPERTY.matcher(error);
            if (required.find()) {
                violations.add(new Violation(pointer + "/" + required.group(1), "is_required", error));
            } else {
                violations.add(new Violation(pointer, unit.getErrorType() == OutputErrorType.MISSING_VALUE ? "is_required" : "invalid_value", error));
            }
        }
        if (violations.isEmpty()) {
            violations.add(new Violation("", "invalid_value", "does not match " + schemaName));
        }
        return List.copyOf(violations);
    }

    /** The documented error shape (API-NOTES §3): {@code {type, status, request_id, errors: [{code, message, source?}]}}. */
    private static List<Violation> errorBodyViolations(int status, JsonObject body) {
        var violations = new ArrayList<Violation>();
        if (body == null) {
            return List.of(new Violation("", "is_required", "an error response needs a JSON error body"));
        }
        if (!(body.getValue("type") instanceof String type) || !ERROR_TYPES.contains(type)) {
            violations.add(new Violation("/type", "invalid_value", "type must be one of the documented error types, was " + body.getValue("type")));
        }
        if (!(body.getValue("status") instanceof Number number) || number.intValue() != status) {
            violations.add(new Violation("/status", "invalid_value", "status must repeat the HTTP status " + status + ", was " + body.getValue("status")));
        }
        if (!(body.getValue("request_id") instanceof String id) || id.isEmpty()) {
            violations.add(new Violation("/request_id", "is_required", "request_id must be a non-empty string"));
        }
        if (!(body.getValue("errors") instanceof JsonArray errors)) {
            violations.add(new Violation("/errors", "is_required", "errors must be an array"));
        } else {
            for (int i = 0; i < errors.size(); i++) {
                var at = "/errors/" + i;
                if (!(errors.getValue(i) instanceof JsonObject error)) {
                    violations.add(new Violation(at, "invalid_value", "each error must be an object"));
                    continue;
                }
                if (!(error.getValue("code") instanceof String)) {
                    violations.add(new Violation(at + "/code", "is_required", "code must be a string"));
                }
                if (!(error.getValue("message") instanceof String)) {
                    violations.add(new Violation(at + "/message", "is_required", "message must be a string"));
                }
                var source = error.getValue("source");
                if (source != null && !(source instanceof JsonObject s && s.getValue("field") instanceof String)) {
                    violations.add(new Violation(at + "/source", "invalid_value", "source must be an object with a string field"));
                }
            }
        }
        var rateLimit = body.getValue("rate_limit");
        if (rateLimit != null) {
            if (!(rateLimit instanceof JsonObject limit) || !(limit.getValue("name") instanceof String)
                    || !(limit.getValue("limit") instanceof Number) || !(limit.getValue("remaining") instanceof Number)
                    || !(limit.getValue("retry_after") instanceof String retryAfter) || !isTimestamp(retryAfter)) {
                violations.add(new Violation("/rate_limit", "invalid_value",
                        "rate_limit needs name, limit, remaining and an RFC3339 retry_after"));
            }
        }
        return violations;
    }

    private JsonObject operation(String method, String pathTemplate) {
        var path = paths.getJsonObject(pathTemplate);
        return path == null ? null : path.getJsonObject(method.toLowerCase(Locale.ROOT));
    }

    private static String schemaName(JsonObject bodyOrResponse) {
        var media = bodyOrResponse.getJsonObject("content", new JsonObject()).getJsonObject("application/json");
        if (media == null || media.getJsonObject("schema") == null) {
            return null;
        }
        var ref = media.getJsonObject("schema").getString("$ref");
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private JsonObject withoutOptionalNulls(String schemaName, JsonObject body) {
        var copy = body.copy();
        var component = schemas.getJsonObject(schemaName);
        var required = component == null ? new JsonArray() : component.getJsonArray("required", new JsonArray());
        for (var field : body.fieldNames()) {
            if (body.getValue(field) == null && !required.contains(field)) {
                copy.remove(field);
            }
        }
        return copy;
    }

    private static boolean isTimestamp(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String describeOperation(String method, String pathTemplate) {
        return method.toUpperCase(Locale.ROOT) + " " + pathTemplate;
    }

    private static List<String> describe(List<Violation> violations) {
        return violations.stream().map(Violation::describe).toList();
    }
}

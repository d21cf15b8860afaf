package dev.firebrigade.repl;

import dev.firebrigade.error.ApiError;
import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.model.ActionStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShellTest {

    record Draft(String incidentId, ActionStatus status, List<String> tags) {
    }

    @Test
    void showWritesModelsAsIndentedJsonInIncidentIosSpelling() {
        assertThat(Shell.pretty(new Draft("01FC", ActionStatus.NOT_DOING, List.of("a", "b")))).isEqualTo("""
                {
                  "incident_id": "01FC",
                  "status": "not_doing",
                  "tags": [
                    "a",
                    "b"
                  ]
                }""");
        assertThat(Shell.pretty(Map.of())).isEqualTo("{ }");
        assertThat(Shell.pretty("already text")).isEqualTo("already text");
    }

    @Test
    void showWritesAnIncidentIoErrorWithEverythingSupportNeeds() {
        var error = new NotFoundException(404, "not_found", "No action found", "req-123",
                List.of(new ApiError("not_found", "No action found", null)), "GET", "/v2/actions/x");

        assertThat(Shell.pretty(error)).startsWith("""
                {
                  "exception": "NotFoundException",
                  "status": 404,
                  "type": "not_found",
                  "request_id": "req-123",
                  "method": "GET",
                  "path": "/v2/actions/x",
                  "errors": [
                    {
                      "code": "not_found",
                      "message": "No action found"
                    }
                  ],""");
    }

    @Test
    void aFailureIsShownOnOneLineAndAnIncidentIoErrorIsFoundInsideWrappers() {
        var error = new NotFoundException(404, "not_found", "No action\nfound", "req-123", List.of(), "GET", "/v2/x");
        var wrapped = new java.util.concurrent.CompletionException(error);

        assertThat(Failures.oneLine(error)).isEqualTo("404 not_found on GET /v2/x: No action found (request_id req-123)");
        assertThat(Failures.incidentIoCause(wrapped)).isSameAs(error);
        assertThat(Failures.incidentIoCause(new IllegalStateException())).isNull();
    }
}

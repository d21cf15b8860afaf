package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.ActionStatus;
import io.vertx.core.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Misuse of the DSL fails the Future with the field and the step to fix, and nothing reaches the server. */
class InputValidationTest extends SandboxFixture {

    @BeforeEach
    void forgetRequests() {
        sandbox.clearRequests();
    }

    @Test
    void createWithoutIncidentNamesForIncident() {
        var draft = io.actions().forIncident(INCIDENT).describe("Call the fire brigade").forIncident(null);

        assertRejected(draft::create, "incident_id", "forIncident(");
    }

    @Test
    void createWithoutDescriptionNamesDescribe() {
        assertRejected(() -> io.actions().forIncident(INCIDENT).create(), "description", "describe(");
    }

    @Test
    void blankDescriptionIsRejected() {
        var error = assertRejected(() -> io.actions().forIncident(INCIDENT).describe(" \n\t").create(),
                "description", "describe(");

        assertThat(error.getMessage()).startsWith("invalid_input: description is blank");
    }

    @Test
    void nullDescriptionIsRejected() {
        assertRejected(() -> io.actions().forIncident(INCIDENT).describe(null).create(), "description", "describe(");
    }

    @Test
    void nullOrBlankAssigneeIsRejected() {
        assertRejected(() -> io.actions().forIncident(INCIDENT).describe("x").assignTo((String) null).create(),
                "assignee_id", "assignTo(");
        assertRejected(() -> io.actions().forIncident(INCIDENT).describe("x").assignTo(" ").create(),
                "assignee_id", "assignTo(");
    }

    @Test
    void missingOrDotSegmentIdsAreRejected() {
        assertRejected(() -> io.actions().get(null), "id", "pass the id");
        assertRejected(() -> io.actions().get(""), "id", "pass the id");
        assertRejected(() -> io.actions().delete(".."), "id", "pass the id");
        assertRejected(() -> io.actions().complete(" "), "id", "edit(");
    }

    @Test
    void deletedIsNotAStatusToEditTo() {
        assertRejected(() -> io.actions().edit(EXAMPLE_ACTION).status(ActionStatus.DELETED).apply(), "status",
                "delete(id)");
    }

    @Test
    void blankEditIsRejected() {
        assertRejected(() -> io.actions().edit(EXAMPLE_ACTION).describe("").apply(), "description", "describe(");
        assertRejected(() -> io.actions().edit(EXAMPLE_ACTION).assignTo("").apply(), "assignee_id", "unassigned()");
    }

    @Test
    void dryRunOfAnIncompleteDraftThrowsTheSameError() {
        assertThatThrownBy(() -> io.actions().forIncident(INCIDENT).dryRun())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("description is missing");
    }

    @Test
    void listForABlankIncidentIsRejected() {
        assertRejected(() -> io.actions().list().forIncident("").fetch(), "incident_id", "forIncident(");
    }

    private static InvalidInputException assertRejected(Supplier<Future<?>> call, String field, String fix) {
        Future<?> result = call.get();
        assertThat(result.failed()).as("failed at once, before any I/O").isTrue();
        assertThat(result.cause()).isInstanceOf(InvalidInputException.class);
        var error = (InvalidInputException) result.cause();
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.fix()).contains(fix);
        assertThat(error.getMessage()).contains(field).contains(fix);
        assertThat(sandbox.requests()).isEmpty();
        return error;
    }
}

package dev.firebrigade;

import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.sandbox.DemoData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What an {@link OutcomeUnknownException} says for each kind of create, through the real engine: a lost answer whose
 * check keeps failing. Each field lands in the accessor its javadoc names; the others are null; the message is one
 * line.
 */
class OutcomeUnknownKindsTest extends SandboxFixture {

    @AfterEach
    void restoreDemoData() {
        sandbox.state().reset();
    }

    @Test
    void aFollowUpsTitleAndDescriptionLandInTheirOwnAccessors() {
        sandbox.faults().on("POST", "/v3/follow_ups").resetAfterProcessing().times(1);
        sandbox.faults().on("GET", "/v3/follow_ups").status(503);

        var error = catchThrowableOfType(OutcomeUnknownException.class, () -> io.followUps()
                .forIncident(DemoData.INCIDENT_1).title("Add a replica").describe("Lag alerts\r\ntoo")
                .assignTo(DemoData.USER_LISA).create().await());

        assertThat(error.kind()).isEqualTo(OutcomeUnknownException.Kind.FOLLOW_UP);
        assertThat(error.incidentId()).isEqualTo(DemoData.INCIDENT_1);
        assertThat(error.title()).isEqualTo("Add a replica");
        assertThat(error.description()).isEqualTo("Lag alerts\r\ntoo");
        assertThat(error.assigneeId()).isEqualTo(DemoData.USER_LISA);
        assertThat(error.url()).isNull();
        assertThat(error.attempts()).isEqualTo(1);
        assertThat(error.summary()).isEqualTo("follow-up \"Add a replica\", assignee " + DemoData.USER_LISA);
        assertThat(error.getMessage()).startsWith("outcome_unknown on POST /v3/follow_ups: the follow-up create's")
                .contains("listing the incident's follow-ups to check failed", DemoData.INCIDENT_1, error.summary())
                .doesNotContain("Lag alerts").doesNotContain("\n").doesNotContain(sandbox.apiKey());
    }

    @Test
    void anActionsDescriptionLandsInDescriptionAndItHasNoTitle() {
        sandbox.faults().on("POST", "/v3/actions").resetAfterProcessing().times(1);
        sandbox.faults().on("GET", "/v3/actions").status(503);

        var error = catchThrowableOfType(OutcomeUnknownException.class, () -> io.actions()
                .forIncident(DemoData.INCIDENT_1).describe("Call the fire brigade\nthen the police").create().await());

        assertThat(error.kind()).isEqualTo(OutcomeUnknownException.Kind.ACTION);
        assertThat(error.description()).isEqualTo("Call the fire brigade\nthen the police");
        assertThat(error.title()).isNull();
        assertThat(error.assigneeId()).isNull();
        assertThat(error.url()).isNull();
        assertThat(error.summary()).isEqualTo("action \"Call the fire brigade then the police\", unassigned");
        assertThat(error.getMessage()).startsWith("outcome_unknown on POST /v3/actions: the action create's")
                .doesNotContain("\n");
    }

    @Test
    void aLinksUrlLandsInUrlWithoutItsQueryInTheMessage() {
        String url = "https://user:pw@github.com/acme/api/issues/7?token=s3cret";
        sandbox.faults().on("POST", "/v3/follow_ups/actions/create_from_link").resetAfterProcessing().times(1);
        sandbox.faults().on("GET", "/v3/follow_ups").status(503);

        var error = catchThrowableOfType(OutcomeUnknownException.class,
                () -> io.followUps().createFromLink(DemoData.INCIDENT_1, url).await());

        assertThat(error.kind()).isEqualTo(OutcomeUnknownException.Kind.FOLLOW_UP_FROM_LINK);
        assertThat(error.url()).isEqualTo(url);
        assertThat(error.title()).isNull();
        assertThat(error.description()).isNull();
        assertThat(error.summary()).isEqualTo("follow-up from https://github.com/acme/api/issues/7");
        assertThat(error.getMessage()).doesNotContain("s3cret").doesNotContain("pw@").doesNotContain("\n");
    }
}

package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.model.FollowUp;
import dev.firebrigade.sandbox.DemoData;
import dev.firebrigade.sandbox.RecordedRequest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * followUps().createFromLink(...) over loopback, through the shared create engine: incident.io backdates such a
 * follow-up to the issue's creation, so a lost answer is looked for by its link among the follow-ups written since.
 */
class FollowUpFromLinkTest extends SandboxFixture {
    private static final String PATH = "/v3/follow_ups/actions/create_from_link";

    @AfterEach
    void restoreDemoFollowUps() {
        sandbox.state().reset();
    }

    @Test
    void aLostAnswerIsFoundByItsLinkSoExactlyOneFollowUpExists() {
        String url = "https://github.com/acme/api/issues/101";
        sandbox.faults().on("POST", PATH).resetAfterProcessing().times(1);

        FollowUp created = io.followUps().createFromLink("INC-1", url).await();

        assertThat(linkedTo(url)).extracting(f -> f.getString("id")).containsExactly(created.id());
        assertThat(created.externalIssueReference().issuePermalink()).isEqualTo(url);
        assertThat(requests("POST", PATH)).hasSize(1);
        // Backdated by incident.io, so the window is on updated_at: created_at[gte] would never see it.
        assertThat(created.createdAt()).isBefore(created.updatedAt().minus(Duration.ofHours(1)));
        assertThat(requests("GET", "/v3/follow_ups")).isNotEmpty().allSatisfy(get -> assertThat(get.query())
                .contains("incident_id=" + DemoData.INCIDENT_1).contains("updated_at%5Bgte%5D=")
                .doesNotContain("created_at"));
    }

    @Test
    void aRequestNeverProcessedIsSentAgainAfterTheCheck() {
        String url = "https://github.com/acme/api/issues/102";
        sandbox.faults().on("POST", PATH).resetBeforeProcessing().times(1);

        FollowUp created = io.followUps().createFromLink(DemoData.INCIDENT_1, url).await();

        assertThat(linkedTo(url)).extracting(f -> f.getString("id")).containsExactly(created.id());
        assertThat(requests("POST", PATH)).hasSize(2);
        assertThat(requests("GET", "/v3/follow_ups")).isNotEmpty();
    }

    @Test
    void anOlderFollowUpFromTheSameLinkIsNotTakenForTheLostOne() {
        String url = "https://github.com/acme/api/issues/103";
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
        String older = sandbox.state().putFollowUp(linked(url).put("created_at", anHourAgo.minus(Duration.ofDays(1))
                .toString()).put("updated_at", anHourAgo.toString())).getString("id");
        sandbox.faults().on("POST", PATH).resetAfterProcessing().times(1);

        FollowUp created = io.followUps().createFromLink(DemoData.INCIDENT_1, url).await();

        assertThat(created.id()).isNotEqualTo(older);
        assertThat(linkedTo(url)).extracting(f -> f.getString("id")).containsExactlyInAnyOrder(older, created.id());
        assertThat(requests("POST", PATH)).hasSize(1);
    }

    @Test
    void aLinkStoredInAnotherCaseOrWithATrailingSlashIsStillFound() {
        // As if incident.io had processed the lost POST and stored the link in its own form.
        String stored = sandbox.state().putFollowUp(linked("https://github.com/acme/api/issues/104")).getString("id");
        sandbox.faults().on("POST", PATH).resetBeforeProcessing().times(1);

        FollowUp found = io.followUps().createFromLink(DemoData.INCIDENT_1, "https://GitHub.com/acme/api/issues/104/")
                .await();

        assertThat(found.id()).isEqualTo(stored);
        assertThat(requests("POST", PATH)).hasSize(1);
    }

    @Test
    void anotherLinkOnTheSameTrackerWrittenMeanwhileLeavesTheOutcomeUnknownNotSentTwice() {
        // It may be the lost one, linked in the tracker's own form (a slug added): sending again might double it.
        String maybe = sandbox.state().putFollowUp(linked("https://github.com/acme/api/issues/105-slug"))
                .getString("id");
        sandbox.faults().on("POST", PATH).resetBeforeProcessing().times(1);
        String url = "https://github.com/acme/api/issues/105?token=s3cret#top";

        var error = catchThrowableOfType(OutcomeUnknownException.class,
                () -> io.followUps().createFromLink(DemoData.INCIDENT_1, url).await());

        assertThat(error.kind()).isEqualTo(OutcomeUnknownException.Kind.FOLLOW_UP_FROM_LINK);
        assertThat(error.url()).isEqualTo(url);
        assertThat(error.incidentId()).isEqualTo(DemoData.INCIDENT_1);
        assertThat(error.title()).isNull();
        assertThat(error.description()).isNull();
        assertThat(error.assigneeId()).isNull();
        assertThat(error.getMessage()).contains(maybe, "follow-up from https://github.com/acme/api/issues/105)")
                .doesNotContain("s3cret").doesNotContain("\n");
        assertThat(requests("POST", PATH)).hasSize(1);
    }

    @Test
    void aLinkOnAnotherTrackerWrittenMeanwhileDoesNotStopTheResend() {
        sandbox.state().putFollowUp(linked("https://linear.app/acme/issue/OPS-1"));
        sandbox.faults().on("POST", PATH).resetBeforeProcessing().times(1);
        String url = "https://github.com/acme/api/issues/106";

        FollowUp created = io.followUps().createFromLink(DemoData.INCIDENT_1, url).await();

        assertThat(linkedTo(url)).extracting(f -> f.getString("id")).containsExactly(created.id());
        assertThat(requests("POST", PATH)).hasSize(2);
    }

    @Test
    void badUrlsFailNamingTheStepAndSendNothing() {
        for (String bad : Arrays.asList(null, "", " \t", "not a link", "github.com/acme/api/issues/1",
                "ftp://github.com/acme/api/issues/1", "https://", "https://exa mple.com/1", "javascript:alert(1)",
                "https://github.com/acme/api/issues/1\nInjected: header", "https://github.com/\u0000")) {
            var error = catchThrowableOfType(InvalidInputException.class,
                    () -> io.followUps().createFromLink("INC-1", bad).await());
            assertThat(error).as(String.valueOf(bad)).isNotNull();
            assertThat(error.getMessage()).contains("url", "createFromLink(...)");
        }

        assertThat(sandbox.requests()).isEmpty();
    }

    private static JsonObject linked(String url) {
        return new JsonObject().put("incident_id", DemoData.INCIDENT_1).put("title", "From the tracker")
                .put("external_issue_reference", new JsonObject().put("provider", "github")
                        .put("issue_name", "acme/api").put("issue_permalink", url));
    }

    private static List<JsonObject> linkedTo(String url) {
        return sandbox.state().followUps().stream().filter(f -> f.getJsonObject("external_issue_reference") != null
                && url.equals(f.getJsonObject("external_issue_reference").getString("issue_permalink"))).toList();
    }

    private static List<RecordedRequest> requests(String method, String path) {
        return sandbox.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }
}

package dev.firebrigade;

import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.User;
import dev.firebrigade.sandbox.DemoData;
import dev.firebrigade.sandbox.RecordedRequest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Emails and INC references in the DSL, resolved to IDs by the client. */
class ReferenceResolutionTest extends SandboxFixture {

    @BeforeEach
    void freshStart() {
        io.forgetResolutions();
        sandbox.clearRequests();
    }

    @Test
    void createsActionAssignedByEmail() {
        Action action = io.actions().forIncident(INCIDENT).describe("Call the fire brigade")
                .assignTo(DemoData.EMAIL_LISA).create().await();

        assertThat(action.assignee().id()).isEqualTo(DemoData.USER_LISA);
        assertThat(new JsonObject(only("POST", "/v3/actions").body()).getString("assignee_id")).isEqualTo(DemoData.USER_LISA);
        assertThat(only("GET", "/v2/users").query()).isEqualTo("email=lisa%40incident.io&include_inactive=true&page_size=250");
    }

    @Test
    void anEmailWithAnActiveAndAnInactiveAccountResolvesToTheActiveOne() {
        Action action = io.actions().forIncident(INCIDENT).describe("Check the sprinklers")
                .assignTo(DemoData.EMAIL_ONE_ACTIVE_ONE_INACTIVE).create().await();

        assertThat(action.assignee().id()).isEqualTo(DemoData.USER_RORY);
    }

    @Test
    void anEmailOfTwoActiveUsersFailsListingBothAndCreatesNothing() {
        assertThatThrownBy(() -> io.actions().forIncident(INCIDENT).describe("Who?")
                .assignTo(DemoData.EMAIL_TWO_ACTIVE).create().await())
                .isInstanceOfSatisfying(UnresolvedReferenceException.class, e -> {
                    assertThat(e.field()).isEqualTo("assignee_id");
                    assertThat(e.reference()).isEqualTo(DemoData.EMAIL_TWO_ACTIVE);
                    assertThat(e.candidates()).extracting(User::id)
                            .containsExactlyInAnyOrder(DemoData.USER_SAM, DemoData.USER_SAM_SECOND);
                    assertThat(e.getMessage()).contains("sam@incident.io matches 2 active users", "Sam Tyler",
                            DemoData.USER_SAM, DemoData.USER_SAM_SECOND, "assignTo(...)");
                });

        assertThat(requests("POST", "/v3/actions")).isEmpty();
    }

    @Test
    void anEmailOfOnlyAnInactiveAccountFailsWithItsId() {
        assertThatThrownBy(() -> io.actions().forIncident(INCIDENT).describe("Welcome aboard")
                .assignTo(DemoData.EMAIL_ONLY_INACTIVE).create().await())
                .isInstanceOfSatisfying(UnresolvedReferenceException.class, e -> {
                    assertThat(e.candidates()).extracting(User::id).containsExactly(DemoData.USER_DONNA_INACTIVE);
                    assertThat(e.getMessage()).contains("only deactivated or not-yet-active users",
                            DemoData.USER_DONNA_INACTIVE + " inactive");
                });
    }

    @Test
    void anUnknownEmailFailsNamingIt() {
        assertThatThrownBy(() -> io.actions().forIncident(INCIDENT).describe("x").assignTo("nobody@incident.io")
                .create().await())
                .isInstanceOfSatisfying(UnresolvedReferenceException.class, e -> {
                    assertThat(e.candidates()).isEmpty();
                    assertThat(e.fix()).contains("assignTo(...)");
                })
                .hasMessage("unresolved_reference: assignee_id nobody@incident.io matches no user: "
                        + "check the spelling, or pass the user's ID to assignTo(...)");
    }

    @Test
    void assignsToAUserFetchedEarlier() {
        User martha = io.users().get(DemoData.USER_MARTHA).await();

        Action action = io.actions().forIncident(INCIDENT).describe("Brief the press").assignTo(martha).create().await();

        assertThat(action.assignee().name()).isEqualTo("Martha Jones");
    }

    @Test
    void createsActionForAnIncidentReferenceInEveryForm() {
        for (String reference : List.of("INC-2", "inc-2", "2", " INC-002 ")) {
            Action action = io.actions().forIncident(reference).describe("Roll back " + reference).create().await();

            assertThat(action.incidentId()).as(reference).isEqualTo(DemoData.INCIDENT_2);
        }
        assertThat(requests("GET", "/v2/incidents/2")).as("one lookup, then the cache").hasSize(1);
    }

    @Test
    void idsAreUsedAsGivenWithoutAnyLookup() {
        io.actions().forIncident(INCIDENT).describe("x").assignTo(LISA).create().await();

        assertThat(sandbox.requests()).extracting(RecordedRequest::method).containsExactly("POST");
    }

    @Test
    void anUnknownIncidentReferenceFailsTypedWithTheLookupsRequestId() {
        assertThatThrownBy(() -> io.actions().forIncident("INC-999").describe("x").create().await())
                .isInstanceOfSatisfying(UnresolvedReferenceException.class, e -> {
                    assertThat(e.field()).isEqualTo("incident_id");
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(e.getCause()).isInstanceOf(NotFoundException.class);
                })
                .hasMessageContaining("incident_id INC-999 matches no incident")
                .hasMessageContaining("forIncident(...)");
        assertThat(requests("POST", "/v3/actions")).isEmpty();
    }

    @Test
    void failedLookupsAreNotCached() {
        var draft = io.actions().forIncident("INC-998").describe("x");
        assertThatThrownBy(() -> draft.create().await()).isInstanceOf(UnresolvedReferenceException.class);
        assertThatThrownBy(() -> draft.create().await()).isInstanceOf(UnresolvedReferenceException.class);

        assertThat(requests("GET", "/v2/incidents/998")).hasSize(2);
    }

    @Test
    void editAssignsByEmailAndUnassigns() {
        Action created = io.actions().forIncident("INC-1").describe("Call the fire brigade").create().await();

        Action assigned = io.actions().edit(created.id()).assignTo(DemoData.EMAIL_LISA).apply().await();
        Action cleared = io.actions().edit(created.id()).unassigned().apply().await();

        assertThat(assigned.assignee().id()).isEqualTo(DemoData.USER_LISA);
        assertThat(cleared.assignee()).isNull();
        assertThat(new JsonObject(requests("PUT", "/v3/actions/" + created.id()).get(1).body()).containsKey("assignee_id"))
                .isFalse();
    }

    @Test
    void listsActionsOfAnIncidentReference() {
        Action mine = io.actions().forIncident(DemoData.INCIDENT_2).describe("Page the DBA").create().await();

        List<Action> listed = io.actions().list().forIncident("INC-2").fetch().await();

        assertThat(listed).extracting(Action::id).contains(mine.id());
        assertThat(listed).extracting(Action::incidentId).containsOnly(DemoData.INCIDENT_2);
        assertThat(only("GET", "/v3/actions").query()).isEqualTo("incident_id=" + DemoData.INCIDENT_2 + "&page_size=250");
    }

    @Test
    void dryRunSendsNothingAndShowsReferencesAsGiven() {
        var draft = io.actions().forIncident("INC-2").describe("Call the fire brigade").assignTo(DemoData.EMAIL_LISA);

        var preview = draft.dryRun();

        assertThat(new JsonObject(preview.body())).isEqualTo(new JsonObject().put("incident_id", "INC-2")
                .put("description", "Call the fire brigade").put("assignee_id", DemoData.EMAIL_LISA));
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void resolvedDryRunShowsTheIdsAndCreatesNothing() {
        int before = sandbox.state().actionCount();

        var preview = io.actions().forIncident("INC-2").describe("Call the fire brigade")
                .assignTo(DemoData.EMAIL_LISA).resolvedDryRun().await();

        assertThat(new JsonObject(preview.body())).isEqualTo(new JsonObject().put("incident_id", DemoData.INCIDENT_2)
                .put("description", "Call the fire brigade").put("assignee_id", DemoData.USER_LISA));
        assertThat(sandbox.requests()).extracting(RecordedRequest::method).containsOnly("GET");
        assertThat(sandbox.state().actionCount()).isEqualTo(before);
    }

    @Test
    void forgettingResolutionsLooksUpAgain() {
        io.actions().forIncident("INC-1").describe("a").assignTo(DemoData.EMAIL_LISA).create().await();
        io.actions().forIncident("INC-1").describe("b").assignTo(DemoData.EMAIL_LISA).create().await();
        io.forgetResolutions();
        io.actions().forIncident("INC-1").describe("c").assignTo(DemoData.EMAIL_LISA).create().await();

        assertThat(requests("GET", "/v2/incidents/1")).hasSize(2);
        assertThat(requests("GET", "/v2/users")).hasSize(2);
    }

    @Test
    void incidentReferencesAreToldApartFromIds() {
        assertThat(References.isIncidentReference("INC-123")).isTrue();
        assertThat(References.isIncidentReference("inc-7")).isTrue();
        assertThat(References.isIncidentReference("123")).isTrue();
        assertThat(References.isIncidentReference(" 42 ")).isTrue();
        assertThat(References.isIncidentReference(INCIDENT)).isFalse();
        assertThat(References.isIncidentReference("INC-")).isFalse();
        assertThat(References.isIncidentReference("INC-12a")).isFalse();
        assertThat(References.isIncidentReference("1234567890123456789")).as("19 digits: an ID").isFalse();
        assertThat(Incidents.referenceNumber("INC-007")).isEqualTo("7");
        assertThat(References.isEmail("lisa@incident.io")).isTrue();
        assertThat(References.isEmail(LISA)).isFalse();
    }

    static List<RecordedRequest> requests(String method, String path) {
        return sandbox.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    static RecordedRequest only(String method, String path) {
        List<RecordedRequest> matching = requests(method, path);
        assertThat(matching).as("requests %s %s", method, path).hasSize(1);
        return matching.get(0);
    }
}

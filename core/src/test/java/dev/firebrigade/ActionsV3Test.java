package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.sandbox.DemoData;
import dev.firebrigade.sandbox.RecordedRequest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.firebrigade.ReferenceResolutionTest.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same DSL on {@code /v3/actions}: every call moves, the list is paginated and filterable by time. */
class ActionsV3Test extends SandboxFixture {
    private static IncidentIo v3;
    private static IncidentIo v2;

    @BeforeAll
    static void clients() {
        v3 = IncidentIo.create(vertx, clientOptions().setActionsApi(ActionsApi.V3));
        v2 = IncidentIo.create(vertx, clientOptions().setActionsApi(ActionsApi.V2));
    }

    @AfterAll
    static void closeClients() {
        v3.close().await();
        v2.close().await();
    }

    @Test
    void v3IsTheDefault() {
        assertThat(new IncidentIoOptions().getActionsApi()).isEqualTo(ActionsApi.V3);
        assertThat(io.actions().api()).isEqualTo(ActionsApi.V3);
    }

    @Test
    void everyCallGoesToV3AndSharesStateWithV2() {
        Action created = v3.actions().forIncident("INC-2").describe("Call the fire brigade")
                .assignTo(DemoData.EMAIL_LISA).create().await();
        Action seenByV2 = v2.actions().get(created.id()).await();
        Action completed = v3.actions().complete(created.id()).await();
        Action edited = v3.actions().edit(created.id()).unassigned().apply().await();
        v3.actions().delete(created.id()).await();

        assertThat(seenByV2).isEqualTo(created);
        assertThat(completed.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(edited.assignee()).isNull();
        assertThatThrownBy(() -> v3.actions().get(created.id()).await()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("/v3/actions/" + created.id());
        assertThat(sandbox.requests()).filteredOn(r -> r.path().contains("/actions"))
                .extracting(r -> r.method() + " " + r.path().replace(created.id(), "{id}")).containsExactly(
                        "POST /v3/actions", "GET /v2/actions/{id}",
                        "GET /v3/actions/{id}", "PUT /v3/actions/{id}",
                        "GET /v3/actions/{id}", "PUT /v3/actions/{id}",
                        "DELETE /v3/actions/{id}", "GET /v3/actions/{id}");
    }

    @Test
    void theListIsPaginatedAndNextKeepsTheFilters() {
        String incident = newIncident();
        List<String> ids = createActions(incident, 5);

        var first = v3.actions().list().forIncident(incident).pageSize(2).firstPage().await();
        var second = first.next().await();
        var third = second.next().await();

        assertThat(first.items()).extracting(Action::id).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(second.items()).extracting(Action::id).containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(third.items()).extracting(Action::id).containsExactly(ids.get(4));
        assertThat(third.hasNext()).isFalse();
        assertThat(requests("GET", "/v3/actions")).extracting(RecordedRequest::query).containsExactly(
                "incident_id=" + incident + "&page_size=2",
                "incident_id=" + incident + "&page_size=2&after=" + ids.get(1),
                "incident_id=" + incident + "&page_size=2&after=" + ids.get(3));
    }

    @Test
    void fetchStillReturnsEveryMatchingAction() {
        String incident = newIncident();
        List<String> ids = createActions(incident, 3);

        List<Action> all = v3.actions().list().forIncident(incident).pageSize(1).fetch().await();
        List<Action> streamed = v3.actions().list().forIncident(incident).stream().collect(Collectors.toList()).await();

        assertThat(all).extracting(Action::id).containsExactlyElementsOf(ids);
        assertThat(streamed).extracting(Action::id).containsExactlyElementsOf(ids);
        assertThat(requests("GET", "/v3/actions")).hasSize(4);
    }

    @Test
    void filtersByCreationAndUpdateTime() {
        String incident = newIncident();
        Instant before = Instant.now().minusSeconds(1);
        List<String> ids = createActions(incident, 2);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        var sinceBefore = v3.actions().list().forIncident(incident).createdSince(before).fetch().await();
        var untilBefore = v3.actions().list().forIncident(incident).createdUntil(before).fetch().await();
        var updatedToday = v3.actions().list().forIncident(incident).updatedBetween(today, today.plusDays(1)).fetch().await();
        var demoOnly = v3.actions().list().createdBetween(LocalDate.of(2021, 8, 17), LocalDate.of(2021, 8, 18))
                .mode(IncidentMode.STANDARD).fetch().await();

        assertThat(sinceBefore).extracting(Action::id).containsExactlyElementsOf(ids);
        assertThat(untilBefore).isEmpty();
        assertThat(updatedToday).extracting(Action::id).containsExactlyElementsOf(ids);
        assertThat(demoOnly).extracting(Action::id).containsExactly(
                DemoData.ACTION_SPEC_EXAMPLE, DemoData.ACTION_COMPLETED, DemoData.ACTION_OUTSTANDING);
        assertThat(requests("GET", "/v3/actions").get(0).query()).isEqualTo("incident_id=" + incident
                + "&page_size=250&created_at%5Bgte%5D="
                + before.truncatedTo(ChronoUnit.MICROS).toString().replace(":", "%3A"));
        assertThat(requests("GET", "/v3/actions").get(3).query()).isEqualTo("incident_mode=standard&page_size=250"
                + "&created_at%5Bdate_range%5D=2021-08-17~2021-08-18");
    }

    @Test
    void timeFiltersOnV2FailBeforeSendingRatherThanBeIgnored() {
        assertThat(v2.actions().list().createdSince(Instant.now()).fetch().cause())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("setActionsApi(ActionsApi.V3)");
        assertThat(v2.actions().list().updatedBetween(LocalDate.of(2021, 1, 2), LocalDate.of(2021, 1, 1)).fetch().cause())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("updatedBetween(...)");
        assertThat(v3.actions().list().pageSize(251).fetch().cause()).isInstanceOf(InvalidInputException.class);
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void v2ListsEverythingAsOnePage() {
        var page = v2.actions().list().forIncident(DemoData.INCIDENT_1).pageSize(1).firstPage().await();

        assertThat(page.hasNext()).isFalse();
        assertThat(page.items()).extracting(Action::id).contains(DemoData.ACTION_SPEC_EXAMPLE, DemoData.ACTION_COMPLETED);
        assertThat(requests("GET", "/v2/actions").get(0).query()).isEqualTo("incident_id=" + DemoData.INCIDENT_1);
    }

    private static String newIncident() {
        return sandbox.state().addIncident(new JsonObject()).getString("id");
    }

    private static List<String> createActions(String incident, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(v3.actions().forIncident(incident).describe("Step " + i).create().await().id());
        }
        sandbox.clearRequests();
        return ids;
    }
}

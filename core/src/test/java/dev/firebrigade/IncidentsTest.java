package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.model.IncidentStatusCategory;
import dev.firebrigade.model.IncidentVisibility;
import dev.firebrigade.sandbox.DemoData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static dev.firebrigade.ReferenceResolutionTest.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** incidents() over loopback: get by ID or reference, list with bracket filters and pages. */
class IncidentsTest extends SandboxFixture {

    @Test
    void getsAnIncidentByIdOrReference() {
        for (String given : List.of(DemoData.INCIDENT_1, "INC-1", "inc-1", "1")) {
            Incident incident = io.incidents().get(given).await();

            assertThat(incident.id()).as(given).isEqualTo(DemoData.INCIDENT_1);
        }
        assertThat(sandbox.requests()).extracting(r -> r.path()).containsExactly(
                "/v2/incidents/" + DemoData.INCIDENT_1, "/v2/incidents/1", "/v2/incidents/1", "/v2/incidents/1");
    }

    @Test
    void decodesTheUsefulFields() {
        Incident one = io.incidents().get("INC-1").await();

        assertThat(one.reference()).isEqualTo("INC-1");
        assertThat(one.number()).isEqualTo(1L);
        assertThat(one.name()).isEqualTo("Our database is sad");
        assertThat(one.summary()).startsWith("Our database is really really sad");
        assertThat(one.mode()).isEqualTo(IncidentMode.STANDARD);
        assertThat(one.visibility()).isEqualTo(IncidentVisibility.PUBLIC);
        assertThat(one.incidentStatus().name()).isEqualTo("Investigating");
        assertThat(one.statusCategory()).isEqualTo(IncidentStatusCategory.LIVE);
        assertThat(one.severity().name()).isEqualTo("Major");
        assertThat(one.severity().rank()).isEqualTo(2L);
        assertThat(one.incidentType().name()).isEqualTo("Default");
        assertThat(one.creator().describe()).isEqualTo("Lisa Karlin Curtis");
        assertThat(one.lead().id()).isEqualTo(DemoData.USER_LISA);
        assertThat(one.incidentRoleAssignments()).extracting(Object::toString)
                .containsExactly("Incident Lead: Lisa Karlin Curtis", "Reporter: nobody");
        assertThat(one.permalink()).isEqualTo("https://app.incident.io/firebrigade-sandbox/incidents/1");
        assertThat(one.callUrl()).isEqualTo("https://zoom.us/j/000000000");
        assertThat(one.slackChannelId()).isEqualTo("C02AW36C1M1");
        assertThat(one.createdAt()).isEqualTo(Instant.parse("2021-08-17T13:28:57.801578Z"));
        assertThat(one.toString()).isEqualTo("Incident INC-1 [Investigating/live, Major] \"Our database is sad\" ("
                + DemoData.INCIDENT_1 + ")");
    }

    @Test
    void anUnknownReferenceIsNotFound() {
        assertThatThrownBy(() -> io.incidents().get("INC-404").await()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("GET /v2/incidents/404");
    }

    @Test
    void listsStandardAndRetrospectiveIncidentsByDefault() {
        List<Incident> incidents = io.incidents().list().fetch().await();

        assertThat(incidents).extracting(Incident::reference).containsExactly("INC-5", "INC-3", "INC-2", "INC-1");
        assertThat(requests("GET", "/v2/incidents").get(0).query()).isEqualTo("page_size=250");
    }

    @Test
    void filtersByStatusCategoryInBracketSyntax() {
        List<Incident> live = io.incidents().list()
                .statusCategory(IncidentStatusCategory.LIVE, IncidentStatusCategory.TRIAGE).fetch().await();

        assertThat(live).extracting(Incident::reference).containsExactlyInAnyOrder("INC-1", "INC-2");
        assertThat(requests("GET", "/v2/incidents").get(0).query()).isEqualTo(
                "page_size=250&status_category%5Bone_of%5D=live&status_category%5Bone_of%5D=triage");
    }

    @Test
    void filtersByModeSeverityAndTime() {
        assertThat(io.incidents().list().mode(IncidentMode.TEST, IncidentMode.STANDARD).fetch().await())
                .extracting(Incident::reference).containsExactlyInAnyOrder("INC-1", "INC-2", "INC-3", "INC-4");
        assertThat(io.incidents().list().severityAtLeast(DemoData.SEVERITY_MAJOR).fetch().await())
                .extracting(Incident::reference).containsExactlyInAnyOrder("INC-1", "INC-3", "INC-5");
        assertThat(io.incidents().list().severity(DemoData.SEVERITY_MINOR).excludingStatusCategory(IncidentStatusCategory.CLOSED)
                .fetch().await()).extracting(Incident::reference).containsExactly("INC-2");
        assertThat(io.incidents().list().createdSince(Instant.parse("2021-08-20T00:00:00Z")).fetch().await())
                .extracting(Incident::reference).containsExactlyInAnyOrder("INC-3", "INC-5");
        assertThat(io.incidents().list().createdBetween(LocalDate.of(2021, 8, 17), LocalDate.of(2021, 8, 18))
                .oldestFirst().fetch().await()).extracting(Incident::reference).containsExactly("INC-1", "INC-2");
        assertThat(io.incidents().list().updatedUntil(LocalDate.of(2021, 8, 17)).fetch().await())
                .extracting(Incident::reference).containsExactly("INC-1");
        assertThat(requests("GET", "/v2/incidents")).extracting(r -> r.query()).containsExactly(
                "page_size=250&mode%5Bone_of%5D=test&mode%5Bone_of%5D=standard",
                "page_size=250&severity%5Bgte%5D=" + DemoData.SEVERITY_MAJOR,
                "page_size=250&severity%5Bone_of%5D=" + DemoData.SEVERITY_MINOR + "&status_category%5Bnot_in%5D=closed",
                "page_size=250&created_at%5Bgte%5D=2021-08-20T00%3A00%3A00Z",
                "page_size=250&sort_by=created_at_oldest_first&created_at%5Bdate_range%5D=2021-08-17~2021-08-18",
                "page_size=250&updated_at%5Blte%5D=2021-08-17");
    }

    @Test
    void matchAnyCombinesFiltersWithOr() {
        List<Incident> either = io.incidents().list().statusCategory(IncidentStatusCategory.CLOSED)
                .severity(DemoData.SEVERITY_MINOR).matchAny().fetch().await();

        assertThat(either).extracting(Incident::reference).containsExactlyInAnyOrder("INC-2", "INC-3");
    }

    @Test
    void settingAFilterAgainReplacesIt() {
        var query = io.incidents().list().statusCategory(IncidentStatusCategory.CLOSED)
                .statusCategory(IncidentStatusCategory.LEARNING);

        assertThat(query.fetch().await()).extracting(Incident::reference).containsExactly("INC-5");
    }

    @Test
    void pagesKeepEveryFilterSortAndSizeAndCountTheTotal() {
        var first = io.incidents().list().mode(IncidentMode.STANDARD, IncidentMode.RETROSPECTIVE, IncidentMode.TEST)
                .oldestFirst().pageSize(2).firstPage().await();
        var second = first.next().await();
        var third = second.next().await();

        assertThat(first.items()).extracting(Incident::reference).containsExactly("INC-1", "INC-2");
        assertThat(second.items()).extracting(Incident::reference).containsExactly("INC-3", "INC-4");
        assertThat(third.items()).extracting(Incident::reference).containsExactly("INC-5");
        assertThat(third.hasNext()).isFalse();
        assertThat(first.totalRecordCount()).isEqualTo(5L);
        String filters = "page_size=2&sort_by=created_at_oldest_first"
                + "&mode%5Bone_of%5D=standard&mode%5Bone_of%5D=retrospective&mode%5Bone_of%5D=test";
        assertThat(requests("GET", "/v2/incidents")).extracting(r -> r.query()).containsExactly(filters,
                filters + "&after=" + first.after(), filters + "&after=" + second.after());
    }

    @Test
    void collectFetchesOnlyThePagesItNeeds() {
        List<Incident> two = io.incidents().list().collect(2).await();
        List<Incident> three = io.incidents().list().pageSize(2).collect(3).await();

        assertThat(two).hasSize(2);
        assertThat(three).hasSize(3);
        assertThat(requests("GET", "/v2/incidents")).extracting(r -> r.query()).startsWith("page_size=2", "page_size=2")
                .hasSize(3);
    }

    @Test
    void badFiltersFailBeforeSending() {
        assertRejected(io.incidents().list().mode(IncidentMode.UNKNOWN).fetch().cause(), "mode(...)");
        assertRejected(io.incidents().list().mode(IncidentMode.STREAM).fetch().cause(), "mode(...)");
        assertRejected(io.incidents().list().statusCategory().firstPage().cause(), "statusCategory(...)");
        assertRejected(io.incidents().list().severityAtLeast(null).collect(5).cause(), "severityAtLeast(...)");
        assertRejected(io.incidents().list().createdBetween(LocalDate.of(2021, 8, 18), LocalDate.of(2021, 8, 17))
                .fetch().cause(), "createdBetween(...)");
        assertRejected(io.incidents().list().where("bad field", "one_of", "x").fetch().cause(), "where(...)");
        assertRejected(io.incidents().list().pageSize(251).fetch().cause(), "pageSize(...)");
        assertRejected(io.incidents().get(" ").cause(), "get(...)");
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void whereSendsAnyDocumentedFilter() {
        io.incidents().list().where("incident_type", "one_of", "01FD3PF0T85S2AX5XTJK8EVA1F").fetch().await();

        assertThat(requests("GET", "/v2/incidents").get(0).query())
                .isEqualTo("page_size=250&incident_type%5Bone_of%5D=01FD3PF0T85S2AX5XTJK8EVA1F");
    }

    @Test
    void takesIsoDaysAsTyped() {
        assertThat(io.incidents().list().createdBetween("2021-08-17", "2021-08-18").oldestFirst().fetch().await())
                .extracting(Incident::reference).containsExactly("INC-1", "INC-2");
        assertThat(io.actions().list().createdBetween("2021-08-01", "2021-08-31").fetch().await()).isNotNull();
        assertThat(requests("GET", "/v2/incidents").get(0).query())
                .isEqualTo("page_size=250&sort_by=created_at_oldest_first&created_at%5Bdate_range%5D=2021-08-17~2021-08-18");

        Throwable notADay = io.incidents().list().updatedBetween("2021-08-01", "31/08/2021").fetch().cause();
        assertRejected(notADay, "updatedBetween(...)");
        assertThat(notADay).hasMessageContaining("\"31/08/2021\" is not a day").hasMessageContaining("2021-08-01");
        assertRejected(io.actions().list().createdBetween("2021-08-31", "2021-08-01").fetch().cause(), "createdBetween(...)");
    }

    private static void assertRejected(Throwable failure, String step) {
        assertThat(failure).isInstanceOf(InvalidInputException.class).hasMessageContaining(step);
    }
}

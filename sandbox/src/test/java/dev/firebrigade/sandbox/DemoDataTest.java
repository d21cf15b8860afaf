package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class DemoDataTest extends DemoSandboxTest {
    @Test
    void seedsFiveIncidentsOfEveryKind() {
        var incidents = http.sandbox.state().incidents();

        assertThat(incidents).extracting(i -> i.getString("reference") + " " + i.getString("mode") + " "
                        + i.getJsonObject("incident_status").getString("category") + " " + i.getJsonObject("severity").getString("name"))
                .containsExactly(
                        "INC-1 standard live Major",
                        "INC-2 standard live Minor",
                        "INC-3 standard closed Critical",
                        "INC-4 test triage Minor",
                        "INC-5 retrospective learning Major");
        assertThat(incidents).extracting(i -> i.getString("id")).containsExactly(DemoData.INCIDENT_1, DemoData.INCIDENT_2,
                DemoData.INCIDENT_3_CLOSED, DemoData.INCIDENT_4_TEST, DemoData.INCIDENT_5_RETROSPECTIVE);
    }

    @Test
    void seedsSevenUserRowsWithTheTrickyEmails() {
        var users = http.sandbox.state().users();

        assertThat(users).extracting(u -> u.getString("email") + " " + u.getBoolean("is_active")).containsExactly(
                "lisa@incident.io true",
                "martha@incident.io true",
                "rory@incident.io false",
                "rory@incident.io true",
                "sam@incident.io true",
                "sam@incident.io true",
                "donna@incident.io false");
    }

    @Test
    void seedsFiveActions() {
        var state = http.sandbox.state();

        assertThat(state.actionCount()).isEqualTo(5);
        assertThat(state.actions()).extracting(a -> a.getString("id") + " " + a.getString("status")).containsExactly(
                "01FCNDV6P870EA6S7TK1DSYDG1 outstanding",
                "01FCNDV6P870EA6S7TK1DSYDG2 completed",
                "01FCNDV6P870EA6S7TK1DSYDG3 outstanding",
                "01FCNDV6P870EA6S7TK1DSYDG4 outstanding",
                "01FCNDV6P870EA6S7TK1DSYDG5 not_doing");
        assertThat(state.action(DemoData.ACTION_SPEC_EXAMPLE).orElseThrow().getJsonObject("creator").fieldNames())
                .containsExactlyInAnyOrder("alert", "api_key", "user", "workflow");
    }

    @Test
    void everyIdNamesOneThing() {
        var state = http.sandbox.state();
        var owners = new java.util.HashMap<String, String>();
        var seeded = new io.vertx.core.json.JsonArray().add(new JsonObject().put("incidents", state.incidents()))
                .add(new JsonObject().put("users", state.users())).add(new JsonObject().put("actions", state.actions()));
        collectIds(seeded, "", owners);

        // One ID, one thing: the same ID may appear in many places (Lisa as assignee and lead), never for two things.
        assertThat(owners).containsEntry(DemoData.USER_LISA, "users").containsEntry(DemoData.INCIDENT_1, "incidents");
    }

    /** Records under which kind of thing each ID appears, and fails when an ID turns up as another kind. */
    private static void collectIds(Object json, String kind, java.util.Map<String, String> owners) {
        if (json instanceof JsonObject object) {
            String id = object.getString("id");
            if (id != null) {
                String earlier = owners.putIfAbsent(id, kind);
                assertThat(earlier == null ? kind : earlier).as("%s is both %s and %s", id, earlier, kind).isEqualTo(kind);
            }
            for (String field : object.fieldNames()) {
                collectIds(object.getValue(field), kind.isEmpty() ? field : kindOf(field, kind), owners);
            }
        } else if (json instanceof io.vertx.core.json.JsonArray array) {
            array.forEach(item -> collectIds(item, kind, owners));
        } else if (json instanceof java.util.List<?> list) {
            list.forEach(item -> collectIds(item, kind, owners));
        }
    }

    /** What an object under {@code field} is: people fields hold users, a custom field's options and
     * an entry's chosen option are options, other fields a kind of their own. */
    private static String kindOf(String field, String parent) {
        return switch (field) {
            case "assignee", "user", "creator", "lead" -> "users";
            case "options", "value_option" -> "custom field options";
            default -> parent + "." + field;
        };
    }

    @Test
    void stateHandsOutCopies() {
        var state = http.sandbox.state();
        state.action(DemoData.ACTION_COMPLETED).orElseThrow().put("description", "changed behind the server's back");
        state.incidents().get(0).put("name", "changed");

        assertThat(state.action(DemoData.ACTION_COMPLETED).orElseThrow().getString("description")).isEqualTo("Page the database on-call");
        assertThat(state.incidents().get(0).getString("name")).isEqualTo("Our database is sad");
    }

    @Test
    void catalogHasRankedSeveritiesAndStatuses() {
        var state = http.sandbox.state();

        assertThat(state.severities()).extracting(s -> s.getString("name") + "=" + s.getInteger("rank"))
                .containsExactly("Minor=1", "Major=2", "Critical=3");
        assertThat(state.incidentStatuses()).extracting(s -> s.getString("name") + "/" + s.getString("category"))
                .containsExactly("Triage/triage", "Investigating/live", "Monitoring/live", "Documenting/learning",
                        "Closed/closed", "Declined/declined");
        assertThat(state.severity(DemoData.SEVERITY_MAJOR).map(s -> s.getString("name"))).contains("Major");
        assertThat(state.incidentStatus("closed").map(s -> s.getString("id"))).contains(DemoData.STATUS_CLOSED);
    }

    @Test
    void anUnseededSandboxStartsEmpty() {
        try (var empty = SandboxClient.start(new SandboxOptions().setSeedDemoData(false))) {
            assertThat(empty.get("/v2/users").bodyAsJsonObject().getJsonArray("users")).isEmpty();
            assertThat(empty.get("/v2/actions").bodyAsJsonObject().getJsonArray("actions")).isEmpty();
            assertThat(empty.sandbox.state().incidents()).isEmpty();

            var incident = empty.sandbox.state().addIncident(new JsonObject());
            assertThat(incident.getString("reference")).isEqualTo("INC-1");
            assertThat(incident.getJsonObject("creator").getJsonObject("api_key").getString("name")).isEqualTo("Firebrigade sandbox");
        }
    }

    @Test
    void resetRestoresTheDemoData() {
        try (var own = SandboxClient.start()) {
            own.delete("/v2/actions/" + DemoData.ACTION_COMPLETED);
            own.sandbox.state().addUser(new JsonObject().put("name", "Extra"));

            own.sandbox.state().reset();

            assertThat(own.sandbox.state().actionCount()).isEqualTo(5);
            assertThat(own.sandbox.state().users()).hasSize(7);
        }
    }
}

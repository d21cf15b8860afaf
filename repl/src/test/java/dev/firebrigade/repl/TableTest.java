package dev.firebrigade.repl;

import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.model.User;
import dev.firebrigade.model.UserRole;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TableTest {
    static final User LISA = new User("01FCNDV6P870EA6S7TK1DSYDG0", "Lisa Karlin Curtis", "lisa@incident.io", null,
            UserRole.OWNER, true);

    @Test
    void actionsShowIdStatusAssigneeIncidentAndDescription() {
        var actions = List.of(
                new Action("A1", "INC1", "Call the fire brigade", ActionStatus.OUTSTANDING, null, LISA, null,
                        Instant.EPOCH, Instant.EPOCH),
                new Action("A22", "INC1", "Write it\nup", ActionStatus.NOT_DOING, null, null, null, null, null));

        assertThat(Table.render(actions)).isEqualTo("""
                id   status       assignee            incident  description
                ---  -----------  ------------------  --------  ---------------------
                A1   outstanding  Lisa Karlin Curtis  INC1      Call the fire brigade
                A22  not_doing                        INC1      Write it up
                (2 rows)
                """);
    }

    @Test
    void usersShowIdNameEmailRoleAndWhetherActive() {
        assertThat(Table.render(List.of(LISA))).isEqualTo("""
                id                          name                email             role   active
                --------------------------  ------------------  ----------------  -----  ------
                01FCNDV6P870EA6S7TK1DSYDG0  Lisa Karlin Curtis  lisa@incident.io  owner  true
                (1 row)
                """);
    }

    record Page(String name, int size) {
    }

    @Test
    void otherRecordsShowTheirComponentsAndJsonObjectsTheirKeys() {
        assertThat(Table.render(List.of(new Page("first", 25)))).isEqualTo("""
                name   size
                -----  ----
                first  25
                (1 row)
                """);
        assertThat(Table.render(List.of(
                new JsonObject().put("reference", "INC-1").put("incident_status", new JsonObject().put("name", "Live")),
                new JsonObject(Map.of("reference", "INC-2", "extra", true))))).isEqualTo("""
                reference  incident_status  extra
                ---------  ---------------  -----
                INC-1      Live
                INC-2                       true
                (2 rows)
                """);
    }

    @Test
    void longCellsAreCutAndAnythingElseIsOneValueColumn() {
        String cell = Table.cellText("x".repeat(100));

        assertThat(cell).hasSize(Table.MAX_CELL).endsWith("…");
        assertThat(Table.render(List.of(1, 2))).isEqualTo("value\n-----\n1\n2\n(2 rows)\n");
        assertThat(Table.render(List.of())).isEqualTo("(no rows)\n");
    }
}

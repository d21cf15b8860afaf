package dev.firebrigade.internal.transport;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import dev.firebrigade.internal.wire.ActionPayloads;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.model.Actor;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.model.User;
import dev.firebrigade.model.UserRole;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client's record path decodes exactly what Jackson's own record path decodes, and fails where it fails. */
class RecordDeserializerTest {
    /** The same configuration with Jackson's own property-based creator for records. */
    private static final ObjectMapper JACKSONS = Json.configured().build();

    private static final String LISA = """
            {"email": "lisa@incident.io", "id": "01FCNDV6P870EA6S7TK1DSYDG0", "name": "Lisa Karlin Curtis",
             "role": "owner", "slack_user_id": "U02AYNF2XJM"}""";
    private static final String CREATED = """
            {"action": {"assignee": %s, "completed_at": "2021-08-17T13:28:57.801578Z",
             "created_at": "2021-08-17T13:28:57.801578Z",
             "creator": {"alert": {"id": "01GW2G3V0S59R238FAHPDS1R66", "title": "PG::Error failed to connect"},
                         "api_key": {"id": "01FCNDV6P870EA6S7TK1DSYDG0", "name": "My test API key"},
                         "user": %s,
                         "workflow": {"id": "01FCNDV6P870EA6S7TK1DSYDG0", "name": "My little workflow"}},
             "description": "Call the fire brigade", "id": "01FCNDV6P870EA6S7TK1DSYDG0",
             "incident_id": "01FCNDV6P870EA6S7TK1DSYDG7", "status": "completed",
             "updated_at": "2021-08-17T13:28:57.801578Z"}}""".formatted(LISA, LISA);

    @Test
    void theModelsRecordsTakeThePlainPath() throws Exception {
        var context = ((DefaultDeserializationContext) Json.mapper().getDeserializationContext())
                .createDummyInstance(Json.mapper().getDeserializationConfig());
        for (Class<?> type : List.of(ActionPayloads.One.class, Action.class, Actor.class, User.class, Incident.class)) {
            assertThat(context.findRootValueDeserializer(context.constructType(type))).as(type.getName())
                    .isInstanceOfSatisfying(RecordDeserializer.class, deserializer ->
                            assertThat(deserializer.plain()).isTrue());
        }
    }

    @Test
    void decodesACreatedActionAsJacksonDoes() throws Exception {
        ActionPayloads.One ours = sameAsJacksons(CREATED, ActionPayloads.One.class);

        assertThat(ours.action().id()).isEqualTo("01FCNDV6P870EA6S7TK1DSYDG0");
        assertThat(ours.action().incidentId()).isEqualTo("01FCNDV6P870EA6S7TK1DSYDG7");
        assertThat(ours.action().status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(ours.action().createdAt()).isEqualTo(Instant.parse("2021-08-17T13:28:57.801578Z"));
        assertThat(ours.action().assignee().role()).isEqualTo(UserRole.OWNER);
        assertThat(ours.action().creator().apiKey().name()).isEqualTo("My test API key");
        assertThat(ours.action().creator().alert().title()).isEqualTo("PG::Error failed to connect");
    }

    @Test
    void skipsUnknownFieldsOfEveryShapeAndKeepsTheKnownOnes() throws Exception {
        String withExtras = """
                {"first": {"nested": [1, {"deep": [true, null]}]}, "action": {"zz": [[], {}],
                 "status": "outstanding", "external_issue_reference": {"provider": "jira", "issue_name": "X-1"},
                 "id": "A1", "score": 1.5e3, "description": "line\\r\\nbreak", "assignee": {"id": "U1", "new": "x"},
                 "incident_id": "I1", "flag": false, "nothing": null}, "last": "x"}""";

        ActionPayloads.One ours = sameAsJacksons(withExtras, ActionPayloads.One.class);

        assertThat(ours.action().id()).isEqualTo("A1");
        assertThat(ours.action().description()).isEqualTo("line\r\nbreak");
        assertThat(ours.action().assignee().id()).isEqualTo("U1");
        assertThat(ours.action().status()).isEqualTo(ActionStatus.OUTSTANDING);
    }

    @Test
    void missingAndNullComponentsAndUnknownEnumValuesComeOutAsWithJackson() throws Exception {
        assertThat(sameAsJacksons("{\"action\": {\"id\": \"A1\", \"assignee\": null, \"creator\": {}}}",
                ActionPayloads.One.class).action().assignee()).isNull();
        assertThat(sameAsJacksons("{\"action\": {}}", ActionPayloads.One.class).action().id()).isNull();
        assertThat(sameAsJacksons("{}", ActionPayloads.One.class).action()).isNull();
        assertThat(sameAsJacksons("{\"action\": {\"status\": \"snoozed\"}}", ActionPayloads.One.class)
                .action().status()).isEqualTo(ActionStatus.UNKNOWN);
        // The last of a repeated field wins, as in Jackson.
        assertThat(sameAsJacksons("{\"action\": {\"id\": \"first\", \"id\": \"second\"}}", ActionPayloads.One.class)
                .action().id()).isEqualTo("second");
    }

    @Test
    void recordsWithListsBoxedValuesAndCompactConstructorsDecodeAsWithJackson() throws Exception {
        User user = sameAsJacksons("""
                {"id": "U1", "name": "Lisa", "is_active": false, "base_role": {"id": "R1", "slug": "admin"},
                 "custom_roles": [{"id": "R2", "name": "Responder"}]}""", User.class);
        assertThat(user.active()).isFalse();
        assertThat(user.customRoles()).extracting(role -> role.name()).containsExactly("Responder");
        assertThat(sameAsJacksons("{\"id\": \"U2\"}", User.class).customRoles()).isEmpty();

        ActionPayloads.Many page = sameAsJacksons("""
                {"actions": [%s, {"id": "A2"}], "pagination_meta": {"after": "A2", "page_size": 25,
                 "total_record_count": 1234567890123}}""".formatted(CREATED.substring(11, CREATED.length() - 1)),
                ActionPayloads.Many.class);
        assertThat(page.items()).hasSize(2);
        assertThat(page.paginationMeta().totalRecordCount()).isEqualTo(1234567890123L);

        Incident incident = sameAsJacksons("""
                {"incident": "ignored", "id": "I1", "reference": "INC-7", "mode": "test",
                 "incident_role_assignments": [{"role": {"id": "R"}, "assignee": %s}]}""".formatted(LISA), Incident.class);
        assertThat(incident.mode()).isEqualTo(IncidentMode.TEST);
        assertThat(incident.incidentRoleAssignments()).hasSize(1);
    }

    @Test
    void aValueOfTheWrongShapeFailsWithJacksonsPath() {
        for (String broken : List.of(
                "{\"action\": {\"id\": \"A1\", \"created_at\": {\"at\": 1}}}",
                "{\"action\": {\"assignee\": \"U1\"}}",
                "{\"action\": {\"creator\": {\"user\": [1]}}}",
                "{\"action\": {\"status\": {}}}")) {
            var ours = catchThrowableOfType(() -> Json.decode(Buffer.buffer(broken), ActionPayloads.One.class),
                    DatabindException.class);
            var jacksons = catchThrowableOfType(() -> JACKSONS.readValue(broken, ActionPayloads.One.class),
                    DatabindException.class);

            assertThat(ours).as(broken).isNotNull();
            assertThat(jacksons).as(broken).isNotNull();
            assertThat(path(ours)).as(broken).isEqualTo(path(jacksons)).isNotEmpty();
            assertThat(ours.getOriginalMessage()).as(broken).isEqualTo(jacksons.getOriginalMessage());
        }
    }

    private static <T> T sameAsJacksons(String json, Class<T> type) throws Exception {
        T ours = Json.decode(Buffer.buffer(json), type);
        assertThat(ours).as(json).isEqualTo(JACKSONS.readValue(json, type));
        return ours;
    }

    private static List<String> path(DatabindException e) {
        return ((JsonMappingException) e).getPath().stream().map(JsonMappingException.Reference::getFieldName).toList();
    }
}

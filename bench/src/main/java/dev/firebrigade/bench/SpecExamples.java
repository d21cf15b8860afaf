package dev.firebrigade.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The 201 answer to {@code POST /v3/actions} as incident.io's spec gives it ({@code ActionsCreateResultV3}'s example),
 * written out in code so no incident.io file is copied into the project.
 */
final class SpecExamples {
    private static final String ID = "01FCNDV6P870EA6S7TK1DSYDG0";
    private static final String AT = "2021-08-17T13:28:57.801578Z";

    private SpecExamples() {
    }

    static byte[] createdAction() {
        var json = new ObjectMapper();
        ObjectNode action = json.createObjectNode();
        action.set("assignee", lisa(json));
        action.put("completed_at", AT);
        action.put("created_at", AT);
        ObjectNode creator = action.putObject("creator");
        creator.putObject("alert").put("id", "01GW2G3V0S59R238FAHPDS1R66")
                .put("title", "*errors.withMessage: PG::Error failed to connect");
        creator.putObject("api_key").put("id", ID).put("name", "My test API key");
        creator.set("user", lisa(json));
        creator.putObject("workflow").put("id", ID).put("name", "My little workflow");
        action.put("description", "Call the fire brigade");
        action.put("id", ID);
        action.put("incident_id", ID);
        action.put("status", "outstanding");
        action.put("updated_at", AT);
        ObjectNode result = json.createObjectNode();
        result.set("action", action);
        try {
            return json.writeValueAsBytes(result);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode lisa(ObjectMapper json) {
        return json.createObjectNode().put("email", "lisa@incident.io").put("id", ID).put("name", "Lisa Karlin Curtis")
                .put("role", "owner").put("slack_user_id", "U02AYNF2XJM");
    }
}

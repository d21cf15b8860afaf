package dev.firebrigade.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation a fresh sandbox simulates. IDs are fixed so docs, examples and tests can name them, and each
 * names one thing. Where the spec's examples use an ID (Lisa {@code 01FCNDV6P870EA6S7TK1DSYDG0}, incident
 * {@code ...D5H}, the example action) we reuse it, so a request copied from the docs works against the sandbox; the
 * spec gives Lisa's ID to an incident, an API key and a workflow too, which here have IDs of their own.
 */
public final class DemoData {
    // Incidents
    /** INC-1, standard, live (Investigating), Major. */
    public static final String INCIDENT_1 = "01FCNDV6P870EA6S7TK1DSYDG7";
    /** INC-2, standard, live (Monitoring), Minor: the incident of the spec's create-action request example. */
    public static final String INCIDENT_2 = "01FCNDV6P870EA6S7TK1DSYD5H";
    /** INC-3, standard, closed, Critical. */
    public static final String INCIDENT_3_CLOSED = "01FCTP2GA827H6P3AMKDQG6STT";
    /** INC-4, test mode, triage, Minor: hidden from lists unless asked for by mode. */
    public static final String INCIDENT_4_TEST = "01FCVE3HP8HM8HEE7QV4YSR5S4";
    /** INC-5, retrospective, learning (Documenting), Major. */
    public static final String INCIDENT_5_RETROSPECTIVE = "01FCW64K28TEP0Y8EXPSPATJH6";

    // Users
    /** Lisa Karlin Curtis, lisa@incident.io, Slack U02AYNF2XJM, owner: the spec's example user. */
    public static final String USER_LISA = "01FCNDV6P870EA6S7TK1DSYDG0";
    /** Martha Jones, martha@incident.io, responder. */
    public static final String USER_MARTHA = "01FCP5W8284TFF59TDWH9EDD1R";
    /** Rory Williams' old, deactivated row: rory@incident.io has one inactive and one active user. */
    public static final String USER_RORY_INACTIVE = "01FCPXX9E81HEAD8X4A1JH69RE";
    /** Rory Williams' active row. */
    public static final String USER_RORY = "01FCQNYAT8H4QX4FR84G98PBSK";
    /** Sam Tyler: sam@incident.io is shared by two ACTIVE users, so an email lookup is ambiguous. */
    public static final String USER_SAM = "01FCRDZC68JMRNV7E9Z0C1HT0H";
    /** Sam Tyler's second active account with the same email. */
    public static final String USER_SAM_SECOND = "01FCS60DJ8G7KYHRJXJG7DJ13N";
    /** Donna Noble, donna@incident.io: invited, never active (only visible with include_inactive). */
    public static final String USER_DONNA_INACTIVE = "01FCSY1EY82R00K6AGV0VFCXEC";

    public static final String EMAIL_LISA = "lisa@incident.io";
    public static final String EMAIL_ONE_ACTIVE_ONE_INACTIVE = "rory@incident.io";
    public static final String EMAIL_TWO_ACTIVE = "sam@incident.io";
    public static final String EMAIL_ONLY_INACTIVE = "donna@incident.io";

    // Actions
    /** The spec's example action, verbatim: creator with all four actor kinds, completed_at set, assigned to Lisa. */
    public static final String ACTION_SPEC_EXAMPLE = "01FCNDV6P870EA6S7TK1DSYDG1";
    /** On INC-1, completed, assigned to Martha, created by Lisa. */
    public static final String ACTION_COMPLETED = "01FCNDV6P870EA6S7TK1DSYDG2";
    /** On INC-2, outstanding, assigned to Rory, created by a workflow. */
    public static final String ACTION_OUTSTANDING = "01FCNDV6P870EA6S7TK1DSYDG3";
    /** On the test incident INC-4, unassigned. */
    public static final String ACTION_ON_TEST_INCIDENT = "01FCNDV6P870EA6S7TK1DSYDG4";
    /** On the retrospective incident INC-5, not_doing. */
    public static final String ACTION_ON_RETROSPECTIVE = "01FCNDV6P870EA6S7TK1DSYDG5";

    // Catalog
    public static final String SEVERITY_MINOR = "01FH5TZRWMNAFB0DZ23FD1TV96";
    public static final String SEVERITY_MAJOR = "01FCWY5ME8YA61ZCBW4E8C34PF";
    public static final String SEVERITY_CRITICAL = "01FCXP6NT8M2FT2W5K70WJCC2S";
    public static final String STATUS_TRIAGE = "01FCYE7Q681ZBF578DN6AKYJ7H";
    public static final String STATUS_INVESTIGATING = "01FCZ68RJ8CP69BSGAYP9VT16F";
    public static final String STATUS_MONITORING = "01FCZY9SY872CFKTYTSG6B3RMW";
    public static final String STATUS_DOCUMENTING = "01FD0PAVA8VF28X0CQ7R5YSNXG";
    public static final String STATUS_CLOSED = "01FD1EBWP8DD64M8YNJRH1FFND";
    public static final String STATUS_DECLINED = "01FDAERD687YC4SFC7NNE91AAR";

    public static final String ROLE_LEAD = "01FD26CY283RKRMTK3XGJEVSN4";
    public static final String ROLE_REPORTER = "01FD2YDZE8HXPMXY5A7292ESJR";
    /** A custom role, "Communications Lead" (short form "comms"). */
    public static final String ROLE_COMMS = "01FD6GKBW8WS3RHZ5J9BA7B0FQ";
    public static final String INCIDENT_TYPE_DEFAULT = "01FD3PF0T85S2AX5XTJK8EVA1F";
    public static final String INCIDENT_TYPE_PLATFORM = "01FD7BQ2M8JX3V4R1T9W6YZK5C";
    /** Private incidents only. */
    public static final String INCIDENT_TYPE_SECURITY = "01FD83S6N8H2K5W7X0Q4P9RM1D";

    // Follow-ups
    /** On INC-1, outstanding, assigned to Lisa, priority High, category Infrastructure, labelled "database". */
    public static final String FOLLOW_UP_REPLICA = "01FCNDV6P870EA6S7TK1DSYDH1";
    /** On INC-1, completed, unassigned, connected to a GitHub issue. */
    public static final String FOLLOW_UP_RUNBOOK = "01FCNDV6P870EA6S7TK1DSYDH2";
    /** On INC-2, outstanding, assigned to Martha. */
    public static final String FOLLOW_UP_ALERTING = "01FCNDV6P870EA6S7TK1DSYDH3";
    /** On the test incident INC-4. */
    public static final String FOLLOW_UP_ON_TEST_INCIDENT = "01FCNDV6P870EA6S7TK1DSYDH4";
    public static final String PRIORITY_LOW = "01FDA1P0R8LW1QK5E2V7N9T3XA";
    public static final String PRIORITY_MEDIUM = "01FDA2P1R8MD2RL6F3W8P0V4YB";
    public static final String PRIORITY_HIGH = "01FDA3P2R8HG3SM7G4X9Q1W5ZC";
    public static final String CATEGORY_INFRASTRUCTURE = "01FDB1C0T8NF4TN8H5Y0R2X6AD";
    public static final String CATEGORY_PROCESS = "01FDB2C1T8PR5VP9J6Z1S3Y7BE";
    public static final String CATEGORY_MONITORING = "01FDB3C2T8MN6WQ0K7A2T4Z8CF";

    static final String SLACK_TEAM_ID = "T02A1FSLE8J";
    private static final String FIELD_AFFECTED_TEAM = "01FD4EG268J8X99RXZJ4D63PZ2";
    private static final String OPTION_PRODUCT = "01FD56H3J8BXAK062GRPHRZNA7";
    private static final String OPTION_PLATFORM = "01FD5YJ4Y8PS68RE7V54CF2DEJ";
    private static final String CATALOG_TIME = "2021-08-01T09:00:00.000000Z";

    private DemoData() {}

    static List<JsonObject> severities() {
        return List.of(
                severity(SEVERITY_MINOR, "Minor", "Issues with **low impact**.", 1),
                severity(SEVERITY_MAJOR, "Major", "Issues causing **significant impact**. Immediate response is usually required.", 2),
                severity(SEVERITY_CRITICAL, "Critical", "Issues causing **very high impact** to customers. Immediate response is required.", 3));
    }

    static List<JsonObject> incidentStatuses() {
        return List.of(
                status(STATUS_TRIAGE, "Triage", "We're working out whether this is an incident.", 0, "triage"),
                status(STATUS_INVESTIGATING, "Investigating", "We're investigating the cause and impact.", 1, "live"),
                status(STATUS_MONITORING, "Monitoring", "A fix is in place and we're watching it.", 2, "live"),
                status(STATUS_DOCUMENTING, "Documenting", "Impact is mitigated; we're writing up what we learned.", 3, "learning"),
                status(STATUS_CLOSED, "Closed", "Impact has been **fully mitigated**, and we're ready to learn from this incident.", 4, "closed"),
                status(STATUS_DECLINED, "Declined", "This was not an incident.", 5, "declined"));
    }

    /** The organisation's incident types ({@code IncidentTypeV1}): Default, Platform, Security. */
    static List<JsonObject> incidentTypes() {
        return List.of(
                incidentType(INCIDENT_TYPE_DEFAULT, "Default", "Anything that is not business as usual", true, false),
                incidentType(INCIDENT_TYPE_PLATFORM, "Platform", "Our infrastructure: databases, queues, networks", false, false),
                incidentType(INCIDENT_TYPE_SECURITY, "Security", "Suspected breaches and vulnerabilities", false, true));
    }

    /** The organisation's incident roles ({@code IncidentRoleV2}): lead, reporter and a custom communications role. */
    static List<JsonObject> incidentRoles() {
        return List.of(
                incidentRole(ROLE_LEAD, "Incident Lead", "lead", "lead", "The person currently coordinating the incident",
                        "Take point on the incident; Make sure people are clear on responsibilities"),
                incidentRole(ROLE_REPORTER, "Reporter", "reporter", "", "The person who reported the incident", ""),
                incidentRole(ROLE_COMMS, "Communications Lead", "custom", "comms", "Keeps customers and the company informed",
                        "Post an update every 30 minutes"));
    }

    /** Follow-up priorities ({@code FollowUpPriorityV2}); the spec documents no endpoint that lists them. */
    static List<JsonObject> followUpPriorities() {
        return List.of(
                ranked(PRIORITY_LOW, "Low", "Nice to have", 1),
                ranked(PRIORITY_MEDIUM, "Medium", "Within the quarter", 2),
                ranked(PRIORITY_HIGH, "High", "Before the next on-call rotation", 3));
    }

    /** Follow-up categories ({@code FollowUpCategoryV3}); no endpoint lists them either. */
    static List<JsonObject> followUpCategories() {
        return List.of(
                ranked(CATEGORY_INFRASTRUCTURE, "Infrastructure", "Servers, databases, networks", 1),
                ranked(CATEGORY_PROCESS, "Process", "How we respond", 2),
                ranked(CATEGORY_MONITORING, "Monitoring", "Alerts and dashboards", 3));
    }

    /** The base RBAC role matching a deprecated {@code role} value. */
    static JsonObject baseRole(String role) {
        return switch (role) {
            case "owner" -> rbacRole("01FCNDV6P870EA6S7TK1DSYDG9", "Owner", "owner", "Full access, including billing and API keys.");
            case "administrator" -> rbacRole("01FD6PK6A81X190YKGRC815W1Q", "Administrator", "administrator", "Can change settings.");
            case "responder" -> rbacRole("01FD7EM7P8FWAK9EDNVYF7ETDH", "Responder", "responder", "Can respond to incidents.");
            default -> rbacRole("01FD86N928DNV8G7PHCAQ2XCAM", "Viewer", "viewer", "Can view incidents.");
        };
    }

    static void seed(SandboxState state) {
        var users = users();
        state.putSeed(users, incidents(users), actions(users), followUps(users));
    }

    private static Map<String, JsonObject> users() {
        var users = new LinkedHashMap<String, JsonObject>();
        users.put(USER_LISA, user(USER_LISA, "Lisa Karlin Curtis", EMAIL_LISA, "U02AYNF2XJM", "owner", true)
                .put("custom_roles", new JsonArray().add(rbacRole("01FD8YPAE8EWRN0TZJXZ3FGXRR", "Customer Success",
                        "customer-success", "Elevated permissions for the customer success team.")))
                .put("seats", seats("full_access", "full_access")));
        users.put(USER_MARTHA, user(USER_MARTHA, "Martha Jones", "martha@incident.io", "U02B7J4PQ1K", "responder", true));
        users.put(USER_RORY_INACTIVE, user(USER_RORY_INACTIVE, "Rory Williams", EMAIL_ONE_ACTIVE_ONE_INACTIVE, null, "viewer", false)
                .put("seats", seats("none", "none")));
        users.put(USER_RORY, user(USER_RORY, "Rory Williams", EMAIL_ONE_ACTIVE_ONE_INACTIVE, "U02C3R0RY9Q", "responder", true));
        users.put(USER_SAM, user(USER_SAM, "Sam Tyler", EMAIL_TWO_ACTIVE, "U02D5SAMT01", "responder", true));
        users.put(USER_SAM_SECOND, user(USER_SAM_SECOND, "Sam Tyler", EMAIL_TWO_ACTIVE, null, "viewer", true)
                .put("seats", seats("none", "viewer_only")));
        users.put(USER_DONNA_INACTIVE, user(USER_DONNA_INACTIVE, "Donna Noble", EMAIL_ONLY_INACTIVE, null, "unset", false)
                .put("seats", seats("none", "none")));
        return users;
    }

    private static List<JsonObject> incidents(Map<String, JsonObject> users) {
        var lisa = SandboxState.userRef(users.get(USER_LISA));
        var martha = SandboxState.userRef(users.get(USER_MARTHA));
        var rory = SandboxState.userRef(users.get(USER_RORY));
        var one = incident(INCIDENT_1, 1, "Our database is sad", "standard", STATUS_INVESTIGATING, SEVERITY_MAJOR,
                "2021-08-17T13:28:57.801578Z", "2021-08-17T14:02:11.000000Z")
                .put("summary", "Our database is really really sad, and we don't know why yet.")
                .put("creator", new JsonObject().put("user", lisa))
                .put("incident_role_assignments", new JsonArray()
                        .add(new JsonObject().put("role", role(ROLE_LEAD, "Incident Lead", "lead", "lead",
                                "The person currently coordinating the incident",
                                "Take point on the incident; Make sure people are clear on responsibilities")).put("assignee", lisa))
                        .add(new JsonObject().put("role", role(ROLE_REPORTER, "Reporter", "reporter", "reporter",
                                "The person who reported the incident", "Tell us what you saw"))))
                .put("custom_field_entries", new JsonArray().add(affectedTeam(OPTION_PLATFORM, "Platform", 20)))
                .put("incident_timestamp_values", new JsonArray().add(new JsonObject()
                        .put("incident_timestamp", new JsonObject().put("id", "01FD9PQBT8EG1YRSN7GYAYEREH").put("name", "Impact started").put("rank", 1))
                        .put("value", new JsonObject().put("value", "2021-08-17T13:20:00.000000Z"))))
                .put("call_url", "https://zoom.us/j/000000000")
                .put("has_debrief", false)
                .put("workload_minutes_total", 60.5)
                .put("workload_minutes_working", 50.5)
                .put("workload_minutes_late", 10.0)
                .put("workload_minutes_sleeping", 0.0);
        var two = incident(INCIDENT_2, 2, "Payments are failing for some EU customers", "standard", STATUS_MONITORING,
                SEVERITY_MINOR, "2021-08-18T09:10:00.000000Z", "2021-08-18T10:45:30.250000Z")
                .put("summary", "Card payments from the EU fail with a timeout at the processor.")
                .put("creator", new JsonObject().put("user", martha))
                .put("incident_role_assignments", new JsonArray()
                        .add(new JsonObject().put("role", role(ROLE_LEAD, "Incident Lead", "lead", "lead",
                                "The person currently coordinating the incident",
                                "Take point on the incident; Make sure people are clear on responsibilities")).put("assignee", martha)))
                .put("custom_field_entries", new JsonArray().add(affectedTeam(OPTION_PRODUCT, "Product", 10)));
        var three = incident(INCIDENT_3_CLOSED, 3, "Full site outage", "standard", STATUS_CLOSED, SEVERITY_CRITICAL,
                "2021-08-20T02:00:00.000000Z", "2021-08-21T16:00:00.000000Z")
                .put("creator", new JsonObject().put("workflow", new JsonObject().put("id", "01FDB6SEJ8PBRJW19HKB5NRX17").put("name", "Page on critical alerts")))
                .put("postmortem_document_url", "https://docs.example.com/postmortems/inc-3");
        var four = incident(INCIDENT_4_TEST, 4, "Test: practising the fire drill", "test", STATUS_TRIAGE, SEVERITY_MINOR,
                "2021-08-22T11:00:00.000000Z", "2021-08-22T11:00:00.000000Z")
                .put("creator", new JsonObject().put("user", rory));
        var five = incident(INCIDENT_5_RETROSPECTIVE, 5, "Imported: the 2020 DNS outage", "retrospective", STATUS_DOCUMENTING,
                SEVERITY_MAJOR, "2021-08-23T08:30:00.000000Z", "2021-08-23T08:30:00.000000Z")
                .put("creator", new JsonObject().put("user", lisa));
        return List.of(one, two, three, four, five);
    }

    private static List<JsonObject> actions(Map<String, JsonObject> users) {
        var lisa = SandboxState.userRef(users.get(USER_LISA));
        var specExample = new JsonObject()
                .put("id", ACTION_SPEC_EXAMPLE)
                .put("incident_id", INCIDENT_1)
                .put("description", "Call the fire brigade")
                // Verbatim from the spec's example, including "outstanding" with a completed_at: clients must cope.
                .put("status", "outstanding")
                .put("assignee", lisa)
                .put("creator", new JsonObject()
                        .put("alert", new JsonObject().put("id", "01GW2G3V0S59R238FAHPDS1R66").put("title", "*errors.withMessage: PG::Error failed to connect"))
                        .put("api_key", new JsonObject().put("id", "01FCNDV6P870EA6S7TK1DSYDG8").put("name", "My test API key"))
                        .put("user", lisa.copy())
                        .put("workflow", new JsonObject().put("id", "01FCNDV6P870EA6S7TK1DSYDGA").put("name", "My little workflow")))
                .put("completed_at", "2021-08-17T13:28:57.801578Z")
                .put("created_at", "2021-08-17T13:28:57.801578Z")
                .put("updated_at", "2021-08-17T13:28:57.801578Z");
        var completed = action(ACTION_COMPLETED, INCIDENT_1, "Page the database on-call", "completed",
                SandboxState.userRef(users.get(USER_MARTHA)), new JsonObject().put("user", lisa),
                "2021-08-17T13:31:02.120000Z", "2021-08-17T13:52:40.500000Z")
                .put("completed_at", "2021-08-17T13:52:40.500000Z");
        var outstanding = action(ACTION_OUTSTANDING, INCIDENT_2, "Restart the payment workers", "outstanding",
                SandboxState.userRef(users.get(USER_RORY)),
                new JsonObject().put("workflow", new JsonObject().put("id", "01FDBYTFY82KT3WZ8VZF3T5TH0").put("name", "Standard payment playbook")),
                "2021-08-18T09:15:00.000000Z", "2021-08-18T09:15:00.000000Z");
        var onTest = action(ACTION_ON_TEST_INCIDENT, INCIDENT_4_TEST, "Check the fire drill checklist", "outstanding",
                null, new JsonObject().put("user", SandboxState.userRef(users.get(USER_RORY))),
                "2021-08-22T11:05:00.000000Z", "2021-08-22T11:05:00.000000Z");
        var onRetrospective = action(ACTION_ON_RETROSPECTIVE, INCIDENT_5_RETROSPECTIVE, "Write the DNS runbook", "not_doing",
                lisa, new JsonObject().put("user", lisa),
                "2021-08-23T08:40:00.000000Z", "2021-08-24T10:00:00.000000Z");
        return List.of(specExample, completed, outstanding, onTest, onRetrospective);
    }

    private static JsonObject user(String id, String name, String email, String slackUserId, String role, boolean active) {
        var user = new JsonObject().put("id", id).put("name", name).put("email", email);
        if (slackUserId != null) {
            user.put("slack_user_id", slackUserId);
        }
        return user.put("role", role)
                .put("is_active", active)
                .put("base_role", baseRole(role))
                .put("custom_roles", new JsonArray())
                .put("seats", seats("none", "full_access"));
    }

    private static JsonObject seats(String onCall, String response) {
        return new JsonObject().put("on_call", onCall).put("response", response);
    }

    private static JsonObject rbacRole(String id, String name, String slug, String description) {
        return new JsonObject().put("id", id).put("name", name).put("slug", slug).put("description", description);
    }

    private static JsonObject severity(String id, String name, String description, int rank) {
        return new JsonObject().put("id", id).put("name", name).put("description", description).put("rank", rank)
                .put("created_at", CATALOG_TIME).put("updated_at", CATALOG_TIME);
    }

    private static JsonObject status(String id, String name, String description, int rank, String category) {
        return new JsonObject().put("id", id).put("name", name).put("description", description).put("rank", rank)
                .put("category", category).put("created_at", CATALOG_TIME).put("updated_at", CATALOG_TIME);
    }

    private static JsonObject role(String id, String name, String roleType, String shortform, String description, String instructions) {
        return new JsonObject().put("id", id).put("name", name).put("role_type", roleType).put("shortform", shortform)
                .put("description", description).put("instructions", instructions).put("required", roleType.equals("lead"))
                .put("created_at", CATALOG_TIME).put("updated_at", CATALOG_TIME);
    }

    private static JsonObject ranked(String id, String name, String description, int rank) {
        return new JsonObject().put("id", id).put("name", name).put("description", description).put("rank", rank);
    }

    private static List<JsonObject> followUps(Map<String, JsonObject> users) {
        var lisa = SandboxState.userRef(users.get(USER_LISA));
        var creator = new JsonObject().put("user", lisa.copy());
        return List.of(
                followUp(FOLLOW_UP_REPLICA, INCIDENT_1, "Add a read replica", "outstanding", creator)
                        .put("description", "So that a failover does not take **minutes**.").put("assignee", lisa.copy())
                        .put("priority", followUpPriorities().get(2)).put("category", followUpCategories().get(0))
                        .put("labels", new JsonArray().add("database")),
                followUp(FOLLOW_UP_RUNBOOK, INCIDENT_1, "Write the failover runbook", "completed", creator)
                        .put("completed_at", "2021-08-20T10:00:00.000000Z")
                        .put("external_issue_reference", new JsonObject().put("provider", "github")
                                .put("issue_name", "firebrigade/ops#12").put("issue_permalink", "https://github.com/firebrigade/ops/issues/12")),
                followUp(FOLLOW_UP_ALERTING, INCIDENT_2, "Alert on payment error rate", "outstanding", creator)
                        .put("assignee", SandboxState.userRef(users.get(USER_MARTHA))),
                followUp(FOLLOW_UP_ON_TEST_INCIDENT, INCIDENT_4_TEST, "Practise the game day", "outstanding", creator));
    }

    private static JsonObject followUp(String id, String incidentId, String title, String status, JsonObject creator) {
        return new JsonObject().put("id", id).put("incident_id", incidentId).put("title", title).put("status", status)
                .put("labels", new JsonArray()).put("creator", creator)
                .put("created_at", "2021-08-19T09:00:00.000000Z").put("updated_at", "2021-08-20T10:00:00.000000Z");
    }

    private static JsonObject incidentType(String id, String name, String description, boolean isDefault,
            boolean privateOnly) {
        return new JsonObject().put("id", id).put("name", name).put("description", description).put("is_default", isDefault)
                .put("private_incidents_only", privateOnly).put("create_in_triage", "optional")
                .put("created_at", CATALOG_TIME).put("updated_at", CATALOG_TIME);
    }

    private static JsonObject incidentRole(String id, String name, String roleType, String shortform, String description,
            String instructions) {
        return new JsonObject().put("id", id).put("name", name).put("role_type", roleType).put("shortform", shortform)
                .put("description", description).put("instructions", instructions)
                .put("created_at", CATALOG_TIME).put("updated_at", CATALOG_TIME);
    }

    private static JsonObject affectedTeam(String optionId, String value, int sortKey) {
        var option = new JsonObject().put("id", optionId).put("custom_field_id", FIELD_AFFECTED_TEAM).put("value", value).put("sort_key", sortKey);
        return new JsonObject()
                .put("custom_field", new JsonObject().put("id", FIELD_AFFECTED_TEAM).put("name", "Affected Team")
                        .put("description", "Which team is impacted by this issue").put("field_type", "single_select")
                        .put("options", new JsonArray()
                                .add(new JsonObject().put("id", OPTION_PRODUCT).put("custom_field_id", FIELD_AFFECTED_TEAM).put("value", "Product").put("sort_key", 10))
                                .add(new JsonObject().put("id", OPTION_PLATFORM).put("custom_field_id", FIELD_AFFECTED_TEAM).put("value", "Platform").put("sort_key", 20))))
                .put("values", new JsonArray().add(new JsonObject().put("value_option", option)));
    }

    private static JsonObject incident(String id, int number, String name, String mode, String statusId, String severityId,
            String createdAt, String updatedAt) {
        var status = incidentStatuses().stream().filter(s -> s.getString("id").equals(statusId)).findFirst().orElseThrow();
        var severity = severities().stream().filter(s -> s.getString("id").equals(severityId)).findFirst().orElseThrow();
        return new JsonObject()
                .put("id", id)
                .put("reference", "INC-" + number)
                .put("name", name)
                .put("mode", mode)
                .put("visibility", "public")
                .put("incident_status", status)
                .put("severity", severity)
                .put("incident_type", incidentTypes().get(0))
                .put("incident_role_assignments", new JsonArray())
                .put("custom_field_entries", new JsonArray())
                .put("slack_team_id", SLACK_TEAM_ID)
                .put("slack_channel_id", "C02AW36C1M" + number)
                .put("slack_channel_name", "inc-" + number + "-" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""))
                .put("permalink", "https://app.incident.io/firebrigade-sandbox/incidents/" + number)
                .put("created_at", createdAt)
                .put("updated_at", updatedAt);
    }

    private static JsonObject action(String id, String incidentId, String description, String status, JsonObject assignee,
            JsonObject creator, String createdAt, String updatedAt) {
        var action = new JsonObject().put("id", id).put("incident_id", incidentId).put("description", description)
                .put("status", status).put("creator", creator);
        if (assignee != null) {
            action.put("assignee", assignee);
        }
        return action.put("created_at", createdAt).put("updated_at", updatedAt);
    }
}

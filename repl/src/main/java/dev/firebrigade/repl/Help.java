package dev.firebrigade.repl;

import dev.firebrigade.ActionsApi;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The text of {@code help()}: the DSL and the helpers, with references that work in the current session. */
final class Help {
    /** The spec's example incident (INC-2) and user (Lisa), which the sandbox seeds. */
    static final String DEMO_INCIDENT = "01FCNDV6P870EA6S7TK1DSYD5H";
    static final String DEMO_USER = "01FCNDV6P870EA6S7TK1DSYDG0";

    private Help() {
    }

    static String text(Session session) {
        String incident = quoted(exampleIncident(session), "INC-123");
        String user = quoted(exampleUser(session), "someone@example.com");
        String id = "\"<action ID>\"";
        return """
                The DSL (statically imported from dev.firebrigade.Firebrigade). Every call returns a Future; .await()
                waits for it, and the REPL also settles a Future it is about to show. Incidents are given by ID or
                reference ("INC-123", "123"), users by ID or email.
                %4$s


                  actions().forIncident(%1$s).describe("Call the fire brigade").assignTo(%2$s).create().await()
                  var fire = actions().forIncident(%1$s)           drafts are immutable: start many from one
                  fire.describe("Page the DBA").unassigned().create().await()
                  fire.describe("Page the DBA").dryRun()              the request; nothing is sent
                  fire.describe("Page the DBA").assignTo(%2$s).resolvedDryRun().await()   with references resolved
                  actions().get(%3$s).await()
                  actions().list().forIncident(%1$s).fetch().await()      .mode(TEST) for test incidents
                  actions().list().createdSince(Instant.now().minusSeconds(3600)).pageSize(50).firstPage().await()
                  actions().list().createdBetween("2021-08-01", "2021-08-31").fetch().await()   also updatedBetween
                  actions().complete(%3$s).await()                 also reopen(id), delete(id)
                  actions().edit(%3$s).describe("…").assignTo(%2$s).status(NOT_DOING).apply().await()
                  incidents().get(%1$s).await()      incidents().list().statusCategory(LIVE, TRIAGE).fetch()
                  incidents().declare().name("DB down").severity("Major").type("Platform").status("Investigating")
                      .mode(TEST).visibility(IncidentVisibility.PRIVATE).lead(%2$s).create().await()
                      names resolve via /v1/severities, /v1/incident_types, /v1/incident_statuses, /v2/incident_roles;
                      .idempotencyKey("gameday-1") makes a re-run return the first incident instead of a new one
                  incidents().edit(%1$s).status("Monitoring").severity("Minor").summary("…").notifyChannel(false).apply().await()
                  incidentUpdates().forIncident(%1$s).fetch().await()   incidents().severities().await(), types(), statuses(), roles()
                  followUps().forIncident(%1$s).title("Add a replica").describe("…").assignTo(%2$s)
                      .priority(priorityId).category(categoryId).labels("db").create().await()   v3; never doubled
                  followUps().list().forIncident(%1$s).fetch().await()   v3; also .mode(…), .assigneeTeam(id), .createdSince(…)
                  followUps().edit("<follow-up ID>").title("…").status(FollowUpStatus.COMPLETED).assignTo(%2$s).apply().await()
                  followUps().get(id), delete(id), connectExternalIssue(id, IssueTracker.JIRA, url), createFromLink(%1$s, url)
                  users().byEmail(%2$s).await()   users().list().fetch()
                  identity().await()                     the API key in use: its name and roles
                  incidents().list().pageSize(25).firstPage().await()   a Page: .items(), .hasNext(), .next()
                  users().list().collect(100).await()    up to 100; .stream() reads every page lazily
                  raw().get("/v2/incidents/" + "…").await()   any endpoint, as JSON (raw().post, put, delete too)

                Bulk: one action (incident,description,assignee[,key]) or follow-up (incident,title[,description,assignee,
                priority,category,labels,key]; labels a;b) per row of a CSV or JSON Lines file. The journal makes a
                re-run finish the rest without creating anything twice.
                  actions().bulk(Path.of("actions.csv")).journal(Path.of("actions.csv.journal")).run().await().summary()
                  followUps().bulk(Path.of("followups.csv")).dryRun().await().summary()   checks every row, creates nothing
                  scripts/firebrigade bulk followups.csv [--kind follow-ups] [--dry-run]   from the shell, with a progress
                                                        bar (a title column means follow-ups)

                Helpers (statically imported from dev.firebrigade.repl.Shell):
                  table(list)       aligned columns, e.g. table(actions().list().forIncident(%1$s)); a query is sent
                  show(x)           pretty JSON of a model, list, Future or error
                  watch(w)          prints changes as they happen until Ctrl-C, e.g. watch(actions().watch().forIncident(%1$s))
                                    also followUps().watch(), incidents().watch();
                                    .every(java.time.Duration.ofSeconds(2)), .sweepEvery(10) for deletions
                  lastError()       the last incident.io error in full: lastError().errors(), .requestId()
                  args()            a script's arguments: scripts/firebrigade run FILE.jsh ARGS...
                  banner()          the connection, and the demo data in a sandbox
                  client()          the IncidentIo in use; connect(IncidentIo.create(vertx, options)) switches
                  println(x)        also print(x), printf(format, args...)

                JShell: Tab completes names and methods, /vars and /list show what you defined, /save FILE keeps it,
                /exit or Ctrl-D leaves.
                """.formatted(incident, user, id, actionsLine(session));
    }

    /** Which actions API is in use and what its calls send, e.g. {@code POST /v3/actions}. */
    private static String actionsLine(Session session) {
        ActionsApi api = session.actionsApi() == null ? ActionsApi.V3 : session.actionsApi();
        return Banner.actionsApi(api) + "\nActions calls: create POST " + api.path() + ", get GET " + api.path()
                + "/{id}, complete/reopen/edit GET then PUT, delete DELETE, list GET " + api.path() + ".";
    }

    /** The one line the banner suggests trying. */
    static String createExample(Session session) {
        return "actions().forIncident(" + quoted(exampleIncident(session), "INC-123")
                + ").describe(\"Call the fire brigade\").assignTo(" + quoted(exampleUser(session), "someone@example.com")
                + ").create().await()";
    }

    /** The reference of the demo incident, or null outside a sandbox. */
    private static String exampleIncident(Session session) {
        return pick(session.demoIncidents(), DEMO_INCIDENT, "reference");
    }

    /** The email of the demo user, or null outside a sandbox. */
    private static String exampleUser(Session session) {
        return pick(session.demoUsers().stream().filter(user -> user.getBoolean("is_active", true)).toList(),
                DEMO_USER, "email");
    }

    /** {@code field} of the row with ID {@code preferred}, else of the first row, else null. */
    private static String pick(List<JsonObject> rows, String preferred, String field) {
        return rows.stream().filter(row -> preferred.equals(row.getString("id"))).findFirst()
                .or(() -> rows.stream().findFirst())
                .map(row -> row.getString(field))
                .orElse(null);
    }

    private static String quoted(String value, String placeholder) {
        return "\"" + (value == null ? placeholder : value) + "\"";
    }
}

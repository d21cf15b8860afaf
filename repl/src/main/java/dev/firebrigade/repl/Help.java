package dev.firebrigade.repl;

import io.vertx.core.json.JsonObject;

import java.util.List;

/** The text of {@code help()}: the DSL and the helpers, with IDs that work in the current session. */
final class Help {
    /** The spec's example incident and user, which the sandbox seeds. */
    static final String DEMO_INCIDENT = "01FCNDV6P870EA6S7TK1DSYD5H";
    static final String DEMO_USER = "01FCNDV6P870EA6S7TK1DSYDG0";

    private Help() {
    }

    static String text(Session session) {
        String incident = quoted(exampleIncident(session), "<incident ID>");
        String user = quoted(exampleUser(session), "<user ID>");
        String id = "\"<action ID>\"";
        return """
                The actions DSL (statically imported from dev.firebrigade.Firebrigade). Every call returns a Future;
                .await() waits for it, and the REPL also settles a Future it is about to show.

                  actions().forIncident(%1$s).describe("Call the fire brigade").assignTo(%2$s).create().await()
                  var fire = actions().forIncident(%1$s)           drafts are immutable: start many from one
                  fire.describe("Page the DBA").unassigned().create().await()
                  fire.describe("Page the DBA").dryRun()           the exact request; nothing is sent
                  actions().get(%3$s).await()
                  actions().list().forIncident(%1$s).fetch().await()      .mode(IncidentMode.TEST) for test incidents
                  actions().complete(%3$s).await()              also reopen(id), delete(id)
                  actions().edit(%3$s).describe("…").assignTo(%2$s).status(ActionStatus.NOT_DOING).apply().await()

                Helpers (statically imported from dev.firebrigade.repl.Shell):
                  table(list)       aligned columns, e.g. table(actions().list().forIncident(%1$s).fetch())
                  show(x)           pretty JSON of a model, list, Future or error
                  lastError()       the last incident.io error in full: lastError().errors(), .requestId()
                  args()            a script's arguments: scripts/firebrigade run FILE.jsh ARGS...
                  banner()          the connection, and the demo data in a sandbox
                  client()          the IncidentIo in use; connect(IncidentIo.create(vertx, options)) switches

                JShell: Tab completes names and methods, /vars and /list show what you defined, /save FILE keeps it,
                /exit or Ctrl-D leaves.
                """.formatted(incident, user, id);
    }

    /** The one line the banner suggests trying. */
    static String createExample(Session session) {
        return "actions().forIncident(" + quoted(exampleIncident(session), "<incident ID>")
                + ").describe(\"Call the fire brigade\").assignTo(" + quoted(exampleUser(session), "<user ID>")
                + ").create().await()";
    }

    private static String exampleIncident(Session session) {
        return pick(session.demoIncidents(), DEMO_INCIDENT);
    }

    private static String exampleUser(Session session) {
        return pick(session.demoUsers().stream().filter(user -> user.getBoolean("is_active", true)).toList(), DEMO_USER);
    }

    /** {@code preferred} when the list has it, else the first ID, else null. */
    private static String pick(List<JsonObject> rows, String preferred) {
        if (rows.stream().anyMatch(row -> preferred.equals(row.getString("id")))) {
            return preferred;
        }
        return rows.isEmpty() ? null : rows.get(0).getString("id");
    }

    private static String quoted(String id, String placeholder) {
        return "\"" + (id == null ? placeholder : id) + "\"";
    }
}

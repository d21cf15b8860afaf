package dev.firebrigade.repl;

import dev.firebrigade.ActionsApi;
import dev.firebrigade.IncidentIo;
import dev.firebrigade.Version;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** What the REPL says when it opens: what it is connected to, and in a sandbox what there is to try. */
final class Banner {
    static final String VERSION = Version.current();

    private Banner() {
    }

    /** The interactive banner. Names the key by its incident.io name, never the key itself. */
    static String full(Session session) {
        var out = new StringBuilder("Firebrigade ").append(VERSION)
                .append(": incident.io in JShell. help() lists the DSL, Tab completes, /exit or Ctrl-D leaves.\n");
        if (session.actionsApi() != null) {
            out.append(actionsApi(session.actionsApi())).append('\n');
        }
        switch (session.kind()) {
            case CONNECTED -> out.append("Connected to ").append(session.baseUrl()).append(" as API key \"")
                    .append(session.keyName()).append("\".\n");
            case NOT_CONNECTED -> out.append(notConnected(session)).append('\n');
            case SANDBOX -> sandbox(session, out);
        }
        return out.toString();
    }

    /** For scripts, on stderr: one line when it matters (a sandbox, a connection problem), else nothing. */
    static String brief(Session session) {
        return switch (session.kind()) {
            case CONNECTED -> "";
            case NOT_CONNECTED -> "firebrigade: " + notConnected(session) + "\n";
            case SANDBOX -> "firebrigade: no " + dev.firebrigade.IncidentIo.API_KEY_ENV
                    + " set: running against the embedded sandbox with fresh demo data at " + session.baseUrl() + "\n";
        };
    }

    /** Which actions endpoints the DSL uses, and how to choose the other. */
    static String actionsApi(ActionsApi api) {
        return api.deprecated()
                ? "Actions API: v2 (" + api.path() + "), deprecated: incident.io removes it on " + ActionsApi.V2_REMOVAL
                + ". Unset " + IncidentIo.ACTIONS_API_ENV + " to use v3."
                : "Actions API: v3 (" + api.path() + "). " + IncidentIo.ACTIONS_API_ENV
                + "=v2 chooses the deprecated /v2/actions until " + ActionsApi.V2_REMOVAL + ".";
    }

    private static String notConnected(Session session) {
        return "Not connected to " + session.baseUrl() + ": " + session.problem()
                + ". The REPL is open; calls will fail until this is fixed.";
    }

    private static void sandbox(Session session, StringBuilder out) {
        out.append("Sandbox: no ").append(dev.firebrigade.IncidentIo.API_KEY_ENV)
                .append(" is set, so this is the embedded incident.io simulator at ").append(session.baseUrl())
                .append(" with demo data. Nothing leaves this machine, and the sandbox starts fresh at every run:")
                .append(" what you create is gone when you leave.\n");
        List<JsonObject> incidents = session.demoIncidents();
        List<JsonObject> users = session.demoUsers().stream()
                .filter(user -> user.getBoolean("is_active", true))
                .toList();
        out.append("\nDemo incidents:\n").append(indent(Table.render(incidents, List.of(
                new Table.Column("reference", row -> ((JsonObject) row).getString("reference")),
                new Table.Column("id", row -> ((JsonObject) row).getString("id")),
                new Table.Column("mode", row -> ((JsonObject) row).getString("mode")),
                new Table.Column("name", row -> ((JsonObject) row).getString("name"))))));
        out.append("\nDemo users:\n").append(indent(Table.render(users, List.of(
                new Table.Column("id", row -> ((JsonObject) row).getString("id")),
                new Table.Column("name", row -> ((JsonObject) row).getString("name")),
                new Table.Column("email", row -> ((JsonObject) row).getString("email"))))));
        out.append("\nTry:\n  ").append(Help.createExample(session)).append('\n');
    }

    /** Indents a table and drops its rule and count lines, which a banner does not need. */
    private static String indent(String table) {
        var out = new StringBuilder();
        for (String line : table.split("\n")) {
            if (!line.startsWith("-") && !line.startsWith("(")) {
                out.append("  ").append(line).append('\n');
            }
        }
        return out.toString();
    }
}

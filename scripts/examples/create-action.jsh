// Creates one incident action and prints it on one line.
//
//   scripts/firebrigade run scripts/examples/create-action.jsh [INCIDENT DESCRIPTION [ASSIGNEE]]
//
// INCIDENT is an ID or a reference (INC-123), ASSIGNEE a user ID or an email. Without arguments it uses the
// sandbox's demo incident INC-2 and assigns lisa@incident.io, so with no INCIDENT_IO_API_KEY set it works as is.
// With a key, pass your own incident and description; without an assignee the action is created unassigned.
// The exit code is 0 only if the action was created. It sends POST /v3/actions (INCIDENT_IO_ACTIONS_API=v2 chooses
// the deprecated /v2/actions, which incident.io removes on 2026-12-31).

String arg(int index, String otherwise) { return args().size() > index ? args().get(index) : otherwise; }

var demo = args().isEmpty();
// JShell ends a snippet at the first complete line: keep the dots at the ends of lines.
var draft = actions().
        forIncident(arg(0, "INC-2")).
        describe(arg(1, "Call the fire brigade"));
var assignee = arg(2, demo ? "lisa@incident.io" : null);
var action = (assignee == null ? draft : draft.assignTo(assignee)).create().await();
println("Created " + action);

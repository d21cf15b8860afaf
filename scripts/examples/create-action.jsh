// Creates one incident action and prints it on one line.
//
//   scripts/firebrigade run scripts/examples/create-action.jsh [INCIDENT_ID DESCRIPTION [ASSIGNEE_ID]]
//
// Without arguments it uses the sandbox's demo incident INC-2 and assigns Lisa Karlin Curtis, so with no
// INCIDENT_IO_API_KEY set it works as is. With a key, pass your own incident ID and description; without an
// assignee the action is created unassigned. The exit code is 0 only if the action was created.

String arg(int index, String otherwise) { return args().size() > index ? args().get(index) : otherwise; }

var demo = args().isEmpty();
// JShell ends a snippet at the first complete line: keep the dots at the ends of lines.
var draft = actions().
        forIncident(arg(0, "01FCNDV6P870EA6S7TK1DSYD5H")).
        describe(arg(1, "Call the fire brigade"));
var assignee = arg(2, demo ? "01FCNDV6P870EA6S7TK1DSYDG0" : null);
var action = (assignee == null ? draft : draft.assignTo(assignee)).create().await();
println("Created " + action);

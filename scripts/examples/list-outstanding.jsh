// Prints a table of the outstanding actions of one incident.
//
//   scripts/firebrigade run scripts/examples/list-outstanding.jsh [INCIDENT_ID]
//
// Without an argument it lists the sandbox's demo incident INC-2 (no INCIDENT_IO_API_KEY needed).

var incident = args().isEmpty() ? "01FCNDV6P870EA6S7TK1DSYD5H" : args().get(0);
// JShell ends a snippet at the first complete line: keep the dots at the ends of lines.
var outstanding = actions().list().forIncident(incident).fetch().await().stream().
        filter(action -> action.status() == ActionStatus.OUTSTANDING).
        toList();
println("Outstanding actions of incident " + incident + ":");
table(outstanding);

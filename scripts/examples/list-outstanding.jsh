// Prints a table of the outstanding actions of one incident.
//
//   scripts/firebrigade run scripts/examples/list-outstanding.jsh [INCIDENT]
//
// INCIDENT is an ID or a reference (INC-123). Without one it lists the sandbox's demo incident INC-2 (no
// INCIDENT_IO_API_KEY needed). It reads every page of GET /v3/actions?incident_id=….

var incident = args().isEmpty() ? "INC-2" : args().get(0);
// JShell ends a snippet at the first complete line: keep the dots at the ends of lines.
var outstanding = actions().list().forIncident(incident).fetch().await().stream().
        filter(action -> action.status() == ActionStatus.OUTSTANDING).
        toList();
println("Outstanding actions of incident " + incident + ":");
table(outstanding);

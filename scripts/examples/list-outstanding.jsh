// Prints a table of the outstanding actions of one incident.
//
//   scripts/firebrigade run scripts/examples/list-outstanding.jsh [INCIDENT]
//
// INCIDENT is an ID or a reference (INC-123). Without one it lists the sandbox's demo incident INC-2 (no
// INCIDENT_IO_API_KEY needed). It reads every page of GET /v3/actions?incident_id=….

// In a method, so a failure stops the script with exit code 1 instead of printing a table of nothing.
int listOutstanding(String incident) {
    try {
        var outstanding = actions().list().forIncident(incident).fetch().await().stream()
                .filter(action -> action.status() == OUTSTANDING)
                .toList();
        println("Outstanding actions of incident " + incident + ":");
        table(outstanding);
        return 0;
    } catch (IncidentIoException e) {
        System.err.println("Could not list the actions of " + incident + ": " + e.getMessage());
        return 1;
    }
}

/exit listOutstanding(args().isEmpty() ? "INC-2" : args().get(0))

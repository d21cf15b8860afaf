// Marks every outstanding action of one incident completed, one by one, and reports each.
//
//   scripts/firebrigade run scripts/examples/complete-all.jsh INCIDENT_ID
//
// Try it on the sandbox (no INCIDENT_IO_API_KEY set) with the demo incident INC-2:
//   scripts/firebrigade run scripts/examples/complete-all.jsh 01FCNDV6P870EA6S7TK1DSYD5H
// Exit code: 0 when all were completed, 1 when any failed (each failure is on stderr), 2 without an incident.

int completeAll(List<String> args) {
    if (args.size() != 1) {
        System.err.println("usage: scripts/firebrigade run scripts/examples/complete-all.jsh INCIDENT_ID");
        return 2;
    }
    var outstanding = actions().list().forIncident(args.get(0)).fetch().await().stream()
            .filter(action -> action.status() == ActionStatus.OUTSTANDING)
            .toList();
    int failed = 0;
    for (var action : outstanding) {
        try {
            println("Completed " + actions().complete(action.id()).await());
        } catch (IncidentIoException e) {
            failed++;
            System.err.println("Could not complete " + action.id() + ": " + e.getMessage());
        }
    }
    println(outstanding.size() - failed + " of " + outstanding.size() + " outstanding actions completed.");
    return failed == 0 ? 0 : 1;
}

// A method and /exit with its result: the script ends with exactly that exit code.
/exit completeAll(args())

// Marks every outstanding action of one incident completed, one by one, and reports each.
//
//   scripts/firebrigade run scripts/examples/complete-all.jsh INCIDENT
//
// INCIDENT is an ID or a reference (INC-123). Try it on the sandbox (no INCIDENT_IO_API_KEY set):
//   scripts/firebrigade run scripts/examples/complete-all.jsh INC-2
// Exit code: 0 when all were completed, 1 when any failed (each failure is on stderr), 2 without an incident.

int completeAll(List<String> args) {
    if (args.size() != 1) {
        System.err.println("usage: scripts/firebrigade run scripts/examples/complete-all.jsh INCIDENT");
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

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

// In a method, so a failure stops the script (a top-level snippet that fails leaves null behind and the next runs).
int createAction() {
    boolean demo = args().isEmpty();
    var draft = actions().forIncident(arg(0, "INC-2")).describe(arg(1, "Call the fire brigade"));
    String assignee = arg(2, demo ? "lisa@incident.io" : null);
    try {
        println("Created " + (assignee == null ? draft : draft.assignTo(assignee)).create().await());
        return 0;
    } catch (IncidentIoException e) {
        System.err.println("Not created: " + e.getMessage());
        return 1;
    }
}

/exit createAction()

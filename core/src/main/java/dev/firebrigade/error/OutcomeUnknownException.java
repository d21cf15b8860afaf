package dev.firebrigade.error;

/**
 * A create whose fate the client could not learn: the request was sent, no usable answer came back, and checking the
 * incident's actions did not settle it (or was not allowed). The action may or may not exist. Nothing was guessed:
 * the exception carries the draft ({@link #incidentId()}, {@link #description()}, {@link #assigneeId()}) so the
 * caller can look for it and create it again if it is missing, and its cause is the last failure seen.
 */
public class OutcomeUnknownException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    private final String incidentId;
    private final String description;
    private final String assigneeId;
    private final int attempts;

    public OutcomeUnknownException(String summary, String method, String path, String incidentId, String description,
                                   String assigneeId, int attempts, Throwable cause) {
        super(cause instanceof IncidentIoException known ? known.status() : 0, "outcome_unknown",
                summary + "; sent " + attempts + (attempts == 1 ? " time" : " times") + " for incident " + incidentId
                        + " (" + oneLine(description) + ", " + (assigneeId == null ? "unassigned" : "assignee " + assigneeId)
                        + "): look for it before creating it again",
                cause instanceof IncidentIoException known ? known.requestId() : null, null, method, path, cause);
        this.incidentId = incidentId;
        this.description = description;
        this.assigneeId = assigneeId;
        this.attempts = attempts;
    }

    /** The incident the action was for (its ID, as sent). */
    public String incidentId() {
        return incidentId;
    }

    /** The action's description, as sent. */
    public String description() {
        return description;
    }

    /** The assignee's user ID as sent, or null when the action was unassigned. */
    public String assigneeId() {
        return assigneeId;
    }

    /** How many times the create was sent. */
    public int attempts() {
        return attempts;
    }

    private static String oneLine(String text) {
        String flat = text == null ? "" : text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return "\"" + (flat.length() > 60 ? flat.substring(0, 59) + "…" : flat) + "\"";
    }

    /** Always: that is what this exception says. */
    @Override
    public boolean mayHaveBeenProcessed() {
        return true;
    }
}

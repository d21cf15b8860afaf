package dev.firebrigade.internal.create;

/**
 * What a create is for, compared as incident.io stores it: identical drafts share a key, and a listed item matches a
 * draft when their keys are equal.
 */
public record CreateKey(String incidentId, String description, String assigneeId) {
    /** The key of a draft (or a listed item) with these IDs and this description as sent (or as stored). */
    public static CreateKey of(String incidentId, String description, String assigneeId) {
        return new CreateKey(incidentId, normalised(description), assigneeId);
    }

    /**
     * A description as a server that normalises line ends (CRLF and CR to LF) and trims text stores it: a CSV
     * quoted field with CRLF inside must still match what incident.io lists back with LF.
     */
    public static String normalised(String description) {
        return description == null ? "" : description.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}

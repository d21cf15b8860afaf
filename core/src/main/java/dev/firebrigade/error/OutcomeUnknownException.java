package dev.firebrigade.error;

import java.net.URI;

/**
 * A create whose fate the client could not learn: the request was sent, no usable answer came back, and checking the
 * incident's list did not settle it (or was not allowed). The item may or may not exist. Nothing was guessed: the
 * exception says what was being created ({@link #kind()}) and carries the fields that kind was sent with, so the
 * caller can look for it and create it again if it is missing; its cause is the last failure seen.
 *
 * <p>Which accessors apply depends on the kind; the others return null:
 * <table>
 *   <caption>fields by kind</caption>
 *   <tr><th>kind</th><th>incidentId</th><th>title</th><th>description</th><th>assigneeId</th><th>url</th></tr>
 *   <tr><td>{@link Kind#ACTION}</td><td>yes</td><td>-</td><td>yes</td><td>yes</td><td>-</td></tr>
 *   <tr><td>{@link Kind#FOLLOW_UP}</td><td>yes</td><td>yes</td><td>yes</td><td>yes</td><td>-</td></tr>
 *   <tr><td>{@link Kind#FOLLOW_UP_FROM_LINK}</td><td>yes</td><td>-</td><td>-</td><td>-</td><td>yes</td></tr>
 * </table>
 * The message is one line; it names the kind, the incident and a short {@link #summary()}, never the whole text.
 */
public class OutcomeUnknownException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    /** What was being created. */
    public enum Kind {
        /** An action ({@code POST /v3/actions} or {@code /v2/actions}). */
        ACTION("action"),
        /** A follow-up with its own title and description ({@code POST /v3/follow_ups}). */
        FOLLOW_UP("follow-up"),
        /**
         * A follow-up made from a tracker issue ({@code POST /v3/follow_ups/actions/create_from_link}): incident.io
         * takes its title, description and assignee from the issue, so only the link was sent.
         */
        FOLLOW_UP_FROM_LINK("follow-up from a link");

        private final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        /** The kind in words, for messages: "action", "follow-up", "follow-up from a link". */
        public String noun() {
            return noun;
        }
    }

    private final Kind kind;
    private final String incidentId;
    private final String title;
    private final String description;
    private final String assigneeId;
    private final String url;
    private final int attempts;

    private OutcomeUnknownException(Kind kind, String why, String method, String path, String incidentId,
                                    String title, String description, String assigneeId, String url, int attempts,
                                    Throwable cause) {
        super(cause instanceof IncidentIoException known ? known.status() : 0, "outcome_unknown",
                "the " + kind.noun() + " create's outcome is unknown: " + oneLine(why, Integer.MAX_VALUE) + "; sent "
                        + attempts + (attempts == 1 ? " time" : " times") + " for incident " + incidentId + " ("
                        + summary(kind, title, description, assigneeId, url)
                        + "): look for it before creating it again",
                cause instanceof IncidentIoException known ? known.requestId() : null, null, method, path, cause);
        this.kind = kind;
        this.incidentId = incidentId;
        this.title = title;
        this.description = description;
        this.assigneeId = assigneeId;
        this.url = url;
        this.attempts = attempts;
    }

    /** An action create whose outcome is unknown, with the draft as sent (IDs resolved). */
    public static OutcomeUnknownException action(String why, String method, String path, String incidentId,
                                                 String description, String assigneeId, int attempts,
                                                 Throwable cause) {
        return new OutcomeUnknownException(Kind.ACTION, why, method, path, incidentId, null, description, assigneeId,
                null, attempts, cause);
    }

    /** A follow-up create whose outcome is unknown, with the draft as sent (IDs resolved). */
    public static OutcomeUnknownException followUp(String why, String method, String path, String incidentId,
                                                   String title, String description, String assigneeId, int attempts,
                                                   Throwable cause) {
        return new OutcomeUnknownException(Kind.FOLLOW_UP, why, method, path, incidentId, title, description,
                assigneeId, null, attempts, cause);
    }

    /** A follow-up create from a tracker link whose outcome is unknown, with the link as sent. */
    public static OutcomeUnknownException followUpFromLink(String why, String method, String path, String incidentId,
                                                           String url, int attempts, Throwable cause) {
        return new OutcomeUnknownException(Kind.FOLLOW_UP_FROM_LINK, why, method, path, incidentId, null, null, null,
                url, attempts, cause);
    }

    /** What was being created; it says which of the other accessors apply. */
    public Kind kind() {
        return kind;
    }

    /** The incident the item was for (its ID, as sent). Every kind. */
    public String incidentId() {
        return incidentId;
    }

    /** The follow-up's title as sent ({@link Kind#FOLLOW_UP}); null for the other kinds. */
    public String title() {
        return title;
    }

    /**
     * The description as sent ({@link Kind#ACTION}, {@link Kind#FOLLOW_UP}; null when a follow-up was sent without
     * one); null for {@link Kind#FOLLOW_UP_FROM_LINK}, whose description comes from the issue.
     */
    public String description() {
        return description;
    }

    /**
     * The assignee's user ID as sent ({@link Kind#ACTION}, {@link Kind#FOLLOW_UP}), null when sent unassigned; null
     * for {@link Kind#FOLLOW_UP_FROM_LINK}, whose assignee comes from the issue.
     */
    public String assigneeId() {
        return assigneeId;
    }

    /** The tracker issue's link as sent ({@link Kind#FOLLOW_UP_FROM_LINK}); null for the other kinds. */
    public String url() {
        return url;
    }

    /** How many times the create was sent. */
    public int attempts() {
        return attempts;
    }

    /**
     * What was being created, in one short line as the message shows it: an action's description or a follow-up's
     * title (cut at 60 characters) and assignee, or a link without its query, fragment and user info (they may hold
     * tokens).
     */
    public String summary() {
        return summary(kind, title, description, assigneeId, url);
    }

    private static String summary(Kind kind, String title, String description, String assigneeId, String url) {
        return switch (kind) {
            case ACTION -> "action " + quoted(description) + ", " + assignee(assigneeId);
            case FOLLOW_UP -> "follow-up " + quoted(title) + ", " + assignee(assigneeId);
            case FOLLOW_UP_FROM_LINK -> "follow-up from " + safeLink(url);
        };
    }

    private static String assignee(String assigneeId) {
        return assigneeId == null ? "unassigned" : "assignee " + assigneeId;
    }

    private static String quoted(String text) {
        return "\"" + oneLine(text, 60) + "\"";
    }

    /** The link's scheme, host and path: a query, a fragment or user info may carry a token. */
    private static String safeLink(String url) {
        try {
            URI uri = URI.create(url == null ? "" : url.strip());
            if (uri.getScheme() != null && uri.getHost() != null) {
                return oneLine(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                        + (uri.getRawPath() == null ? "" : uri.getRawPath()), 120);
            }
        } catch (IllegalArgumentException notAUri) {
            // Said below without the text, which cannot be shown safely.
        }
        return "a link that is not a valid URL";
    }

    private static String oneLine(String text, int max) {
        String flat = text == null ? "" : text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return flat.length() > max ? flat.substring(0, max - 1) + "…" : flat;
    }

    /** Always: that is what this exception says. */
    @Override
    public boolean mayHaveBeenProcessed() {
        return true;
    }
}

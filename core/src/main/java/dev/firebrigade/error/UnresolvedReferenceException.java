package dev.firebrigade.error;

import dev.firebrigade.model.User;

import java.util.List;

/**
 * A reference a person typed (an email, {@code INC-123}) did not lead to exactly one thing: no user has that email,
 * several active users share it, or no incident has that number. Names the field, what was given, the candidates
 * found and how to fix it. Failures to ask (no connection, 401, 5xx) are not this: they keep their own type.
 */
public class UnresolvedReferenceException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reference;
    private final transient List<User> candidates;
    private final String fix;

    /**
     * @param field      the field the reference was meant for ({@code assignee_id}, {@code incident_id})
     * @param reference  what was given, e.g. {@code lisa@incident.io}
     * @param problem    what went wrong, e.g. {@code matches no user}
     * @param candidates the users found, empty when none or not about users
     * @param lookup     the failed lookup (a {@link NotFoundException}), or null; its status and request id are kept
     */
    public UnresolvedReferenceException(String field, String reference, String problem, List<User> candidates,
                                        String fix, IncidentIoException lookup) {
        super(lookup == null ? 0 : lookup.status(), "unresolved_reference",
                field + " " + reference + " " + problem + describe(candidates) + ": " + fix,
                lookup == null ? null : lookup.requestId(), null,
                lookup == null ? null : lookup.method(), lookup == null ? null : lookup.path(), lookup);
        this.field = field;
        this.reference = reference;
        this.candidates = candidates == null ? List.of() : List.copyOf(candidates);
        this.fix = fix;
    }

    private static String describe(List<User> candidates) {
        if (candidates == null || candidates.isEmpty()) {
            return "";
        }
        var out = new StringBuilder(" (");
        for (int i = 0; i < candidates.size(); i++) {
            User user = candidates.get(i);
            out.append(i == 0 ? "" : ", ").append(user.name()).append(' ').append(user.id())
                    .append(user.active() ? " active" : " inactive");
        }
        return out.append(')').toString();
    }

    /** The field the reference was for, as incident.io names it. */
    public String field() {
        return field;
    }

    /** The reference as given. */
    public String reference() {
        return reference;
    }

    /** The users the lookup found (for an ambiguous email), each with its ID; empty otherwise. */
    public List<User> candidates() {
        return candidates;
    }

    /** What to do about it. */
    public String fix() {
        return fix;
    }
}

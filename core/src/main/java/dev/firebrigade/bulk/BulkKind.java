package dev.firebrigade.bulk;

import dev.firebrigade.error.InvalidInputException;

import java.util.Locale;

/**
 * What a bulk creates. A file's kind is its bulk's ({@code actions().bulk(file)}, {@code followUps().bulk(file)});
 * {@link BulkSource#guessKind()} reads it from the file, and the journal records it.
 */
public enum BulkKind {
    /** Incident actions: {@code incident,description,assignee}. */
    ACTIONS("actions", "description"),
    /** Follow-ups: {@code incident,title,description,assignee,priority,category,labels}. */
    FOLLOW_UPS("follow-ups", "title");

    private final String label;
    private final String requiredColumn;

    BulkKind(String label, String requiredColumn) {
        this.label = label;
        this.requiredColumn = requiredColumn;
    }

    /** {@code actions} or {@code follow-ups}: as the command line's {@code --kind} and the journal write it. */
    public String label() {
        return label;
    }

    /** The column besides {@code incident} that every row of this kind needs. */
    String requiredColumn() {
        return requiredColumn;
    }

    /** The kind {@code text} names: {@code actions} or {@code follow-ups} ({@code follow_ups}, {@code followups}). */
    public static BulkKind parse(String text) {
        String given = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (given) {
            case "actions", "action" -> ACTIONS;
            case "follow-ups", "follow-up", "followups", "followup" -> FOLLOW_UPS;
            default -> throw new InvalidInputException("kind", "is '" + text + "'", "pass actions or follow-ups");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}

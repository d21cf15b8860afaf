package dev.firebrigade;

import java.util.List;

/**
 * One change a {@link Watch} saw: an item created, updated (with the names of the fields that changed), completed or
 * deleted. {@code item} is the item as it is now (for a deletion, as last seen); {@code previous} is the version seen
 * before, or null when the watch had not seen it (then {@code changed} is empty: which fields changed is unknown).
 *
 * @param changed record component names ({@code description}, {@code assignee}, {@code status}, …), never
 *                {@code updatedAt}
 */
public record Change<T>(Kind kind, T item, T previous, List<String> changed) {

    /** What happened to the item. */
    public enum Kind {
        /** First seen, and created after the watch's start ({@code since}). */
        CREATED,
        /** Changed; {@code changed} names the fields when the previous version is known. */
        UPDATED,
        /** Became completed: an action's status {@code completed}, an incident's status category {@code closed}. */
        COMPLETED,
        /** Gone: an action with status {@code deleted}, or one missing from a sweep ({@code sweepEvery(n)}). */
        DELETED
    }

    public Change {
        changed = changed == null ? List.of() : List.copyOf(changed);
    }

    /** One line: the kind, the changed fields, then the item's own line. */
    @Override
    public String toString() {
        return kind + (changed.isEmpty() ? "" : " " + changed) + " " + item;
    }
}

package dev.firebrigade.bulk;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The columns of a bulk file (CSV header names, JSON Lines field names), each with the names it is known by. */
enum Column {
    INCIDENT("incident", "incident_id"),
    TITLE("title"),
    DESCRIPTION("description"),
    ASSIGNEE("assignee", "assignee_id", "assignee_email"),
    PRIORITY("priority", "priority_id", "follow_up_priority_option_id"),
    CATEGORY("category", "category_id", "follow_up_category_id"),
    LABELS("labels"),
    STATUS("status"),
    KEY("key");

    /** Columns only follow-ups have: one of them makes the rows follow-ups. */
    static final Set<Column> FOLLOW_UP_ONLY = EnumSet.of(TITLE, PRIORITY, CATEGORY, LABELS);

    private final List<String> names;

    Column(String... names) {
        this.names = List.of(names);
    }

    /** What the docs and messages call it. */
    String label() {
        return names.get(0);
    }

    /** Every name it is known by, the first being its {@link #label()}. */
    List<String> names() {
        return names;
    }

    /** The column a header cell names (any case, spaces and a byte-order mark around it ignored), or null. */
    static Column named(String text) {
        String name = text.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        for (Column column : values()) {
            if (column.names.contains(name)) {
                return column;
            }
        }
        return null;
    }
}

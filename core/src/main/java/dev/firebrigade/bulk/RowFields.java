package dev.firebrigade.bulk;

import java.util.List;

/**
 * What a row says, as given (references and emails unresolved), whatever it creates: actions use the incident,
 * description and assignee; follow-ups also the title, priority, category and labels. Absent fields are null.
 *
 * @param status a status the row asks for, which no create can set: a row with one fails (follow-ups)
 */
record RowFields(String incident, String title, String description, String assignee, String priority,
                 String category, List<String> labels, String status) {

    /** An action's fields. */
    static RowFields action(String incident, String description, String assignee) {
        return new RowFields(incident, null, description, assignee, null, null, null, null);
    }
}

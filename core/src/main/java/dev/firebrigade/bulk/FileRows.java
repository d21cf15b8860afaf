package dev.firebrigade.bulk;

import dev.firebrigade.ActionDraft;
import dev.firebrigade.Actions;
import dev.firebrigade.error.InvalidInputException;

/** Turns the fields of a CSV or JSON Lines row into a {@link SourceRow}, checking what can be checked locally. */
final class FileRows {
    private final Actions actions;
    private final String incidentColumn;
    private final String descriptionColumn;

    FileRows(Actions actions, String incidentColumn, String descriptionColumn) {
        this.actions = actions;
        this.incidentColumn = incidentColumn;
        this.descriptionColumn = descriptionColumn;
    }

    SourceRow row(long row, long line, String key, String incident, String description, String assignee) {
        String incidentGiven = stripped(incident);
        String assigneeGiven = stripped(assignee);
        String keyGiven = stripped(key);
        InvalidInputException problem = null;
        if (incidentGiven == null) {
            problem = new InvalidInputException(incidentColumn, "is empty",
                    "give an incident ID or reference (INC-123) in the " + incidentColumn + " column");
        } else if (description == null || description.isBlank()) {
            problem = new InvalidInputException(descriptionColumn, "is empty",
                    "say what needs doing in the " + descriptionColumn + " column");
        }
        ActionDraft draft = null;
        if (problem == null) {
            draft = actions.forIncident(incidentGiven).describe(description);
            if (assigneeGiven != null) {
                draft = draft.assignTo(assigneeGiven);
            }
        }
        return SourceRow.of(row, line, keyGiven, incidentGiven, description, assigneeGiven, draft, problem);
    }

    /** A row that could not even be read into fields (a JSON line that is not an object, …). */
    SourceRow unreadable(long row, long line, String what, String fix) {
        return SourceRow.of(row, line, null, null, null, null, null, new InvalidInputException("row", what, fix));
    }

    private static String stripped(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        return s.isEmpty() ? null : s;
    }
}

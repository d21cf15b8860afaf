package dev.firebrigade.bulk;

import dev.firebrigade.FollowUpDraft;
import dev.firebrigade.FollowUps;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.internal.create.BulkAccess;
import dev.firebrigade.internal.create.Fingerprint;
import dev.firebrigade.model.FollowUp;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A bulk of follow-ups: rows {@code incident,title,description,assignee,priority,category,labels}. */
final class FollowUpCreator extends Creator<FollowUpDraft, FollowUp> {
    private final FollowUps followUps;

    FollowUpCreator(FollowUps followUps) {
        super(BulkAccess.of(followUps), BulkKind.FOLLOW_UPS, FollowUpDraft.class, "/v3/follow_ups");
        this.followUps = followUps;
    }

    @Override
    FollowUpDraft draft(RowFields fields) {
        FollowUpDraft draft = followUps.forIncident(fields.incident()).title(fields.title());
        if (fields.description() != null && !fields.description().isBlank()) {
            draft = draft.describe(fields.description());
        }
        if (fields.assignee() != null) {
            draft = draft.assignTo(fields.assignee());
        }
        if (fields.priority() != null) {
            draft = draft.priority(fields.priority());
        }
        if (fields.category() != null) {
            draft = draft.category(fields.category());
        }
        return fields.labels() == null ? draft : draft.labels(fields.labels().toArray(String[]::new));
    }

    @Override
    RowFields fields(FollowUpDraft draft) {
        return new RowFields(draft.incident(), draft.title(), draft.description(), draft.assignee(), draft.priority(),
                draft.category(), draft.labels(), null);
    }

    @Override
    Future<FollowUp> create(FollowUpDraft draft) {
        return draft.create();
    }

    @Override
    Future<?> check(FollowUpDraft draft) {
        return draft.resolvedDryRun();
    }

    @Override
    String id(FollowUp created) {
        return created.id();
    }

    @Override
    InvalidInputException kindProblem(RowFields fields) {
        if (fields.title() == null || fields.title().isBlank()) {
            return new InvalidInputException("title", "is empty", "say what will be done in the title column");
        }
        if (fields.status() != null) {
            boolean deleted = fields.status().strip().toLowerCase(Locale.ROOT).equals("deleted");
            return new InvalidInputException("status", deleted
                    ? "is deleted, which incident.io never lets a follow-up be set to"
                    : "is " + fields.status() + ", but a follow-up is created outstanding: no create sets a status",
                    deleted ? "leave it empty; delete follow-ups with followUps().delete(id)"
                            : "leave the status column empty, and change it afterwards with followUps().edit(id)"
                            + ".status(...)");
        }
        if (fields.labels() != null && fields.labels().stream().anyMatch(label -> label == null || label.isBlank())) {
            return new InvalidInputException("labels", "has an empty label",
                    "separate labels with '" + FileRows.LABEL_SEPARATOR + "' and leave none empty, e.g."
                    + " database" + FileRows.LABEL_SEPARATOR + "post-mortem");
        }
        return null;
    }

    /** Every field the follow-up is created with, labels one by one, after a tag no action's hash has. */
    @Override
    String contentHash(RowFields fields) {
        var parts = new ArrayList<String>(List.of("follow-up"));
        parts.add(fields.incident());
        parts.add(fields.title());
        parts.add(fields.description());
        parts.add(fields.assignee());
        parts.add(fields.priority());
        parts.add(fields.category());
        if (fields.labels() != null) {
            parts.addAll(fields.labels());
        }
        return Fingerprint.contentHash(parts.toArray(String[]::new));
    }

    @Override
    OutcomeUnknownException unknown(String why, RowFields fields, IncidentIoException cause) {
        return OutcomeUnknownException.followUp(why, "POST", path(), fields.incident(), fields.title(),
                fields.description(), fields.assignee(), 1, cause);
    }
}

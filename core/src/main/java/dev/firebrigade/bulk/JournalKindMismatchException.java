package dev.firebrigade.bulk;

import dev.firebrigade.error.IncidentIoException;

import java.nio.file.Path;

/**
 * A bulk could not start because its journal records a bulk of another kind (a journal of actions given to a bulk of
 * follow-ups, or the other way round): its keys and IDs mean nothing to this run. Nothing was sent. Give the run a new
 * journal. A journal written before kinds were recorded is a journal of actions.
 */
public final class JournalKindMismatchException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    private final transient Path journal;
    private final String recorded;
    private final BulkKind current;

    JournalKindMismatchException(Path journal, String recorded, BulkKind current) {
        super(0, "journal_kind_mismatch", "the journal " + journal + " records a bulk of " + recorded + ", but this run"
                + " creates " + current + ": give this run another journal", null, null, null, null, null);
        this.journal = journal;
        this.recorded = recorded;
        this.current = current;
    }

    public Path journal() {
        return journal;
    }

    /** What the journal's rows are, as it names them: {@code actions}, {@code follow-ups}. */
    public String recorded() {
        return recorded;
    }

    /** What this run would have created. */
    public BulkKind current() {
        return current;
    }
}

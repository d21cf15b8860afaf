package dev.firebrigade.bulk;

import dev.firebrigade.error.IncidentIoException;

import java.nio.file.Path;

/**
 * A bulk could not start because its journal was written against another server or with another key: the rows it
 * records as created were created there, not where this run would send. Nothing was sent. Give the run a new journal,
 * or, when it really is the same place under another name (a proxy, a renamed key), {@link Bulk#rebindJournal}.
 */
public final class JournalMismatchException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    private final transient Path journal;
    private final JournalBinding recorded;
    private final JournalBinding current;

    JournalMismatchException(Path journal, JournalBinding recorded, JournalBinding current) {
        super(0, "journal_mismatch", "the journal " + journal + " records rows created against " + recorded
                + ", but this run goes to " + current + ": use another journal, or rebind this one if it is the same"
                + " place", null, null, null, null, null);
        this.journal = journal;
        this.recorded = recorded;
        this.current = current;
    }

    public Path journal() {
        return journal;
    }

    /** Where the journal's rows were created. */
    public JournalBinding recorded() {
        return recorded;
    }

    /** Where this run would have sent its rows. */
    public JournalBinding current() {
        return current;
    }
}

package dev.firebrigade.bulk;

import dev.firebrigade.error.IncidentIoException;

import java.nio.file.Path;

/**
 * A bulk could not start because another run holds its journal: two runs on one journal would send the same rows
 * twice. Nothing was sent. The message names the holder (its PID, host and start time) when the journal records it.
 */
public final class JournalInUseException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    private final transient Path journal;

    JournalInUseException(Path journal, JournalLock.Holder holder, boolean thisProcess) {
        super(0, "journal_in_use", "the journal " + journal + " is in use by another bulk run"
                + (thisProcess ? " in this process" : "")
                + (holder == null ? " (it has not recorded which)" : " (" + holder.describe() + ")")
                + ": wait for it to end or stop it, or give this run another journal", null, null, null, null, null);
        this.journal = journal;
    }

    /** The journal in use. */
    public Path journal() {
        return journal;
    }
}

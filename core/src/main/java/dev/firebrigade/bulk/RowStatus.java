package dev.firebrigade.bulk;

/** What became of one row of a bulk. */
public enum RowStatus {
    /** Created in this run (or found created by this run's earlier attempt); {@link RowOutcome#id()} says which. */
    CREATED,
    /** Not created, and certainly not: bad input, an unknown email or incident, a 4xx answer. Fix the row and re-run. */
    FAILED,
    /**
     * Sent, but whether it was created could not be learnt. It is in the journal as unknown; a re-run with the same
     * journal checks the incident's actions for it and creates it only if it is not there.
     */
    UNKNOWN,
    /** Already created by an earlier run with the same journal; nothing was sent. */
    SKIPPED,
    /** Dry run: the row is complete and its references resolve; nothing was created. */
    VALID;

    /** Lower case, for tables and the journal. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

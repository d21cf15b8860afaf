package dev.firebrigade.repl;

import dev.firebrigade.ActionDraft;
import dev.firebrigade.ActionEdit;
import dev.firebrigade.PagedQuery;

/**
 * What the REPL adds under a value that is a request not yet sent (a draft, an edit, a list query): that nothing was
 * sent, and the call that sends it. Without it, a forgotten {@code .create()} looks like a success.
 */
final class Unsent {
    private Unsent() {
    }

    /** The note for {@code value}, or null when it is not an unsent request. */
    static String note(Object value) {
        if (value instanceof ActionDraft) {
            return "(a draft: nothing was sent. .create().await() creates it; .dryRun() shows the request)";
        }
        if (value instanceof ActionEdit) {
            return "(an edit: nothing was sent. .apply().await() applies it)";
        }
        if (value instanceof PagedQuery<?>) {
            return "(a query: nothing was sent. .fetch().await() reads every page, .firstPage().await() one;"
                    + " table(query) shows it)";
        }
        return null;
    }
}

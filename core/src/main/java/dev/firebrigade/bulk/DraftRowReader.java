package dev.firebrigade.bulk;

import dev.firebrigade.ActionDraft;
import dev.firebrigade.error.InvalidInputException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads drafts from a list or a stream; pulled on a worker thread, since a stream may block to produce them. */
final class DraftRowReader implements RowReader {
    private final Iterator<ActionDraft> drafts;
    private final AutoCloseable onClose;
    private long row;

    DraftRowReader(Iterator<ActionDraft> drafts, AutoCloseable onClose) {
        this.drafts = drafts;
        this.onClose = onClose;
    }

    @Override
    public List<SourceRow> read(int max) {
        var chunk = new ArrayList<SourceRow>(Math.min(max, 1024));
        while (chunk.size() < max && drafts.hasNext()) {
            ActionDraft draft = drafts.next();
            row++;
            if (draft == null) {
                chunk.add(SourceRow.of(row, 0, null, null, null, null, null,
                        new InvalidInputException("draft", "is null", "pass drafts made with actions().forIncident(...)")));
            } else {
                chunk.add(SourceRow.of(row, 0, null, draft.incident(), draft.description(), draft.assignee(), draft,
                        null));
            }
        }
        return chunk;
    }

    @Override
    public void close() {
        if (onClose != null) {
            try {
                onClose.close();
            } catch (Exception e) {
                // Closing a stream of drafts has nothing to lose; the run's outcome is already known.
            }
        }
    }
}

package dev.firebrigade.bulk;

import dev.firebrigade.error.InvalidInputException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads drafts from a list or a stream; pulled on a worker thread, since a stream may block to produce them. */
final class DraftRowReader<D> implements RowReader {
    private final Iterator<?> drafts;
    private final AutoCloseable onClose;
    private final Creator<D, ?> creator;
    private long row;

    DraftRowReader(Iterator<?> drafts, AutoCloseable onClose, Creator<D, ?> creator) {
        this.drafts = drafts;
        this.onClose = onClose;
        this.creator = creator;
    }

    @Override
    public List<SourceRow> read(int max) {
        var chunk = new ArrayList<SourceRow>(Math.min(max, 1024));
        while (chunk.size() < max && drafts.hasNext()) {
            Object item = drafts.next();
            row++;
            Class<D> type = creator.draftType();
            if (!type.isInstance(item)) {
                var fields = new RowFields(null, null, null, null, null, null, null, null);
                String made = creator.kind() == BulkKind.ACTIONS ? "actions()" : "followUps()";
                chunk.add(SourceRow.of(row, 0, null, fields, creator.contentHash(fields), null,
                        new InvalidInputException("draft", item == null ? "is null"
                                : "is a " + item.getClass().getSimpleName() + ", not a " + type.getSimpleName(),
                                "pass drafts made with " + made + ".forIncident(...)")));
            } else {
                D draft = type.cast(item);
                RowFields fields = creator.fields(draft);
                chunk.add(SourceRow.of(row, 0, null, fields, creator.contentHash(fields), creator.row(draft), null));
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

package dev.firebrigade.bulk;

import java.io.IOException;
import java.util.List;

/** Reads a bulk source a chunk at a time. Blocking: called on a worker thread, one call at a time. */
interface RowReader extends AutoCloseable {
    /** Up to {@code max} further rows; empty at the end. */
    List<SourceRow> read(int max) throws IOException;

    @Override
    void close() throws IOException;
}

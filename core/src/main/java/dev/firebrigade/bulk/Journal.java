package dev.firebrigade.bulk;

import dev.firebrigade.error.IncidentIoException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;
import java.util.List;

/**
 * The durable record of a bulk, in JSON Lines, appended as things happen. Events:
 * <ul>
 *   <li>{@code run}: a run began ({@code source}, {@code version}; from version 2 also its {@link JournalBinding} as
 *       {@code base_url}, {@code key_name}, {@code organisation}, {@code actions_api}, and its holder as {@code pid},
 *       {@code host}; from version 3 its {@code kind}, {@code actions} or {@code follow-ups}: a bulk of the other
 *       kind refuses the journal, and one without a kind is of actions).</li>
 *   <li>{@code sending}: a create is about to be sent, with the row's key and content as given (incident, title for
 *       a follow-up, description, assignee). Written and flushed <em>before</em> the request leaves, so a crash can
 *       never leave a sent row without a trace.</li>
 *   <li>{@code created} ({@code action} or {@code follow_up}: its ID; {@code reconciled} when found after an
 *       unanswered attempt),
 *       {@code failed} (certainly not created), {@code unknown} (sent, outcome unknown), {@code absent} (an unknown
 *       row checked and found not created): the row's outcome.</li>
 *   <li>{@code end}: the run's totals.</li>
 * </ul>
 * On a re-run, a row whose last event is {@code created} is skipped; one left at {@code sending} or {@code unknown}
 * is reconciled (the incident's actions or follow-ups are searched for it) before anything is sent again. Lines are
 * grouped into
 * one write on a worker thread per batch and handed to the operating system, which survives the process being
 * killed: intents at once (the rows wait for them), outcomes within {@value #LINGER_MILLIS} ms.
 * {@link Bulk#syncJournal(boolean)} adds an fsync for power loss. A {@link JournalLock} keeps two runs from sharing
 * a journal; every read and write goes through its channel.
 */
final class Journal {
    /** How long an outcome may wait in memory for company before it is written. */
    static final long LINGER_MILLIS = 20;

    private final Vertx vertx;
    private final JournalLock lock;
    private final FileChannel channel;
    private final boolean sync;
    private StringBuilder pending = new StringBuilder();
    private List<Promise<Void>> waiting = new ArrayList<>();
    private boolean writing;
    private long lingerTimer = -1;
    private IncidentIoException broken;

    /**
     * A journal written through {@code lock}'s channel, positioned at the end on a line of its own (a crash mid-write
     * leaves a partial last line); {@code runLine} is written at once, so another run refused meanwhile can name this
     * one. Blocking.
     */
    static Journal open(Vertx vertx, JournalLock lock, boolean sync, String runLine) throws IOException {
        FileChannel channel = lock.channel();
        long size = channel.size();
        channel.position(size);
        var start = new StringBuilder();
        if (size > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            if (last.get(0) != '\n') {
                start.append('\n');
            }
        }
        ByteBuffer bytes = ByteBuffer.wrap(start.append(runLine).append('\n').toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        if (sync) {
            channel.force(false);
        }
        return new Journal(vertx, lock, sync);
    }

    private Journal(Vertx vertx, JournalLock lock, boolean sync) {
        this.vertx = vertx;
        this.lock = lock;
        this.channel = lock.channel();
        this.sync = sync;
    }

    Path path() {
        return lock.path();
    }

    /**
     * Appends lines that something waits for (the intents of rows about to be sent): written at once, with whatever
     * else is pending; the future completes once they are written. Call on the bulk's context only.
     */
    Future<Void> append(String lines) {
        if (broken != null) {
            return Future.failedFuture(broken);
        }
        pending.append(lines).append('\n');
        Promise<Void> written = Promise.promise();
        waiting.add(written);
        if (!writing) {
            writeBatch();
        }
        return written.future();
    }

    /**
     * Appends a line nobody waits for (an outcome): written within {@link #LINGER_MILLIS} ms, together with the
     * lines around it, so a busy bulk makes one write per batch rather than per row. A failure breaks the journal
     * and fails later appends.
     */
    void record(String line) {
        if (broken != null) {
            return;
        }
        pending.append(line).append('\n');
        if (!writing && lingerTimer < 0) {
            lingerTimer = vertx.setTimer(LINGER_MILLIS, id -> {
                lingerTimer = -1;
                if (!writing && pending.length() > 0) {
                    writeBatch();
                }
            });
        }
    }

    /** Completes once every line appended or recorded so far is written. */
    Future<Void> flushed() {
        if (broken != null) {
            return Future.failedFuture(broken);
        }
        if (!writing && pending.length() == 0) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        waiting.add(done);
        if (!writing) {
            writeBatch();
        }
        return done.future();
    }

    private void writeBatch() {
        if (lingerTimer >= 0) {
            vertx.cancelTimer(lingerTimer);
            lingerTimer = -1;
        }
        writing = true;
        byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
        pending = new StringBuilder(Math.max(256, bytes.length));
        List<Promise<Void>> batch = waiting;
        waiting = new ArrayList<>();
        vertx.<Void>executeBlocking(() -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (sync) {
                channel.force(false);
            }
            return null;
        }, false).onComplete(done -> {
            writing = false;
            if (done.failed()) {
                broken = failure("could not be written: " + lock.path() + ": " + done.cause(), done.cause());
                batch.forEach(p -> p.tryFail(broken));
                waiting.forEach(p -> p.tryFail(broken));
                waiting.clear();
                pending.setLength(0);
                return;
            }
            batch.forEach(Promise::tryComplete);
            if (!waiting.isEmpty()) {
                writeBatch();
            } else if (pending.length() > 0) {
                lingerTimer = vertx.setTimer(LINGER_MILLIS, id -> {
                    lingerTimer = -1;
                    if (!writing && pending.length() > 0) {
                        writeBatch();
                    }
                });
            }
        });
    }

    /** Writes what is pending, then releases the lock and closes the file. */
    Future<Void> close() {
        return flushed().eventually(() -> vertx.executeBlocking(() -> {
            lock.close();
            return null;
        }, false));
    }

    static IncidentIoException failure(String problem, Throwable cause) {
        return new IncidentIoException(0, "journal_error", "the journal " + problem, null, null, null, null, cause);
    }

    /** Which of {@code ids} a {@code created} line of this journal names (see {@link JournalScanner}). Blocking. */
    Set<String> createdAmong(Set<String> ids) throws IOException {
        return JournalScanner.createdAmong(lock, ids);
    }
}

package dev.firebrigade.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.firebrigade.error.IncidentIoException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The durable record of a bulk, in JSON Lines, appended as things happen. Events:
 * <ul>
 *   <li>{@code run}: a run began ({@code source}, {@code version}; from version 2 also its {@link JournalBinding} as
 *       {@code base_url}, {@code key_name}, {@code organisation}, {@code actions_api}, and its holder as {@code pid},
 *       {@code host}).</li>
 *   <li>{@code sending}: a create is about to be sent, with the row's key and content as given. Written and flushed
 *       <em>before</em> the request leaves, so a crash can never leave a sent row without a trace.</li>
 *   <li>{@code created} ({@code action}, {@code reconciled} when found after an unanswered attempt),
 *       {@code failed} (certainly not created), {@code unknown} (sent, outcome unknown), {@code absent} (an unknown
 *       row checked and found not created): the row's outcome.</li>
 *   <li>{@code end}: the run's totals.</li>
 * </ul>
 * On a re-run, a row whose last event is {@code created} is skipped; one left at {@code sending} or {@code unknown}
 * is reconciled (the incident's actions are searched for it) before anything is sent again. Lines are grouped into
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

    /** How many in-doubt rows a run keeps whole to reconcile; the rest wait for a later run (never re-sent blindly). */
    static final int MAX_IN_DOUBT = 100_000;

    /**
     * What a journal says about earlier runs: which rows are done, which are in doubt.
     *
     * @param inDoubt      rows sent without a known outcome, up to {@link #MAX_IN_DOUBT}, with their content
     * @param doubtOverflow fingerprints of further in-doubt rows: reported unknown, reconciled by a later run
     * @param binding       where the last run that recorded it sent its rows; null for a journal older than bindings
     */
    record State(LongSet doneKeys, Map<String, Pending> inDoubt, LongSet doubtOverflow, long lines, int runs,
                 long unreadableLines, JournalBinding binding) {
        static State empty() {
            return new State(new LongSet(16), new LinkedHashMap<>(), new LongSet(16), 0, 0, 0, null);
        }
    }

    /**
     * Reads the journal at {@code path}, if there is one. Blocking, and streaming: only the in-doubt rows (those in
     * flight when a run stopped, or left unknown) are kept whole; done rows cost a fingerprint each.
     */
    static State scan(JournalLock lock) throws IOException {
        if (lock == null) {
            return State.empty();
        }
        long size = lock.channel().size();
        int expected = (int) Math.min(Integer.MAX_VALUE / 4, Math.max(16, size / 400));
        // Sized for the journal up front (a created row takes about 370 bytes of it): growing a large set means one
        // more large array at the worst time.
        var doneKeys = new LongSet(expected);
        var inDoubt = new LinkedHashMap<String, Pending>();
        var overflow = new LongSet(16);
        var factory = new JsonFactory();
        var event = new Event();
        long lines = 0;
        long unreadable = 0;
        int runs = 0;
        JournalBinding binding = null;
        try (BufferedReader reader = lock.reader()) {
            String text;
            while ((text = reader.readLine()) != null) {
                lines++;
                if (text.isBlank()) {
                    continue;
                }
                if (!event.parse(factory, text)) {
                    // The last line of a crashed run may be cut short; anything else unreadable is counted.
                    unreadable++;
                    continue;
                }
                switch (event.event == null ? "" : event.event) {
                    case "run" -> {
                        runs++;
                        if (event.baseUrl != null) {
                            binding = new JournalBinding(event.baseUrl, event.keyName, event.organisation,
                                    event.actionsApi);
                        }
                    }
                    case "sending" -> {
                        if (inDoubt.size() < MAX_IN_DOUBT || inDoubt.containsKey(event.key)) {
                            inDoubt.put(event.key, new Pending(event.key, event.row, event.line, event.incident,
                                    event.description, event.assignee, event.at, null));
                        } else {
                            overflow.add(Fingerprint.of(event.key));
                        }
                    }
                    case "created" -> {
                        doneKeys.add(Fingerprint.of(event.key));
                        clear(inDoubt, overflow, event.key);
                    }
                    case "failed", "absent" -> clear(inDoubt, overflow, event.key);
                    default -> {
                        // "unknown" leaves the row in doubt, as its "sending" put it; "end" is for people.
                    }
                }
            }
        }
        return new State(doneKeys, inDoubt, overflow, lines, runs, unreadable, binding);
    }

    /**
     * Which of {@code ids} a {@code created} line of the journal names. Blocking, streaming; called only when a
     * reconciliation has candidates.
     */
    Set<String> createdAmong(Set<String> ids) throws IOException {
        var found = new HashSet<String>();
        var factory = new JsonFactory();
        var event = new Event();
        try (BufferedReader reader = lock.reader()) {
            String text;
            while ((text = reader.readLine()) != null) {
                // Cheap test first: most lines name no candidate.
                if (text.contains("\"created\"") && event.parse(factory, text) && "created".equals(event.event)
                        && event.action != null && ids.contains(event.action)) {
                    found.add(event.action);
                }
            }
        }
        return found;
    }

    /**
     * The run that last recorded itself in a journal, if it has not recorded its end: who holds the journal. Blocking,
     * streaming.
     */
    static JournalLock.Holder lastHolder(BufferedReader reader) throws IOException {
        var factory = new JsonFactory();
        var event = new Event();
        JournalLock.Holder holder = null;
        try (reader) {
            String text;
            while ((text = reader.readLine()) != null) {
                if ((text.startsWith("{\"event\":\"run\"") || text.startsWith("{\"event\":\"end\""))
                        && event.parse(factory, text)) {
                    holder = "run".equals(event.event) && event.pid > 0
                            ? new JournalLock.Holder(event.pid, event.host, event.at) : null;
                }
            }
        }
        return holder;
    }

    private static void clear(Map<String, Pending> inDoubt, LongSet overflow, String key) {
        if (inDoubt.remove(key) == null && overflow.size() > 0) {
            overflow.remove(Fingerprint.of(key));
        }
    }

    /** One journal line's fields, parsed with a streaming parser into a reused holder. */
    private static final class Event {
        String event;
        String key;
        long row;
        long line;
        String incident;
        String description;
        String assignee;
        String action;
        Instant at;
        String baseUrl;
        String keyName;
        String organisation;
        String actionsApi;
        long pid;
        String host;

        boolean parse(JsonFactory factory, String text) {
            event = key = incident = description = assignee = action = null;
            baseUrl = keyName = organisation = actionsApi = host = null;
            row = line = pid = 0;
            at = null;
            try (JsonParser p = factory.createParser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return false;
                }
                JsonToken token;
                while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        p.skipChildren();
                        continue;
                    }
                    switch (name) {
                        case "event" -> event = p.getValueAsString();
                        case "key" -> key = p.getValueAsString();
                        case "row" -> row = p.getValueAsLong();
                        case "line" -> line = p.getValueAsLong();
                        case "incident" -> incident = p.getValueAsString();
                        case "description" -> description = p.getValueAsString();
                        case "assignee" -> assignee = p.getValueAsString();
                        case "action" -> action = p.getValueAsString();
                        case "at" -> at = instant(p.getValueAsString());
                        case "base_url" -> baseUrl = p.getValueAsString();
                        case "key_name" -> keyName = p.getValueAsString();
                        case "organisation" -> organisation = p.getValueAsString();
                        case "actions_api" -> actionsApi = p.getValueAsString();
                        case "pid" -> pid = p.getValueAsLong();
                        case "host" -> host = p.getValueAsString();
                        default -> {
                        }
                    }
                }
                return token == JsonToken.END_OBJECT && event != null
                        && (key != null || event.equals("run") || event.equals("end"));
            } catch (IOException | DateTimeParseException e) {
                return false;
            }
        }

        private static Instant instant(String text) {
            return text == null ? null : Instant.parse(text);
        }
    }
}

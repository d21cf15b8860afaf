package dev.firebrigade.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.firebrigade.internal.create.Fingerprint;
import dev.firebrigade.internal.create.LongSet;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a bulk {@link Journal} back: what earlier runs did ({@link #scan}), which IDs its rows were given
 * ({@link #createdAmong}), and who holds it ({@link #lastHolder}). Blocking and streaming, on worker threads.
 */
final class JournalScanner {
    private JournalScanner() {
    }

    /** How many in-doubt rows a run keeps whole to reconcile; the rest wait for a later run (never re-sent blindly). */
    static final int MAX_IN_DOUBT = 100_000;

    /**
     * What a journal says about earlier runs: which rows are done, which are in doubt.
     *
     * @param inDoubt      rows sent without a known outcome, up to {@link #MAX_IN_DOUBT}, with their content
     * @param doubtOverflow fingerprints of further in-doubt rows: reported unknown, reconciled by a later run
     * @param binding       where the last run that recorded it sent its rows; null for a journal older than bindings
     * @param kind          what its last run created, as its run line says ({@code actions} for lines older than
     *                      kinds); null for a journal without runs
     */
    record State(LongSet doneKeys, Map<String, Pending> inDoubt, LongSet doubtOverflow, long lines, int runs,
                 long unreadableLines, JournalBinding binding, String kind) {
        static State empty() {
            return new State(new LongSet(16), new LinkedHashMap<>(), new LongSet(16), 0, 0, 0, null, null);
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
        String kind = null;
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
                        kind = event.kind == null ? BulkKind.ACTIONS.label() : event.kind;
                        if (event.baseUrl != null) {
                            binding = new JournalBinding(event.baseUrl, event.keyName, event.organisation,
                                    event.actionsApi);
                        }
                    }
                    case "sending" -> {
                        if (inDoubt.size() < MAX_IN_DOUBT || inDoubt.containsKey(event.key)) {
                            inDoubt.put(event.key, new Pending(event.key, event.row, event.line, new RowFields(
                                    event.incident, event.title, event.description, event.assignee, null, null, null,
                                    null), event.at, null));
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
        return new State(doneKeys, inDoubt, overflow, lines, runs, unreadable, binding, kind);
    }

    /**
     * Which of {@code ids} a {@code created} line of the journal names. Blocking, streaming; called only when a
     * reconciliation has candidates.
     */
    static Set<String> createdAmong(JournalLock lock, Set<String> ids) throws IOException {
        var found = new HashSet<String>();
        var factory = new JsonFactory();
        var event = new Event();
        try (BufferedReader reader = lock.reader()) {
            String text;
            while ((text = reader.readLine()) != null) {
                // Cheap test first: most lines name no candidate.
                if (text.contains("\"created\"") && event.parse(factory, text) && "created".equals(event.event)
                        && event.id != null && ids.contains(event.id)) {
                    found.add(event.id);
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
        String title;
        String description;
        String assignee;
        /** The created item: an action or a follow-up. */
        String id;
        Instant at;
        String baseUrl;
        String keyName;
        String organisation;
        String actionsApi;
        String kind;
        long pid;
        String host;

        boolean parse(JsonFactory factory, String text) {
            event = key = incident = title = description = assignee = id = null;
            baseUrl = keyName = organisation = actionsApi = kind = host = null;
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
                        case "title" -> title = p.getValueAsString();
                        case "description" -> description = p.getValueAsString();
                        case "assignee" -> assignee = p.getValueAsString();
                        case "action", "follow_up" -> id = p.getValueAsString();
                        case "at" -> at = instant(p.getValueAsString());
                        case "base_url" -> baseUrl = p.getValueAsString();
                        case "key_name" -> keyName = p.getValueAsString();
                        case "organisation" -> organisation = p.getValueAsString();
                        case "actions_api" -> actionsApi = p.getValueAsString();
                        case "kind" -> kind = p.getValueAsString();
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

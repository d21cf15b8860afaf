package dev.firebrigade.bulk;

import dev.firebrigade.error.IncidentIoException;

import java.time.Instant;

/**
 * The journal's JSON Lines, one event per line; see {@link Journal} for their meaning. Written by hand: a million
 * rows make two million lines, and at that count a generator per line and a formatted timestamp per line were most
 * of the journal's cost. Strings are escaped as JSON requires (quotes, backslashes, control characters), so any
 * description stays on its line.
 */
final class JournalLines {
    /** 2: run lines carry the binding and the holder; 3: and the kind ({@code actions} when absent). */
    static final int VERSION = 3;

    /** The last timestamp formatted, per thread: rows written in the same millisecond share it. */
    private static final ThreadLocal<Object[]> LAST_AT = ThreadLocal.withInitial(() -> new Object[] {-1L, ""});

    private JournalLines() {
    }

    static String run(String source, BulkKind kind, JournalBinding binding, JournalLock.Holder holder) {
        var out = start("run");
        number(out, "version", VERSION);
        string(out, "kind", kind.label());
        string(out, "source", source);
        string(out, "base_url", binding.baseUrl());
        string(out, "key_name", binding.keyName());
        string(out, "organisation", binding.organisation());
        string(out, "actions_api", binding.actionsApi());
        number(out, "pid", holder.pid());
        string(out, "host", holder.host());
        return end(out, holder.started());
    }

    static String sending(SourceRow row, Instant at) {
        var out = start("sending");
        string(out, "key", row.key());
        number(out, "row", row.row());
        if (row.line() > 0) {
            number(out, "line", row.line());
        }
        RowFields fields = row.fields();
        string(out, "incident", fields.incident());
        if (fields.title() != null) {
            string(out, "title", fields.title());
        }
        string(out, "description", fields.description());
        if (fields.assignee() != null) {
            string(out, "assignee", fields.assignee());
        }
        return end(out, at);
    }

    /** The row's create made (or settling found) {@code id}: an {@code action} or a {@code follow_up}. */
    static String created(String key, long row, BulkKind kind, String id, boolean reconciled, Instant at) {
        var out = start("created");
        string(out, "key", key);
        number(out, "row", row);
        string(out, kind == BulkKind.ACTIONS ? "action" : "follow_up", id);
        if (reconciled) {
            out.append(",\"reconciled\":true");
        }
        return end(out, at);
    }

    static String problem(String event, String key, long row, Throwable error, Instant at) {
        var out = start(event);
        string(out, "key", key);
        number(out, "row", row);
        if (error instanceof IncidentIoException known) {
            string(out, "error", known.type());
            if (known.status() > 0) {
                number(out, "status", known.status());
            }
        } else if (error != null) {
            string(out, "error", error.getClass().getSimpleName());
        }
        string(out, "message", error == null ? null : error.getMessage());
        return end(out, at);
    }

    static String absent(String key, long row, Instant at) {
        var out = start("absent");
        string(out, "key", key);
        number(out, "row", row);
        return end(out, at);
    }

    static String end(BulkReport report, Instant at) {
        var out = start("end");
        string(out, "ending", report.ending().name().toLowerCase(java.util.Locale.ROOT));
        number(out, "created", report.created());
        number(out, "failed", report.failed());
        number(out, "unknown", report.unknown());
        number(out, "skipped", report.skipped());
        return end(out, at);
    }

    private static StringBuilder start(String event) {
        return new StringBuilder(192).append("{\"event\":\"").append(event).append('"');
    }

    private static String end(StringBuilder out, Instant at) {
        string(out, "at", format(at));
        return out.append('}').toString();
    }

    private static void number(StringBuilder out, String name, long value) {
        out.append(",\"").append(name).append("\":").append(value);
    }

    private static void string(StringBuilder out, String name, String value) {
        out.append(",\"").append(name).append("\":");
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** ISO-8601, as {@link Instant#toString()}; formatted once per millisecond and thread. */
    private static String format(Instant at) {
        long millis = at.toEpochMilli();
        Object[] last = LAST_AT.get();
        if ((long) last[0] != millis) {
            last[0] = millis;
            last[1] = Instant.ofEpochMilli(millis).toString();
        }
        return (String) last[1];
    }
}

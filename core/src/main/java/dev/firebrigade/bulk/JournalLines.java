package dev.firebrigade.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.firebrigade.error.IncidentIoException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The journal's JSON Lines, one event per line; see {@link Journal} for their meaning. Written by hand with a
 * streaming generator: a million rows make two million lines, and a tree per line would be the bulk's main cost.
 */
final class JournalLines {
    static final int VERSION = 1;
    private static final JsonFactory FACTORY = new JsonFactory();

    private JournalLines() {
    }

    static String run(String source, boolean dryRun, Instant at) {
        return write(g -> {
            g.writeStringField("event", "run");
            g.writeNumberField("version", VERSION);
            g.writeStringField("source", source);
            g.writeStringField("at", at.toString());
        });
    }

    static String sending(SourceRow row, Instant at) {
        return write(g -> {
            g.writeStringField("event", "sending");
            g.writeStringField("key", row.key());
            g.writeNumberField("row", row.row());
            if (row.line() > 0) {
                g.writeNumberField("line", row.line());
            }
            g.writeStringField("incident", row.incident());
            g.writeStringField("description", row.description());
            if (row.assignee() != null) {
                g.writeStringField("assignee", row.assignee());
            }
            g.writeStringField("at", at.toString());
        });
    }

    static String created(String key, long row, String actionId, boolean reconciled, Instant at) {
        return write(g -> {
            g.writeStringField("event", "created");
            g.writeStringField("key", key);
            g.writeNumberField("row", row);
            g.writeStringField("action", actionId);
            if (reconciled) {
                g.writeBooleanField("reconciled", true);
            }
            g.writeStringField("at", at.toString());
        });
    }

    static String problem(String event, String key, long row, Throwable error, Instant at) {
        return write(g -> {
            g.writeStringField("event", event);
            g.writeStringField("key", key);
            g.writeNumberField("row", row);
            if (error instanceof IncidentIoException known) {
                g.writeStringField("error", known.type());
                if (known.status() > 0) {
                    g.writeNumberField("status", known.status());
                }
            } else if (error != null) {
                g.writeStringField("error", error.getClass().getSimpleName());
            }
            g.writeStringField("message", error == null ? null : error.getMessage());
            g.writeStringField("at", at.toString());
        });
    }

    static String absent(String key, long row, Instant at) {
        return write(g -> {
            g.writeStringField("event", "absent");
            g.writeStringField("key", key);
            g.writeNumberField("row", row);
            g.writeStringField("at", at.toString());
        });
    }

    static String end(BulkReport report, Instant at) {
        return write(g -> {
            g.writeStringField("event", "end");
            g.writeStringField("ending", report.ending().name().toLowerCase(java.util.Locale.ROOT));
            g.writeNumberField("created", report.created());
            g.writeNumberField("failed", report.failed());
            g.writeNumberField("unknown", report.unknown());
            g.writeNumberField("skipped", report.skipped());
            g.writeStringField("at", at.toString());
        });
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Fields fields) {
        var out = new StringWriter(160);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}

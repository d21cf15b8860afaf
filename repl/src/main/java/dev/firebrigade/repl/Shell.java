package dev.firebrigade.repl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.firebrigade.PagedQuery;
import dev.firebrigade.Watch;
import dev.firebrigade.WatchQuery;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.internal.transport.Json;
import dev.firebrigade.RequestPreview;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The REPL's helpers, statically imported by {@code firebrigade.jsh}: {@link #table}, {@link #show}, {@link #help},
 * {@link #args}, {@link #banner}, {@link #lastError}, {@link #watch} and {@code print}, {@code println}, {@code printf}. They live in
 * Java rather than in the startup script, so the same script runs under plain {@code jshell --class-path …} too, and
 * so that starting costs no compilation (JShell's own PRINTING startup compiles 21 methods, about a second).
 */
public final class Shell {
    /** How many rows {@code table(query)} reads of a query it sends itself. */
    static final int TABLE_ROWS = 1000;
    private static final ObjectWriter PRETTY = Json.mapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));

    private static volatile CompletableFuture<Session> session;
    private static volatile List<String> arguments = List.of();
    private static volatile boolean batch;

    private Shell() {
    }

    /** Set by the launcher before JShell starts: the session being opened, whether this is a script run, its args. */
    static void prepare(CompletableFuture<Session> pending, boolean batchRun, List<String> args) {
        session = pending;
        batch = batchRun;
        arguments = List.copyOf(args);
    }

    /** Whether this is a script run (no one at a terminal). */
    static boolean batch() {
        return batch;
    }

    /** The session; under plain jshell (no launcher) it is opened from the environment on first use. */
    static Session session() {
        CompletableFuture<Session> pending = session;
        if (pending == null) {
            synchronized (Shell.class) {
                if (session == null) {
                    session = CompletableFuture.completedFuture(Session.open(System.getenv()));
                }
                pending = session;
            }
        }
        return pending.join();
    }

    /**
     * Prints what this session is connected to and which actions API it uses; in a sandbox, the demo incidents and
     * users to try. On the deprecated v2 actions API, one line on stderr says when incident.io removes it.
     */
    public static void banner() {
        Session current = session();
        if (batch) {
            System.err.print(Banner.brief(current));
        } else {
            System.out.print(Banner.full(current));
            System.out.flush();
        }
        if (current.actionsApi() != null && current.actionsApi().deprecated()) {
            System.err.println(current.actionsApi().deprecationNotice());
        }
        System.err.flush();
    }

    /** Prints the DSL and these helpers, with examples. */
    public static void help() {
        System.out.print(Help.text(session()));
    }

    /** The arguments after the script's name in {@code scripts/firebrigade run FILE.jsh ARGS...}; empty in the REPL. */
    public static List<String> args() {
        return arguments;
    }

    /** The last incident.io error a snippet failed with (status, type, requestId(), errors()), or null. */
    public static IncidentIoException lastError() {
        return Failures.lastIncidentIo();
    }

    /**
     * Prints rows as aligned columns: actions as id, status, assignee, incident, description; users as id, name,
     * email, role, active; other records by their components; JSON objects and maps by their keys. Takes a list, any
     * other collection or array, or a Future of one (which it waits for), or a list query, which it sends (the first
     * {@value #TABLE_ROWS} rows).
     */
    public static void table(Object rows) {
        if (rows instanceof PagedQuery<?> query) {
            // A query not yet sent: read it, but not without bound (a list of every incident can be long).
            List<?> fetched = query.collect(TABLE_ROWS + 1).await();
            boolean more = fetched.size() > TABLE_ROWS;
            System.out.print(Table.render(more ? fetched.subList(0, TABLE_ROWS) : fetched));
            if (more) {
                System.out.println("(the first " + TABLE_ROWS + " rows; table(query.fetch()) shows every one)");
            }
            System.out.flush();
            return;
        }
        Object value = settled(rows);
        List<?> list;
        if (value instanceof List<?> l) {
            list = l;
        } else if (value instanceof Collection<?> c) {
            list = List.copyOf(c);
        } else if (value instanceof JsonArray array) {
            List<?> raw = array.getList();
            list = raw.stream().map(row -> row instanceof Map<?, ?> m ? new JsonObject(castMap(m)) : row).toList();
        } else if (value instanceof Object[] array) {
            list = java.util.Arrays.asList(array);
        } else {
            list = value == null ? List.of() : List.of(value);
        }
        System.out.print(Table.render(list));
        System.out.flush();
    }

    /** {@code System.out.print}, as in JShell's PRINTING startup. */
    public static void print(Object value) {
        System.out.print(value);
    }

    /** {@code System.out.println}, as in JShell's PRINTING startup. */
    public static void println(Object value) {
        System.out.println(value);
    }

    /** An empty line. */
    public static void println() {
        System.out.println();
    }

    /** {@code System.out.printf}, as in JShell's PRINTING startup. */
    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }

    /**
     * Prints each change a watch sees, one line each, until Ctrl-C (the watch is closed and the prompt comes back)
     * or a failure that ends it: {@code watch(actions().watch().forIncident("INC-2"))}. Failed polls that will be
     * retried are shown on stderr as one line each.
     */
    public static void watch(WatchQuery<?, ?> query) {
        follow(query.start(), System.out, System.err);
    }

    /** Prints the changes of {@code watch} until it ends or this thread is stopped or interrupted, then closes it. */
    static void follow(Watch<?> watch, PrintStream out, PrintStream err) {
        var lines = new LinkedBlockingQueue<String>();
        watch.exceptionHandler(failure -> lines.add("! " + Failures.oneLine(failure) + " (retrying)"))
                .handler(change -> lines.add(change.toString()));
        if (!batch) {
            out.println("(watching " + watch + "; Ctrl-C stops)");
        }
        try {
            while (!watch.done().isComplete() || !lines.isEmpty()) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    (line.startsWith("! ") ? err : out).println(line);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Ctrl-C stops the snippet's thread here too: the watch must not poll on behind the prompt.
            watch.close();
            out.flush();
        }
        // A failure that ended the watch fails the snippet, so the REPL shows it in one line (and a script exits 1).
        if (watch.done().failed() && watch.done().cause() instanceof RuntimeException ended) {
            throw ended;
        }
    }

    /** Prints {@code value} as indented JSON (models as incident.io spells them); waits for a Future first. */
    public static void show(Object value) {
        System.out.println(pretty(settled(value)));
        System.out.flush();
    }

    static String pretty(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence || value instanceof RequestPreview) {
            return value.toString();
        }
        if (value instanceof JsonObject json) {
            return json.encodePrettily();
        }
        if (value instanceof JsonArray json) {
            return json.encodePrettily();
        }
        Object shown = value instanceof IncidentIoException e ? describe(e) : value;
        if (shown instanceof Throwable t) {
            return t.toString();
        }
        try {
            return PRETTY.writeValueAsString(shown);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static Map<String, Object> describe(IncidentIoException e) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("exception", e.getClass().getSimpleName());
        fields.put("status", e.status());
        fields.put("type", e.type());
        fields.put("request_id", e.requestId());
        fields.put("method", e.method());
        fields.put("path", e.path());
        fields.put("errors", e.errors());
        fields.put("message", e.getMessage());
        return fields;
    }

    /** A Future's result, waiting for it; its failure is thrown, so the REPL reports it in one line. */
    private static Object settled(Object value) {
        return value instanceof Future<?> future ? future.await() : value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}

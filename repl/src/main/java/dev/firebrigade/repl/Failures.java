package dev.firebrigade.repl;

import dev.firebrigade.error.IncidentIoException;
import jdk.jshell.spi.ExecutionControl.UserException;

import java.util.concurrent.atomic.AtomicInteger;

/** The failures of snippets in this JVM: how many (for a batch run's exit code), the last one, and how to show it. */
final class Failures {
    private static final StackTraceElement[] NO_TRACE = new StackTraceElement[0];
    private static final AtomicInteger count = new AtomicInteger();
    private static volatile Throwable last;
    private static volatile IncidentIoException lastIncidentIo;

    private Failures() {
    }

    /**
     * Records a snippet's failure and gives what JShell should report: for an incident.io error, one line with its
     * type, message and request id and no stack trace; for a failed Future, one line; otherwise {@code thrown} as it
     * was, so that JShell shows its usual stack trace. In a script run it also records where in the script the failure
     * happened ({@link ScriptInput#failed}); a one-line report then carries the failure's snippet frames, only for
     * JShell to translate them into lines within snippets, which {@link ToolErrors} reads and hides.
     *
     * @param thrown         what the snippet threw, or null when the failure is a Future's
     * @param statementClass the class of the snippet that was running
     */
    static Exception reported(Throwable failure, Exception thrown, String statementClass) {
        count.incrementAndGet();
        last = failure;
        IncidentIoException api = incidentIoCause(failure);
        boolean oneLine = api != null || thrown == null;
        ScriptInput script = ScriptInput.current();
        if (script != null) {
            script.failed(statementClass, failure, !oneLine);
        }
        StackTraceElement[] frames = script == null ? NO_TRACE : ScriptInput.snippetFrames(failure);
        if (api != null) {
            lastIncidentIo = api;
            return new UserException(oneLine(api), api.getClass().getSimpleName(), frames);
        }
        if (thrown != null) {
            return thrown;
        }
        return new UserException(oneLine(failure), failure.getClass().getName(), frames);
    }

    /** The incident.io error in {@code failure}'s cause chain, or null. */
    static IncidentIoException incidentIoCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IncidentIoException api) {
                return api;
            }
        }
        return null;
    }

    /** A message on one line: incident.io's messages carry status, type, request and request id already. */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    static int count() {
        return count.get();
    }

    /** The last failure, or null. */
    static Throwable last() {
        return last;
    }

    /** The last incident.io error a snippet failed with, or null. */
    static IncidentIoException lastIncidentIo() {
        return lastIncidentIo;
    }

    /** Forgets earlier failures, at the start of a run. */
    static void reset() {
        count.set(0);
        last = null;
        lastIncidentIo = null;
    }
}

package dev.firebrigade.repl;

import dev.firebrigade.error.IncidentIoException;
import io.vertx.core.Future;
import jdk.jshell.execution.LocalExecutionControl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Local execution that (1) shows a failed incident.io call as one line, type, message and request id, instead of a
 * stack trace, (2) settles a {@link Future} before showing it, so {@code actions().get(id)} shows the action or the
 * failure rather than {@code Future{unresolved}}, (3) counts failures, so a batch run can end non-zero, (4) says
 * under a draft, edit or query that nothing was sent ({@link Unsent}), and (5) in a script run, notes where each
 * snippet's classes start in the script ({@link ScriptInput}).
 *
 * <p>Everything else, including Ctrl-C, is JShell's own {@link LocalExecutionControl}.
 */
final class ShellExecutionControl extends LocalExecutionControl {
    /** Longer than the client's default request timeout, so a pending call fails on its own before this gives up. */
    static final long SETTLE_MILLIS = 70_000;
    /** When a person at the prompt is told how to stop waiting. */
    static final long HINT_MILLIS = 3_000;

    private static final Method TRAMPOLINE;

    static {
        try {
            TRAMPOLINE = ShellExecutionControl.class.getDeclaredMethod("runSnippet");
            TRAMPOLINE.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // JShell runs one snippet at a time; these hand the snippet to the trampoline and its value back.
    private static volatile Method snippet;
    private static volatile Object value;

    private static final AtomicLong snippetsRun = new AtomicLong();

    private volatile boolean stopRequested;

    /** How many snippets this JVM has run. */
    static long snippetsRun() {
        return snippetsRun.get();
    }

    /**
     * Runs the snippet in JShell's snippet thread and keeps its value: LocalExecutionControl turns the value into a
     * string at once, and we need the object (a Future to settle). A failure is rethrown as is, so JShell's stack
     * trace trimming and Ctrl-C handling see the snippet's own exception.
     */
    private static Object runSnippet() throws Throwable {
        try {
            Object result = snippet.invoke(null);
            value = result;
            return result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        snippetsRun.incrementAndGet();
        snippet = doitMethod;
        value = null;
        stopRequested = false;
        try {
            super.invoke(TRAMPOLINE);
        } catch (InvocationTargetException e) {
            throw Failures.reported(e.getCause(), e, doitMethod.getDeclaringClass().getName());
        } finally {
            snippet = null;
        }
        Object result = value;
        value = null;
        if (result instanceof Future<?> future) {
            settle(future);
            if (future.failed()) {
                throw Failures.reported(future.cause(), null, doitMethod.getDeclaringClass().getName());
            }
        }
        String note = Unsent.note(result);
        return note == null ? valueString(result) : valueString(result) + "\n" + note;
    }

    private void settle(Future<?> future) throws InterruptedException {
        var done = new CountDownLatch(1);
        future.onComplete(ignored -> done.countDown());
        if (done.await(HINT_MILLIS, TimeUnit.MILLISECONDS)) {
            return;
        }
        if (!Shell.batch()) {
            // A Future nobody will complete (a Promise of one's own) would hold the prompt: say how to get it back.
            System.out.println("(waiting for the Future to complete; Ctrl-C stops waiting)");
            System.out.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS - HINT_MILLIS);
        while (!stopRequested && System.nanoTime() < deadline && !done.await(50, TimeUnit.MILLISECONDS)) {
            // Poll, so that Ctrl-C (stop) ends the wait.
        }
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(classes);
        ScriptInput script = ScriptInput.current();
        if (script != null) {
            script.loaded(Arrays.stream(classes).map(ClassBytecodes::name).toList());
        }
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        stopRequested = true;
        super.stop();
    }
}

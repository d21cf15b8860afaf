package dev.firebrigade.repl;

import jdk.jshell.tool.JavaShellToolBuilder;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The REPL's {@code /exit} when requests are still in flight: leaving closes the client, and a create whose answer
 * is lost may have landed or not, unseen. The first {@code /exit} says how many and stays; {@code /exit} again (with no
 * snippet run in between) leaves now, and once they are answered {@code /exit} leaves as usual.
 *
 * <p>JShell offers no hook for its commands, and after its {@code /exit} it has ended, its input reader perhaps
 * holding the next line typed. So this replaces the action of the tool's {@code /exit} command before it starts,
 * which needs {@code --add-opens jdk.jshell/jdk.internal.jshell.tool=ALL-UNNAMED} ({@code scripts/firebrigade} gives
 * it). Without it, or on a JDK whose tool is built otherwise, JShell starts as usual: {@code /exit} leaves at once and
 * the launcher then waits for the answers (Ctrl-C leaves).
 */
final class ExitGuard {
    private final IntSupplier inFlight;
    private final PrintStream out;
    private boolean warned;
    private long snippetsAtWarning;
    private boolean leftAnyway;

    /**
     * @param inFlight the client's requests not yet answered
     * @param out      where the question goes (the REPL's output)
     */
    ExitGuard(IntSupplier inFlight, PrintStream out) {
        this.inFlight = inFlight;
        this.out = out;
    }

    /** Starts JShell as {@code builder.start(options)} does, with {@code /exit} guarded when JShell lets it be. */
    int start(JavaShellToolBuilder builder, String... options) throws Exception {
        Object tool;
        Method start;
        try {
            Method rawTool = builder.getClass().getMethod("rawTool");
            rawTool.setAccessible(true);
            tool = rawTool.invoke(builder);
            start = tool.getClass().getMethod("start", String[].class);
            start.setAccessible(true);
            guard(tool);
        } catch (ReflectiveOperationException | RuntimeException notOpen) {
            return builder.start(options);
        }
        try {
            return (Integer) start.invoke(tool, (Object) options);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Whether the user left with requests still in flight, having been told. */
    boolean leftAnyway() {
        return leftAnyway;
    }

    @SuppressWarnings("unchecked")
    private void guard(Object tool) throws ReflectiveOperationException {
        Field commands = tool.getClass().getDeclaredField("commands");
        commands.setAccessible(true);
        Object exit = ((Map<String, ?>) commands.get(tool)).get("/exit");
        Field run = exit.getClass().getDeclaredField("run");
        run.setAccessible(true);
        var original = (Function<String, Boolean>) run.get(exit);
        run.set(exit, (Function<String, Boolean>) argument -> mayLeave() && original.apply(argument));
    }

    private boolean mayLeave() {
        int pending = inFlight.getAsInt();
        long snippets = ShellExecutionControl.snippetsRun();
        if (pending == 0 || warned && snippets == snippetsAtWarning) {
            leftAnyway = pending > 0;
            return true;
        }
        warned = true;
        snippetsAtWarning = snippets;
        out.println(pending == 1
                ? "1 request is still in flight (its answer would be lost): /exit again to leave now, or wait for it."
                : pending + " requests are still in flight (their answers would be lost): /exit again to leave now,"
                        + " or wait for them.");
        out.flush();
        return false;
    }
}

package dev.firebrigade.repl;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/**
 * JShell's local execution with Firebrigade's failure display, selected with {@code --execution firebrigade}
 * (registered in {@code META-INF/services}). Snippets run in the launcher's JVM, as with {@code --execution local}.
 */
public final class ShellExecution implements ExecutionControlProvider {
    /** The name to pass to JShell's {@code --execution}. */
    public static final String NAME = "firebrigade";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return new ShellExecutionControl();
    }
}

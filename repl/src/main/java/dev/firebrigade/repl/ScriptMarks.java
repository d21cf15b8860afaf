package dev.firebrigade.repl;

/**
 * Marks a script run leaves behind, so the launcher can tell a script that ended in the middle of a snippet (an
 * unclosed parenthesis, brace or string) from one that ran to its end: JShell drops such a last snippet silently.
 * The launcher appends a call to {@link #endOfScript()} to the script; an unfinished snippet swallows it (and being
 * void, it cannot complete an expression). {@link #afterScript()} runs from a file of its own after the script.
 * Public only because snippets call them.
 */
public final class ScriptMarks {
    private static volatile boolean endOfScript;
    private static volatile boolean afterScript;

    private ScriptMarks() {
    }

    /** Called by the line the launcher appends to a script. */
    public static void endOfScript() {
        endOfScript = true;
    }

    /** Called by the file the launcher runs after the script. */
    public static void afterScript() {
        afterScript = true;
    }

    static void reset() {
        endOfScript = false;
        afterScript = false;
    }

    /** The script's text ran out inside a snippet: JShell went on to the next file without running the snippet. */
    static boolean endedInsideASnippet() {
        return afterScript && !endOfScript;
    }
}

package dev.firebrigade.repl;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JShell's error stream during a script run, passed through and counted. JShell tells nobody that a snippet failed
 * to compile; it prints the report ({@code |  Error:} and the diagnostic) to its error stream, which while it runs
 * files holds nothing but error reports and warnings. Every report other than a {@code Warning:} counts as one error.
 * Runtime failures are also counted exactly by {@link Failures}; this catches compile and command errors.
 *
 * <p>JShell names no file or line. Under a compile error's caret it has echoed the snippet's offending line; this adds
 * {@code at FILE:LINE}, the first line of the script at or after the previous one found that holds that text.
 */
final class ToolErrors extends OutputStream {
    private static final Pattern CARET = Pattern.compile("\\s*\\^(-*\\^)?\\s*");

    private final PrintStream target;
    private final String scriptName;
    private final List<String> scriptLines;
    private String previous = "";
    private int lastFound;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int errors;
    private boolean inReport;
    private boolean inWarning;

    /** For a script run: reports are counted, and compile errors located in {@code scriptLines}. */
    ToolErrors(PrintStream target, String scriptName, List<String> scriptLines) {
        this.target = target;
        this.scriptName = scriptName;
        this.scriptLines = scriptLines;
    }

    /** The stream to give JShell; written lines reach {@code target} unchanged. */
    PrintStream stream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        target.write(b);
        if (b == '\n') {
            classify(line.toString(StandardCharsets.UTF_8));
            line.reset();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public void flush() {
        target.flush();
    }

    private void classify(String text) {
        // JShell prefixes each line of a report with its error prefix, "|  " in every predefined mode.
        String content = text.replaceFirst("^\\|\\s*", "").strip();
        if (CARET.matcher(content).matches()) {
            locate(previous);
        }
        previous = content;
        if (content.startsWith("Warning:")) {
            inReport = true;
            inWarning = true;
        } else if (content.startsWith("Error:") || content.startsWith("Exception ")) {
            errors++;
            inReport = true;
            inWarning = false;
        } else if (!inReport && !content.isEmpty()) {
            // Any other message that does not continue a report: a failed command, a missing file.
            errors++;
            inReport = true;
        }
    }

    private void locate(String source) {
        if (source.isEmpty()) {
            return;
        }
        for (int from : new int[] {lastFound, 0}) {
            for (int i = from; i < scriptLines.size(); i++) {
                if (scriptLines.get(i).contains(source)) {
                    lastFound = i;
                    target.print("at " + scriptName + ":" + (i + 1) + "\n");
                    return;
                }
            }
        }
    }

    /** How many error reports were seen. */
    synchronized int errors() {
        return errors;
    }
}

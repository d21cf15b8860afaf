package dev.firebrigade.repl;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JShell's error stream during a script run, passed on line by line, counted and located. JShell tells nobody that a
 * snippet failed to compile; it prints the report ({@code Error:} and the diagnostic) to its error stream, which while
 * it runs the script holds nothing but error reports and warnings. Every report other than a {@code Warning:} counts
 * as one error. Runtime failures are also counted exactly by {@link Failures}; this catches compile and command errors.
 *
 * <p>JShell names no file or line; every report gets an {@code at FILE:LINE} line here. Under a compile error's caret
 * JShell has echoed the offending line: the nearest line at or before the last one JShell read that holds that text.
 * After a runtime failure's report: the line of its innermost frame in the script, else of the statement that was
 * running ({@link ScriptInput.FailureSite}); and the report's snippet frames ({@code at boom (#7:3)}) name the
 * script's lines instead.
 */
final class ToolErrors extends OutputStream {
    private static final Pattern CARET = Pattern.compile("\\s*\\^(-*\\^)?\\s*");
    /** A stack frame in snippet code as JShell prints it: {@code at boom (#7:3)}, {@code at (#8:1)}. */
    private static final Pattern SNIPPET_FRAME = Pattern.compile("^[|\\s]*at .*\\((#\\w+:(\\d+))\\)\\s*$");
    /** Any stack frame as JShell prints it. */
    private static final Pattern FRAME = Pattern.compile("^[|\\s]*at .*\\)\\s*$");
    private static final Pattern HEADER = Pattern.compile("^[|\\s]*(Error:|Warning:|Exception )");

    private final PrintStream target;
    private final String scriptName;
    private final ScriptInput script;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String previous = "";
    private int errors;
    private boolean inReport;
    /** The runtime failure whose report is being read, or null. */
    private ScriptInput.FailureSite failure;
    private int framesSeen;
    private int innermost;

    /** For a script run: reports are counted, and located in {@code script}. */
    ToolErrors(PrintStream target, String scriptName, ScriptInput script) {
        this.target = target;
        this.scriptName = scriptName;
        this.script = script;
    }

    /** The stream to give JShell. */
    PrintStream stream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            process(line.toString(StandardCharsets.UTF_8));
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

    private void process(String text) {
        if (failure != null) {
            Matcher frame = SNIPPET_FRAME.matcher(text);
            if (frame.find()) {
                int scriptLine = failure.frames().get(framesSeen++).scriptLine(Integer.parseInt(frame.group(2)));
                innermost = innermost == 0 ? scriptLine : innermost;
                if (failure.framesShown()) {
                    emit(scriptLine == 0 ? text : text.substring(0, frame.start(1)) + scriptName + ":" + scriptLine
                            + text.substring(frame.end(1)));
                }
                if (framesSeen == failure.frames().size()) {
                    endFailure();
                }
                return;
            }
            // Other frames, or the message's further lines before the first frame, are part of the report; anything
            // else means it ended without the frames expected: say where now.
            boolean reportGoesOn = FRAME.matcher(text).find() || framesSeen == 0 && !HEADER.matcher(text).find();
            if (!reportGoesOn) {
                endFailure();
            }
        }
        emit(text);
        classify(text);
    }

    private void emit(String text) {
        target.print(text + "\n");
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
        } else if (content.startsWith("Error:")) {
            errors++;
            inReport = true;
            script.rejected();
        } else if (content.startsWith("Exception ")) {
            errors++;
            inReport = true;
            startFailure();
        } else if (!inReport && !content.isEmpty()) {
            // Any other message that does not continue a report: a failed command, a missing file.
            errors++;
            inReport = true;
        }
    }

    private void startFailure() {
        failure = script.takeFailure();
        framesSeen = 0;
        innermost = 0;
        if (failure != null && failure.frames().isEmpty()) {
            endFailure();
        }
    }

    private void endFailure() {
        int scriptLine = innermost != 0 ? innermost : failure.statement().line();
        failure = null;
        if (scriptLine != 0) {
            emit("at " + scriptName + ":" + scriptLine);
        }
    }

    /** The nearest line at or before the last one JShell read that holds {@code source}. */
    private void locate(String source) {
        if (source.isEmpty()) {
            return;
        }
        for (int number = script.served(); number >= 1; number--) {
            String text = script.line(number);
            if (text != null && text.contains(source)) {
                emit("at " + scriptName + ":" + number);
                return;
            }
        }
    }

    /** How many error reports were seen. */
    synchronized int errors() {
        return errors;
    }
}

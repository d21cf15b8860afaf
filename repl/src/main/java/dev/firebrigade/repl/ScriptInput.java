package dev.firebrigade.repl;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A script as JShell reads it in a script run ({@code -} on its command line): handed over one line per read, so the
 * launcher knows at every moment how many lines JShell has read. JShell reads a line only when what it holds is not yet
 * a complete snippet, so when a snippet's classes are loaded its last line has just been read, and it starts at the
 * first line of code after the previous snippet ended. That gives each snippet's first script line, which turns
 * JShell's snippet-relative stack frames ({@code #12:3}) into {@code FILE:LINE}, without parsing the script twice.
 */
final class ScriptInput extends InputStream {
    /** The package and class-name prefix of the classes JShell wraps snippets in. */
    private static final String SNIPPET_CLASS_PREFIX = "REPL.$JShell$";
    /** A line holding no snippet of its own: an import alone, or a command other than {@code /exit} with a value. */
    private static final Pattern NO_SNIPPET = Pattern.compile("import\\s[^;]*;\\s*(//.*)?|/(?!exit\\s+\\S).*");

    private static volatile ScriptInput current;

    private final byte[] bytes;
    /** Where each line ends in {@code bytes}, just past its newline. */
    private final int[] lineEnds;
    private final List<String> lines;
    private int position;
    /** Whole lines handed to JShell. */
    private int served;
    /** How many lines JShell had read when the last snippet ended (was loaded or rejected). */
    private int boundary;
    private final Map<String, SnippetStart> starts = new HashMap<>();
    private FailureSite pendingFailure;

    /** The script's bytes as they are (JShell decodes them with the platform charset), then {@code lastLine}. */
    ScriptInput(byte[] script, String lastLine) {
        byte[] tail = ("\n" + lastLine + "\n").getBytes(Charset.defaultCharset());
        bytes = Arrays.copyOf(script, script.length + tail.length);
        System.arraycopy(tail, 0, bytes, script.length, tail.length);
        var ends = new ArrayList<Integer>();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                ends.add(i + 1);
            }
        }
        lineEnds = ends.stream().mapToInt(Integer::intValue).toArray();
        lines = new String(bytes, Charset.defaultCharset()).lines().toList();
    }

    /** The input of the script run in progress, or null (in the REPL). */
    static ScriptInput current() {
        return current;
    }

    /** Makes {@code input} (null: none) the one the snippets of this JVM report to. */
    static void use(ScriptInput input) {
        current = input;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (position == bytes.length) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        // Never past the end of the current line: what JShell has read is then exactly what it asked for.
        int end = Math.min(lineEnds[served], position + len);
        System.arraycopy(bytes, position, b, off, end - position);
        int count = end - position;
        position = end;
        if (position == lineEnds[served]) {
            served++;
        }
        return count;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** Called as JShell loads the classes of a snippet it has just read: they start where the snippet starts. */
    synchronized void loaded(Collection<String> classNames) {
        if (served == 0) {
            return; // the start-up's snippets, before the script
        }
        SnippetStart start = snippetStart();
        classNames.forEach(name -> starts.put(name, start));
        boundary = served;
    }

    /** Called when JShell reports a compile error: that snippet ended too, without loading anything. */
    synchronized void rejected() {
        boundary = served;
    }

    /** How many lines of the script JShell has read. */
    synchronized int served() {
        return served;
    }

    /** Line {@code number} (from 1) of the script, or null. */
    String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : null;
    }

    /**
     * Records where a snippet's failure happened, for the report JShell prints next: the start of each snippet frame
     * of {@code failure}'s stack trace (innermost first) and of the statement that was running.
     *
     * @param framesShown whether JShell prints the stack trace (otherwise only the snippet frames are given to it,
     *                    for it to translate, and the report hides them)
     */
    synchronized void failed(String statementClass, Throwable failure, boolean framesShown) {
        List<SnippetStart> frames = Arrays.stream(snippetFrames(failure))
                .map(frame -> starts.getOrDefault(frame.getClassName(), SnippetStart.UNKNOWN))
                .toList();
        pendingFailure = new FailureSite(frames, starts.getOrDefault(statementClass, SnippetStart.UNKNOWN), framesShown);
    }

    /** The failure recorded last, once: null when there is none or it was taken. */
    synchronized FailureSite takeFailure() {
        FailureSite site = pendingFailure;
        pendingFailure = null;
        return site;
    }

    /** The frames of {@code failure}'s stack trace that run snippet code, innermost first. */
    static StackTraceElement[] snippetFrames(Throwable failure) {
        return Arrays.stream(failure.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith(SNIPPET_CLASS_PREFIX))
                .toArray(StackTraceElement[]::new);
    }

    /**
     * The first line of the snippet JShell read last: the line the previous snippet ended on when JShell has read
     * nothing since (several snippets on one line), else the first line after it that holds code, or the comment
     * before that code. JShell runs a line with a comment alone, an import alone or a command as it comes, so those
     * are no snippet's start; a comment followed by code on its last line belongs to the code's snippet.
     */
    private SnippetStart snippetStart() {
        if (served == boundary) {
            return new SnippetStart(served, true);
        }
        int commentStart = 0;
        for (int number = boundary + 1; number <= served; number++) {
            String rest = lines.get(number - 1).strip();
            while (!rest.isEmpty()) {
                if (commentStart != 0) {
                    int close = rest.indexOf("*/");
                    rest = close < 0 ? "" : rest.substring(close + 2).strip();
                    if (close >= 0 && !rest.isEmpty()) {
                        // Code after a comment on its line: JShell's snippet began with the comment.
                        return new SnippetStart(commentStart, true);
                    }
                    commentStart = close < 0 ? commentStart : 0;
                } else if (rest.startsWith("//")) {
                    rest = "";
                } else if (rest.startsWith("/*")) {
                    commentStart = number;
                    rest = rest.substring(2);
                } else {
                    break;
                }
            }
            if (!rest.isEmpty() && !NO_SNIPPET.matcher(rest).matches()) {
                return new SnippetStart(number, true);
            }
        }
        // Only commands since the last snippet: classes of a file that /open ran, say. Name the command's line.
        return new SnippetStart(served, false);
    }

    /**
     * Where a snippet starts in the script.
     *
     * @param line     the script line, from 1; 0 when unknown
     * @param offsetBy whether a line within the snippet counts from {@code line} (false: the snippet came from a
     *                 command on {@code line}, such as {@code /open})
     */
    record SnippetStart(int line, boolean offsetBy) {
        static final SnippetStart UNKNOWN = new SnippetStart(0, false);

        /** The script line of the snippet's line {@code lineInSnippet} (from 1); 0 when unknown. */
        int scriptLine(int lineInSnippet) {
            return offsetBy ? line + lineInSnippet - 1 : line;
        }
    }

    /**
     * A runtime failure as the launcher locates it.
     *
     * @param frames      the start of the snippet of each snippet frame JShell will report, innermost first
     * @param statement   the start of the statement that was running
     * @param framesShown whether JShell shows the frames or the report hides them
     */
    record FailureSite(List<SnippetStart> frames, SnippetStart statement, boolean framesShown) {
    }
}

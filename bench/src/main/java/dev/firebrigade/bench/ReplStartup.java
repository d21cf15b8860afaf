package dev.firebrigade.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * REPL start-up against plain {@code jshell}: wall time to the first prompt, and to finish a one-line script, each
 * command run several times, interleaved, with the medians' ratio. Commands run through {@code bash -c}.
 * <pre>
 * java -cp bench/target/firebrigade-bench.jar dev.firebrigade.bench.ReplStartup \
 *      --ours scripts/firebrigade --plain jshell --runs 5
 * </pre>
 * The script is run as {@code <ours> run FILE} and {@code <plain> FILE} ({@code --ours-script} and
 * {@code --plain-script} change that, {@code {}} standing for the file), with stdin from /dev/null; it prints
 * {@code ready 42} and exits. The prompt is any line ending in {@code "> "} ({@code jshell> }, {@code firebrigade> }).
 */
public final class ReplStartup {
    /** A prompt at the end of the output so far; JShell's line editor may follow it with a space and a backspace. */
    private static final Pattern PROMPT = Pattern.compile("(?s).*\\S> [ \b]*$");
    private static final String SCRIPT = "System.out.println(\"ready \" + (6 * 7));\n/exit\n";

    private ReplStartup() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String ours = given.getOrDefault("ours", "scripts/firebrigade");
        String plain = given.getOrDefault("plain", "jshell");
        String oursScript = given.getOrDefault("ours-script", ours + " run {}");
        String plainScript = given.getOrDefault("plain-script", plain + " {}");
        int runs = Integer.parseInt(given.getOrDefault("runs", "5"));
        if (!unknown(given).isEmpty()) {
            throw new IllegalArgumentException("unknown options " + unknown(given)
                    + " (--ours, --plain, --ours-script, --plain-script, --runs)");
        }
        Path script = Files.createTempFile("one-line", ".jsh");
        Files.writeString(script, SCRIPT);
        try {
            // One untimed run each: a first build, a class data sharing archive or a cold disk cache is not start-up.
            toPrompt(ours);
            toPrompt(plain);
            long[][] prompt = new long[2][runs];
            long[][] scripted = new long[2][runs];
            for (int r = 0; r < runs; r++) {
                boolean oursFirst = r % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean isOurs = (k == 0) == oursFirst;
                    int slot = isOurs ? 0 : 1;
                    prompt[slot][r] = toPrompt(isOurs ? ours : plain);
                    scripted[slot][r] = runScript((isOurs ? oursScript : plainScript).replace("{}", script.toString()));
                }
            }
            System.out.printf(Locale.ROOT, "REPL start-up, %d runs each, medians (min):%n", runs);
            System.out.printf(Locale.ROOT, "| | ours: %s | plain: %s | ours / plain |%n|---|---:|---:|---:|%n", ours, plain);
            row("to the first prompt", prompt);
            row("one-line script", scripted);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static void row(String what, long[][] millis) {
        long[] ours = millis[0].clone();
        long[] plain = millis[1].clone();
        Arrays.sort(ours);
        Arrays.sort(plain);
        long o = ours[ours.length / 2];
        long p = plain[plain.length / 2];
        System.out.printf(Locale.ROOT, "| %s | %d ms (%d) | %d ms (%d) | %.2f |%n", what, o, ours[0], p, plain[0],
                (double) o / p);
    }

    /** Milliseconds from launch until the output ends in a prompt; then {@code /exit}. */
    static long toPrompt(String command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        var seen = new StringBuilder();
        long elapsed = -1;
        try (InputStream out = process.getInputStream(); OutputStream in = process.getOutputStream()) {
            byte[] chunk = new byte[4096];
            for (int n = out.read(chunk); n >= 0; n = out.read(chunk)) {
                seen.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
                if (PROMPT.matcher(seen).matches()) {
                    elapsed = (System.nanoTime() - start) / 1_000_000;
                    in.write("/exit\n".getBytes(StandardCharsets.UTF_8));
                    in.flush();
                    break;
                }
            }
            out.transferTo(OutputStream.nullOutputStream());
        }
        finish(process, command);
        if (elapsed < 0) {
            throw new IllegalStateException("no prompt from `" + command + "`; it printed:\n" + seen);
        }
        return elapsed;
    }

    /** Milliseconds from launch until the script's process has exited, having printed {@code ready 42}. */
    static long runScript(String command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        finish(process, command);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        if (!output.contains("ready 42")) {
            throw new IllegalStateException("`" + command + "` did not print the script's line; it printed:\n" + output);
        }
        return elapsed;
    }

    private static void finish(Process process, String command) throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("`" + command + "` did not exit within 120 s");
        }
    }

    /** Unused arguments are an error rather than silently ignored. */
    static List<String> unknown(Map<String, String> given) {
        var extra = new ArrayList<>(given.keySet());
        extra.removeAll(List.of("ours", "plain", "ours-script", "plain-script", "runs"));
        return extra;
    }
}

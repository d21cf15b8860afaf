package dev.firebrigade.repl;

import dev.firebrigade.bulk.BulkProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Shows a bulk's progress: on a terminal a live bar (me.tongfei:progressbar) with done/total, rate, problems and
 * ETA; elsewhere (a pipe, a CI log) one line every {@link #LOG_EVERY}. Pass it to {@code Bulk.onProgress(...)} and
 * close it when the report arrives:
 * <pre>{@code
 * try (var display = BulkDisplay.forConsole("Creating")) {
 *     report = actions().bulk(file).onProgress(display).run().await();
 * }
 * }</pre>
 */
public final class BulkDisplay implements Consumer<BulkProgress>, AutoCloseable {
    /** How often a line is logged off a terminal. */
    public static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private final String task;
    private final PrintStream log;
    private final ProgressBar bar;
    private volatile BulkProgress latest;
    private BulkProgress logged;
    private long lastLogNanos;
    private boolean closed;

    private BulkDisplay(String task, PrintStream log, ProgressBar bar) {
        this.task = task;
        this.log = log;
        this.bar = bar;
    }

    /** A live bar when this JVM has a terminal, else log lines; both on standard error. */
    public static BulkDisplay forConsole(String task) {
        return forConsole(task, System.err);
    }

    /** A live bar on {@code out} when this JVM has a terminal, else log lines on it. */
    public static BulkDisplay forConsole(String task, PrintStream out) {
        return System.console() != null ? bar(task, out) : lines(task, out);
    }

    /** A live bar drawn on {@code out}. */
    public static BulkDisplay bar(String task, PrintStream out) {
        var holder = new BulkDisplay[1];
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(-1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUnit(" rows", 1)
                .showSpeed()
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                // Our ETA comes from the rate of the last seconds, not the average since the start (a resumed
                // run skips its done rows in a flash and would promise far too early an end).
                .setEtaFunction(state -> holder[0].latest == null ? Optional.empty()
                        : Optional.ofNullable(holder[0].latest.eta()))
                .build();
        holder[0] = new BulkDisplay(task, null, bar);
        return holder[0];
    }

    /** One line per {@link #LOG_EVERY} on {@code out}, and one at the end. */
    public static BulkDisplay lines(String task, PrintStream out) {
        return new BulkDisplay(task, out, null);
    }

    @Override
    public void accept(BulkProgress progress) {
        latest = progress;
        if (bar != null) {
            bar.maxHint(progress.total());
            bar.stepTo(progress.done());
            bar.setExtraMessage(extra(progress));
            return;
        }
        long now = System.nanoTime();
        if (lastLogNanos == 0 || now - lastLogNanos >= LOG_EVERY.toNanos()) {
            lastLogNanos = now;
            logLine(progress);
        }
    }

    private static String extra(BulkProgress p) {
        var out = new StringBuilder();
        if (p.failed() > 0) {
            out.append(p.failed()).append(" failed ");
        }
        if (p.unknown() > 0) {
            out.append(p.unknown()).append(" unknown ");
        }
        if (p.skipped() > 0) {
            out.append(p.skipped()).append(" skipped ");
        }
        return out.toString().strip();
    }

    /** Draws the final state; the bar stays on screen. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (bar != null) {
            bar.close();
        } else if (latest != null && latest != logged) {
            logLine(latest);
        }
    }

    private synchronized void logLine(BulkProgress progress) {
        logged = progress;
        log.println(task + ": " + progress);
    }
}

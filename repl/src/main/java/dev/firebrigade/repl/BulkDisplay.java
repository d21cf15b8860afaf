package dev.firebrigade.repl;

import dev.firebrigade.bulk.BulkProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Shows a bulk's progress: on a terminal a live bar (me.tongfei:progressbar) with done/total, rate, problems and
 * ETA (the bulk's one ETA, which knows when the rate limiter's burst is over); elsewhere (a pipe, a CI log) one line every {@link #LOG_EVERY}. Pass it to {@code Bulk.onProgress(...)} and
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
    /** Built on the first progress, so nothing is drawn for a run that never starts. */
    private final Supplier<ProgressBar> barFactory;
    private ProgressBar bar;
    private volatile BulkProgress latest;
    private BulkProgress logged;
    private long lastLogNanos;
    private boolean closed;

    private BulkDisplay(String task, PrintStream log, Supplier<ProgressBar> barFactory) {
        this.task = task;
        this.log = log;
        this.barFactory = barFactory;
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
        return new BulkDisplay(task, null, () -> new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(-1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUnit(" rows", 1)
                // Rate and ETA are the bulk's own, in the extra message, so the bar and the log lines show the same
                // figures: the bar's would average since the start and miss that the rate limiter's burst ended.
                .hideEta()
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .build());
    }

    /** One line per {@link #LOG_EVERY} on {@code out}, and one at the end. */
    public static BulkDisplay lines(String task, PrintStream out) {
        return new BulkDisplay(task, out, null);
    }

    @Override
    public synchronized void accept(BulkProgress progress) {
        latest = progress;
        if (barFactory != null) {
            if (closed) {
                return;
            }
            if (bar == null) {
                bar = barFactory.get();
            }
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

    /** {@code 20.1/s 3 failed ETA 41.2 s}: the figures of {@link BulkProgress#toString()}, for the bar. */
    static String extra(BulkProgress p) {
        var out = new StringBuilder(String.format("%.1f/s ", p.rowsPerSecond()));
        if (p.failed() > 0) {
            out.append(p.failed()).append(" failed ");
        }
        if (p.unknown() > 0) {
            out.append(p.unknown()).append(" unknown ");
        }
        if (p.skipped() > 0) {
            out.append(p.skipped()).append(" skipped ");
        }
        return out.append(p.etaText()).toString().strip();
    }

    /** Draws the final state; the bar stays on screen. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (barFactory != null) {
            if (bar != null) {
                bar.close();
            }
        } else if (latest != null && latest != logged) {
            logLine(latest);
        }
    }

    private synchronized void logLine(BulkProgress progress) {
        logged = progress;
        log.println(task + ": " + progress);
    }
}

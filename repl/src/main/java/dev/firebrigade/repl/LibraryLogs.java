package dev.firebrigade.repl;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The REPL, scripts and bulk report every failure in their own words, once; the libraries' log lines (Vert.x's
 * {@code ConnectionBase ... SEVERE: Connection reset} on a flaky network, Netty's notes) would only repeat them in
 * between. So java.util.logging, which Vert.x and Netty use when SLF4J is absent, is off unless
 * {@value #ENV} asks for a level: {@code debug} shows everything worth seeing when something is wrong.
 */
final class LibraryLogs {
    static final String ENV = "FIREBRIGADE_LOG";

    private LibraryLogs() {
    }

    /** Sets the level of every logger and of the console handler from {@value #ENV}, off when unset. */
    static void configure(Map<String, String> env, PrintStream err) {
        String wanted = env.get(ENV);
        Level level = Level.OFF;
        if (wanted != null && !wanted.isBlank()) {
            try {
                level = level(wanted.strip());
            } catch (IllegalArgumentException e) {
                err.println("firebrigade: " + ENV + "=" + wanted.strip() + " is not a level (debug, info, warning,"
                        + " error, off); library logs stay off");
            }
        }
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        for (Handler handler : root.getHandlers()) {
            handler.setLevel(level);
        }
    }

    /** SLF4J's names, which people know, and java.util.logging's own. */
    private static Level level(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.FINEST;
            case "debug" -> Level.FINE;
            case "warn" -> Level.WARNING;
            case "error" -> Level.SEVERE;
            default -> Level.parse(name.toUpperCase(Locale.ROOT));
        };
    }
}

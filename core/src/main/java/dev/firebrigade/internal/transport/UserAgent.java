package dev.firebrigade.internal.transport;

import dev.firebrigade.Version;

/** Builds our User-Agent, so incident.io can tell Firebrigade's traffic and version apart. */
final class UserAgent {
    private static final String VERSION = Version.current();

    private UserAgent() {
    }

    static String of(String suffix) {
        String base = "firebrigade/" + VERSION + " (Java " + Runtime.version().feature() + "; Vert.x)";
        return suffix == null || suffix.isBlank() ? base : base + " " + suffix;
    }
}

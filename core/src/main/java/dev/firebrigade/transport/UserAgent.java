package dev.firebrigade.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Builds our User-Agent, so incident.io can tell Firebrigade's traffic and version apart. */
final class UserAgent {
    private static final String VERSION = readVersion();

    private UserAgent() {
    }

    static String of(String suffix) {
        String base = "firebrigade/" + VERSION + " (Java " + Runtime.version().feature() + "; Vert.x)";
        return suffix == null || suffix.isBlank() ? base : base + " " + suffix;
    }

    /** The version Maven wrote into our resources, "dev" when run from unbuilt sources. */
    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("/dev/firebrigade/version.properties")) {
            if (in == null) {
                return "dev";
            }
            var props = new Properties();
            props.load(in);
            return props.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}

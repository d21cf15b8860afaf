package dev.firebrigade;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Firebrigade's own version, as Maven wrote it into our resources; "dev" when run from unbuilt sources. */
public final class Version {
    private static final String CURRENT = read();

    private Version() {
    }

    /** Such as {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/firebrigade/version.properties")) {
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

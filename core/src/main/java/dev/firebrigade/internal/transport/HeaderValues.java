package dev.firebrigade.internal.transport;

import dev.firebrigade.error.InvalidInputException;

/**
 * The one check every header value passes before it is sent: printable ASCII, spaces and tabs only. A CR or LF would
 * end the header and let the rest forge new ones (or a second request); other characters do not survive HTTP/1.1.
 */
public final class HeaderValues {
    private HeaderValues() {
    }

    /**
     * Returns {@code value} when it is safe as the value of header {@code name}.
     *
     * @throws InvalidInputException naming {@code name} (never quoting the value, which may be a secret)
     */
    public static String check(String name, String value) {
        if (value == null) {
            throw new InvalidInputException(name, "is missing", "pass a value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new InvalidInputException(name, "contains a line break", "remove CR and LF characters");
            }
            if ((c < 0x20 && c != '\t') || c > 0x7E) {
                throw new InvalidInputException(name, "contains a character that is not printable ASCII (at index " + i + ")",
                        "use printable ASCII only");
            }
        }
        return value;
    }
}

package dev.firebrigade.model;

/** Shortening of free text for one-line displays. */
final class Text {
    private Text() {
    }

    /** Quotes {@code text} on one line, cut to {@code max} characters with an ellipsis. */
    static String oneLine(String text, int max) {
        if (text == null) {
            return "\"\"";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return "\"" + (flat.length() > max ? flat.substring(0, max - 1) + "…" : flat) + "\"";
    }
}

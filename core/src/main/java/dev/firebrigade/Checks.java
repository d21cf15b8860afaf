package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;

/** Argument checks shared by the drafts, each naming the field and the DSL step that fixes it. */
final class Checks {
    private Checks() {
    }

    /** {@code value}, unless it is null or blank. */
    static String present(String value, String field, String fix) {
        if (value == null) {
            throw new InvalidInputException(field, "is missing", fix);
        }
        if (value.isBlank()) {
            throw new InvalidInputException(field, "is blank", fix);
        }
        return value;
    }
}

package dev.firebrigade.error;

/**
 * Bad input caught before anything was sent: names the field and how to fix it, e.g.
 * {@code description is required: call describe("…")}.
 */
public class InvalidInputException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String fix;

    public InvalidInputException(String field, String problem, String fix) {
        super(0, "invalid_input", field + " " + problem + ": " + fix, null, null, null, null, null);
        this.field = field;
        this.fix = fix;
    }

    /** The field at fault, as incident.io names it ({@code incident_id}, {@code description}, …). */
    public String field() {
        return field;
    }

    /** What to do about it. */
    public String fix() {
        return fix;
    }
}

package dev.firebrigade.model;

/**
 * A severity as the organisation configured it ({@code SeverityV2}).
 *
 * @param rank higher is more severe
 */
public record Severity(String id, String name, Long rank) {

    @Override
    public String toString() {
        return name;
    }
}

package dev.firebrigade.model;

/**
 * An incident's status as the organisation configured it ({@code IncidentStatusV2}), such as "Investigating" in
 * category {@link IncidentStatusCategory#LIVE}.
 *
 * @param rank the order of the status in the organisation's workflow
 */
public record IncidentStatus(String id, String name, IncidentStatusCategory category, Long rank) {

    @Override
    public String toString() {
        return name + " (" + (category == null ? "?" : category.wireName()) + ")";
    }
}

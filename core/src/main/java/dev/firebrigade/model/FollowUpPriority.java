package dev.firebrigade.model;

/** A follow-up priority the organisation configured ({@code FollowUpPriorityV2}); a higher rank comes first. */
public record FollowUpPriority(String id, String name, Long rank, String description) {

    @Override
    public String toString() {
        return name;
    }
}

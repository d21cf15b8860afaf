package dev.firebrigade.model;

/** A follow-up category the organisation configured ({@code FollowUpCategoryV3}). */
public record FollowUpCategory(String id, String name, Long rank, String description) {

    @Override
    public String toString() {
        return name;
    }
}

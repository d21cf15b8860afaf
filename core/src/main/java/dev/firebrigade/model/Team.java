package dev.firebrigade.model;

/** A team, as embedded in other objects ({@code TeamSlimV2}). */
public record Team(String id, String name) {

    @Override
    public String toString() {
        return name;
    }
}

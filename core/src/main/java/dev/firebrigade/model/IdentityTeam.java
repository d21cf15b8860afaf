package dev.firebrigade.model;

/** A team an API key is scoped to ({@code IdentityTeamV1}). */
public record IdentityTeam(String id, String name) {

    @Override
    public String toString() {
        return name;
    }
}

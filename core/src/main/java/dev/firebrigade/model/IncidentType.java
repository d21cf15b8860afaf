package dev.firebrigade.model;

/** The type of an incident ({@code IncidentTypeV2}); only its identity is kept here. */
public record IncidentType(String id, String name) {

    @Override
    public String toString() {
        return name;
    }
}

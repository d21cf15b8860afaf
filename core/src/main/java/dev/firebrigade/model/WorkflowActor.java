package dev.firebrigade.model;

/** A workflow that acted. */
public record WorkflowActor(String id, String name) {
}

package dev.firebrigade.model;

/** An alert that acted, for example by creating an action. */
public record AlertActor(String id, String title) {
}

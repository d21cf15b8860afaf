package dev.firebrigade.model;

/** An API key that acted; {@code name} is the label given to the key, never the secret. */
public record ApiKeyActor(String id, String name) {
}

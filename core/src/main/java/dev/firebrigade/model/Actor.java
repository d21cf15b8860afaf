package dev.firebrigade.model;

/** Who did something: in practice one of an alert, an API key, a user or a workflow ({@code ActorV2}). */
public record Actor(AlertActor alert, ApiKeyActor apiKey, User user, WorkflowActor workflow) {

    /** A short human description of whoever acted. */
    public String describe() {
        if (user != null) {
            return user.name();
        }
        if (apiKey != null) {
            return "API key " + apiKey.name();
        }
        if (workflow != null) {
            return "workflow " + workflow.name();
        }
        if (alert != null) {
            return "alert " + alert.title();
        }
        return "unknown";
    }

    @Override
    public String toString() {
        return "Actor " + describe();
    }
}

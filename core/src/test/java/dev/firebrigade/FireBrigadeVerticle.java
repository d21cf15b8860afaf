package dev.firebrigade;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** The README's embedding example, compiled and run by {@link EmbeddingTest}; change both together. */
public class FireBrigadeVerticle extends VerticleBase {
    private IncidentIo io;

    @Override
    public Future<?> start() {
        // The verticle's config is the options' JSON form: apiKey, baseUrl, timeouts, proxy... (vertx-config works)
        io = IncidentIo.create(vertx, new IncidentIoOptions(config()));
        vertx.eventBus().<String>consumer("fire-brigade.call", message -> io.actions()
                .forIncident(message.body())                    // an incident ID or its reference, "INC-123"
                .describe("Call the fire brigade")              // Markdown
                .assignTo("lisa@incident.io")                   // a user ID, an email or a User
                .create()                                       // a Future<Action>: nothing blocks the event loop
                .onSuccess(action -> message.reply(action.id()))
                .onFailure(error -> message.fail(500, error.getMessage())));   // typed, with incident.io's request id
        return io.identity().onFailure(refused -> io.close()); // a refused key fails the deployment
    }

    @Override
    public Future<?> stop() {
        return io.close();                                      // the HTTP client; your Vertx keeps running
    }
}

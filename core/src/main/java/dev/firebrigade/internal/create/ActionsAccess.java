package dev.firebrigade.internal.create;

import dev.firebrigade.ActionDraft;
import dev.firebrigade.Actions;
import dev.firebrigade.model.Action;
import io.vertx.core.Future;

import java.util.function.Function;

/**
 * How the bulk reaches the action create engine behind an {@link Actions} without a public method on it: the way the
 * JDK's own packages share internals. {@link Actions} registers the bridge when its class is initialised, which has
 * happened by the time anyone holds an instance.
 */
public final class ActionsAccess {
    /** What the bulk needs of an {@link Actions}. */
    public interface Bridge {
        /** The draft with its references and emails resolved, ready for the engine. */
        Future<Creatable<Action>> resolve(ActionDraft draft);

        /** The engine every action create of this client goes through. */
        CreateEngine<Action> engine();
    }

    private static volatile Function<Actions, Bridge> bridges;

    private ActionsAccess() {
    }

    /** Called once, by {@link Actions}. */
    public static void register(Function<Actions, Bridge> bridge) {
        if (bridges != null) {
            throw new IllegalStateException("the actions bridge is registered already");
        }
        bridges = bridge;
    }

    /** The bridge to {@code actions}' engine. */
    public static Bridge of(Actions actions) {
        return bridges.apply(actions);
    }
}

package dev.firebrigade.internal.create;

import dev.firebrigade.ActionDraft;
import dev.firebrigade.Actions;
import dev.firebrigade.FollowUpDraft;
import dev.firebrigade.FollowUps;
import dev.firebrigade.bulk.JournalBinding;
import dev.firebrigade.model.Action;
import dev.firebrigade.model.FollowUp;
import io.vertx.core.Future;

import java.util.function.Function;

/**
 * How the bulk reaches the create engine behind {@link Actions} and {@link FollowUps} without a public method on them:
 * the way the JDK's own packages share internals. Each resource registers its bridge when its class is initialised,
 * which has happened by the time anyone holds an instance.
 */
public final class BulkAccess {
    /** What the bulk needs of a resource whose drafts {@code D} create {@code T}s. */
    public interface Bridge<D, T> {
        /** The draft with its references and emails resolved, ready for the engine. */
        Future<Creatable<T>> resolve(D draft);

        /** The engine every create of this kind of this client goes through. */
        CreateEngine<T> engine();

        /** Where creates land, as a bulk journal records it (the key's identity, never the key). */
        Future<JournalBinding> journalBinding();
    }

    private static volatile Function<Actions, Bridge<ActionDraft, Action>> actions;
    private static volatile Function<FollowUps, Bridge<FollowUpDraft, FollowUp>> followUps;

    private BulkAccess() {
    }

    /** Called once, by {@link Actions}. */
    public static void registerActions(Function<Actions, Bridge<ActionDraft, Action>> bridge) {
        if (actions != null) {
            throw new IllegalStateException("the actions bridge is registered already");
        }
        actions = bridge;
    }

    /** Called once, by {@link FollowUps}. */
    public static void registerFollowUps(Function<FollowUps, Bridge<FollowUpDraft, FollowUp>> bridge) {
        if (followUps != null) {
            throw new IllegalStateException("the follow-ups bridge is registered already");
        }
        followUps = bridge;
    }

    /** The bridge to {@code resource}'s engine. */
    public static Bridge<ActionDraft, Action> of(Actions resource) {
        return actions.apply(resource);
    }

    /** The bridge to {@code resource}'s engine. */
    public static Bridge<FollowUpDraft, FollowUp> of(FollowUps resource) {
        return followUps.apply(resource);
    }
}

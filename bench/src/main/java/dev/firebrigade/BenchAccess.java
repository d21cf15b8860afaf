package dev.firebrigade;

import dev.firebrigade.model.Action;

/**
 * Lets the JMH benchmarks reach the package-private payloads that {@code Actions} hands to the transport, so they
 * measure the exact types the client encodes and decodes. Lives in the bench module only; not part of the library.
 */
public final class BenchAccess {
    private BenchAccess() {
    }

    /** The body {@code create()} would send for {@code draft} (validated, as create() does). */
    public static Object createPayload(ActionDraft draft) {
        return draft.payload();
    }

    /** The type the transport decodes a create's 201 into. */
    public static Class<?> createResultType() {
        return ActionPayloads.One.class;
    }

    /** The action inside a decoded create result. */
    public static Action action(Object createResult) {
        return ((ActionPayloads.One) createResult).action();
    }
}

package dev.firebrigade.bulk;

import dev.firebrigade.internal.create.ClaimStore;
import io.vertx.core.Future;

import java.time.Instant;

/** A row's draft, whatever it creates, as the run sends, checks and settles it: see {@link Creator}. */
interface RowDraft {
    /** Creates it through the client's create engine; the created item's ID. */
    Future<String> create();

    /** Dry run: it is complete and its references resolve (only read-only lookups are sent). */
    Future<?> check();

    /**
     * Whether a create of it first sent at {@code firstSent} landed, through the engine's one check: the ID it made,
     * now claimed in {@code claims}, or null when it provably did not. Fails when the check could not be made.
     */
    Future<String> settle(Instant firstSent, ClaimStore claims);
}

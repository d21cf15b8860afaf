package dev.firebrigade.internal.create;

import io.vertx.core.Future;

import java.util.Set;

/**
 * The IDs a settling must not take. A bulk settles rows long after they were sent, so the IDs it gave to its rows (in
 * its journal, or in memory) are kept by it, beyond the horizon of the engine's ledger.
 */
public interface ClaimStore {
    /** Which of {@code ids} are claimed. */
    Future<Set<String>> claimedAmong(Set<String> ids);

    /** Claims {@code id}, found by a settling: before the next settling of the same key may look. */
    void claim(String id);
}

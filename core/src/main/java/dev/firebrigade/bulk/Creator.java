package dev.firebrigade.bulk;

import dev.firebrigade.RetryPolicy;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.internal.create.BulkAccess;
import dev.firebrigade.internal.create.ClaimStore;
import io.vertx.core.Future;

import java.time.Instant;

/**
 * What a bulk of one kind needs of its resource: how a row becomes a draft {@code D}, what is checked before sending,
 * and how a draft is created, checked and settled through the client's one create engine (reached through
 * {@link BulkAccess}). The run itself never knows what it creates.
 */
abstract class Creator<D, T> {
    private final BulkAccess.Bridge<D, T> bridge;
    private final BulkKind kind;
    private final Class<D> draftType;
    private final String path;

    /**
     * @param draftType the drafts a list or stream of this kind holds
     * @param path      where creates are sent, for errors
     */
    Creator(BulkAccess.Bridge<D, T> bridge, BulkKind kind, Class<D> draftType, String path) {
        this.bridge = bridge;
        this.kind = kind;
        this.draftType = draftType;
        this.path = path;
    }

    final BulkKind kind() {
        return kind;
    }

    final Class<D> draftType() {
        return draftType;
    }

    final String path() {
        return path;
    }

    /** A row's draft, from fields {@link #problem} found nothing wrong with. */
    abstract D draft(RowFields fields);

    /** What a caller's draft says, for the journal and the row's key. */
    abstract RowFields fields(D draft);

    /** Sends the draft's create (the resource's own {@code create()}, through the engine). */
    abstract Future<T> create(D draft);

    /** The draft's {@code resolvedDryRun()}. */
    abstract Future<?> check(D draft);

    abstract String id(T created);

    /** What is wrong with a row of this kind, besides its incident, naming its column; null when nothing. */
    abstract InvalidInputException kindProblem(RowFields fields);

    /** A hash of what a row says, stable across versions: part of its key when the source has no key column. */
    abstract String contentHash(RowFields fields);

    /** The error of a row sent without a known outcome, carrying what it says. */
    abstract OutcomeUnknownException unknown(String why, RowFields fields, IncidentIoException cause);

    /** What is wrong with a row that can be told without a request, naming its column; null when nothing. */
    final InvalidInputException problem(RowFields fields) {
        if (fields.incident() == null) {
            return new InvalidInputException("incident", "is empty",
                    "give an incident ID or reference (INC-123) in the incident column");
        }
        return kindProblem(fields);
    }

    /** Where creates land, for the journal's binding. */
    final Future<JournalBinding> binding() {
        return bridge.journalBinding();
    }

    /** The client's policy: how long to wait before sending again what incident.io provably did not take. */
    final RetryPolicy policy() {
        return bridge.engine().policy();
    }

    /** A caller's draft as a row's. */
    final RowDraft row(D draft) {
        return new Row(draft);
    }

    /** The draft of a row's fields, as a row's. */
    final RowDraft row(RowFields fields) {
        return new Row(draft(fields));
    }

    private final class Row implements RowDraft {
        private final D draft;

        Row(D draft) {
            this.draft = draft;
        }

        @Override
        public Future<String> create() {
            return Creator.this.create(draft).map(Creator.this::id);
        }

        @Override
        public Future<?> check() {
            return Creator.this.check(draft);
        }

        @Override
        public Future<String> settle(Instant firstSent, ClaimStore claims) {
            return bridge.resolve(draft)
                    .compose(resolved -> bridge.engine().settle(resolved, firstSent, claims))
                    .map(found -> found == null ? null : id(found));
        }
    }
}

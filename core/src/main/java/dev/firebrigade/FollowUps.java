package dev.firebrigade;

import dev.firebrigade.bulk.Bulk;
import dev.firebrigade.bulk.BulkSource;
import dev.firebrigade.bulk.JournalBinding;
import dev.firebrigade.internal.create.BulkAccess;
import dev.firebrigade.internal.create.Creatable;
import dev.firebrigade.internal.create.CreateEngine;
import dev.firebrigade.internal.paging.Pager;
import dev.firebrigade.internal.wire.FollowUpPayloads;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.FollowUp;
import dev.firebrigade.model.IssueTracker;
import dev.firebrigade.internal.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * incident.io follow-ups, on the v3 API only (v2 is removed on 2026-12-31):
 * {@code followUps().forIncident("INC-2").title("Add a replica").create()}, {@code get(id)},
 * {@code list().forIncident("INC-2").fetch()}, {@code edit(id)...apply()}, {@code delete(id)},
 * {@code connectExternalIssue(id, JIRA, url)}, {@code createFromLink("INC-2", url)}, {@code watch()} and
 * {@code bulk(Path.of("followups.csv"))}.
 */
public final class FollowUps {
    private final Transport transport;
    private final Pager<FollowUp> pager;
    private final References references;
    private final CreateEngine<FollowUp> engine;
    private final Supplier<Future<JournalBinding>> binding;
    private final BulkAccess.Bridge<FollowUpDraft, FollowUp> bridge = new BulkAccess.Bridge<>() {
        @Override
        public Future<Creatable<FollowUp>> resolve(FollowUpDraft draft) {
            return draft.resolvedPayload().map(FollowUps.this::creatable);
        }

        @Override
        public CreateEngine<FollowUp> engine() {
            return engine;
        }

        @Override
        public Future<JournalBinding> journalBinding() {
            return Futures.attempt(binding::get);
        }
    };

    static {
        BulkAccess.registerFollowUps(followUps -> followUps.bridge);
    }

    /** @param binding learns where creates through these follow-ups land, for a bulk journal */
    FollowUps(Vertx vertx, Transport transport, References references, Supplier<Future<JournalBinding>> binding) {
        this.transport = transport;
        this.pager = new Pager<>(vertx, transport, FollowUpPayloads.Many.class);
        this.references = references;
        this.engine = new CreateEngine<>(transport);
        this.binding = binding;
    }

    /**
     * Starts a follow-up on an incident (its ID, or its reference {@code "INC-123"}); finish it with
     * {@code title(...)} and {@code create()}.
     */
    public FollowUpDraft forIncident(String incident) {
        return new FollowUpDraft(this, null, null, null, null, null, null, null).forIncident(incident);
    }

    /** Fetches one follow-up ({@code GET /v3/follow_ups/{id}}). */
    public Future<FollowUp> get(String id) {
        return Futures.attempt(() -> transport.send(ApiRequest.of(HttpMethod.GET, "/v3/follow_ups/{id}", id),
                FollowUpPayloads.One.class).map(FollowUpPayloads.One::followUp));
    }

    /** Starts a list query ({@code GET /v3/follow_ups}, paginated). */
    public FollowUpQuery list() {
        return new FollowUpQuery(pager, references, null, null, null, BracketFilters.NONE, null, null);
    }

    /**
     * Starts a watch on follow-ups: {@code watch().forIncident("INC-2").start()} is a stream of {@link Change}s, polled
     * from {@code /v3/follow_ups} with {@code updated_at[gte]}. See {@link Watch}.
     */
    public FollowUpWatch watch() {
        return new FollowUpWatch(list(), WatchSettings.DEFAULTS);
    }

    /** Starts changing a follow-up; {@link FollowUpEdit#apply()} sends it back whole with the changes. */
    public FollowUpEdit edit(String id) {
        return new FollowUpEdit(this, id);
    }

    /** Deletes a follow-up ({@code DELETE /v3/follow_ups/{id}}, 204); the only way to set it to deleted. */
    public Future<Void> delete(String id) {
        return Futures.attempt(() -> transport.send(ApiRequest.of(HttpMethod.DELETE, "/v3/follow_ups/{id}", id),
                Void.class));
    }

    /**
     * Connects a follow-up to an existing tracker issue ({@code POST /v3/follow_ups/{id}/actions/connect_external_issue});
     * incident.io refuses a follow-up that is already connected.
     */
    public Future<FollowUp> connectExternalIssue(String id, IssueTracker provider, String url) {
        return Futures.attempt(() -> {
            ApiRequest request = ApiRequest.of(HttpMethod.POST, "/v3/follow_ups/{id}/actions/connect_external_issue", id)
                    .withBody(new FollowUpPayloads.ConnectExternalIssue(checkedProvider(provider),
                            checkedUrl(url, "connectExternalIssue(...)")));
            return transport.send(request, FollowUpPayloads.One.class).map(FollowUpPayloads.One::followUp);
        });
    }

    /**
     * Creates a follow-up from an existing tracker issue ({@code POST /v3/follow_ups/actions/create_from_link}) on an
     * incident given by ID or reference; incident.io takes its title, description and assignee from the issue.
     * incident.io takes no idempotency key here, so a lost answer goes through the create engine: the incident's
     * follow-ups written since the first attempt are searched for the link; found means no second POST, proven
     * absent means one more, otherwise {@code OutcomeUnknownException} (kind {@code FOLLOW_UP_FROM_LINK}). See
     * {@link FollowUpLinkCreate} for how links are compared.
     */
    public Future<FollowUp> createFromLink(String incident, String url) {
        return Futures.attempt(() -> {
            Checks.present(incident, "incident_id", "pass an incident ID or reference (INC-123) to createFromLink(...)");
            String link = checkedUrl(url, "createFromLink(...)");
            return references.incidentId(incident, "incident_id", "createFromLink(...)").compose(id -> {
                var payload = new FollowUpPayloads.CreateFromLink(id, link);
                return engine.create(new FollowUpLinkCreate(this, transport,
                        ApiRequest.of(HttpMethod.POST, "/v3/follow_ups/actions/create_from_link").withBody(payload),
                        payload));
            });
        });
    }

    /**
     * Creates many follow-ups, safe to re-run: finish with {@code run()}, {@code start()} or {@code dryRun()}, after
     * {@code journal(path)} to make it resumable. See {@link Bulk}.
     */
    public Bulk bulk(List<FollowUpDraft> drafts) {
        return bulk(BulkSource.ofFollowUps(drafts));
    }

    /** {@link #bulk(List)} from a stream, pulled only as fast as the bulk sends. */
    public Bulk bulk(Stream<FollowUpDraft> drafts) {
        return bulk(BulkSource.ofFollowUps(drafts));
    }

    /**
     * {@link #bulk(List)} from a CSV file (header {@code incident,title}, optional {@code description,assignee,
     * priority,category,labels,key}) or a JSON Lines file ({@code .jsonl}, {@code .ndjson}), streamed.
     */
    public Bulk bulk(Path file) {
        return bulk(BulkSource.file(file));
    }

    /** {@link #bulk(List)} from any {@link BulkSource}. */
    public Bulk bulk(BulkSource source) {
        return Bulk.of(pager.vertx(), this, source);
    }

    /** Creates the follow-up without losing or doubling it when the answer is lost: see {@link CreateEngine}. */
    Future<FollowUp> create(FollowUpPayloads.Create payload) {
        return engine.create(creatable(payload));
    }

    private FollowUpCreate creatable(FollowUpPayloads.Create payload) {
        return new FollowUpCreate(this, transport, createRequest(payload), payload);
    }

    RequestPreview preview(FollowUpPayloads.Create payload) {
        return transport.preview(createRequest(payload));
    }

    private static ApiRequest createRequest(FollowUpPayloads.Create payload) {
        return ApiRequest.of(HttpMethod.POST, "/v3/follow_ups").withBody(payload);
    }

    Future<FollowUp> replace(String id, FollowUpPayloads.Update update) {
        return transport.send(ApiRequest.of(HttpMethod.PUT, "/v3/follow_ups/{id}", id).withBody(update),
                FollowUpPayloads.One.class).map(FollowUpPayloads.One::followUp);
    }

    References references() {
        return references;
    }

    private static IssueTracker checkedProvider(IssueTracker provider) {
        if (provider == null || provider == IssueTracker.UNKNOWN) {
            throw new InvalidInputException("provider", "is " + provider,
                    "pass the tracker the issue lives in, e.g. IssueTracker.JIRA, to connectExternalIssue(...)");
        }
        return provider;
    }

    /** A web link to an issue: absolute http(s), with a host, no spaces or control characters; stripped. */
    private static String checkedUrl(String url, String step) {
        Checks.present(url, "url", "pass the issue's https:// link to " + step);
        String given = url.strip();
        URI uri;
        try {
            uri = new URI(given);
        } catch (URISyntaxException notALink) {
            uri = null;
        }
        if (uri == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new InvalidInputException("url", "is not a web link", "pass the issue's https:// link to " + step);
        }
        return given;
    }

    @Override
    public String toString() {
        return "FollowUps";
    }
}

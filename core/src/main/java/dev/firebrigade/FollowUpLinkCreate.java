package dev.firebrigade;

import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.internal.create.CreateKey;
import dev.firebrigade.internal.create.CreatePost;
import dev.firebrigade.internal.transport.Transport;
import dev.firebrigade.internal.wire.FollowUpPayloads;
import dev.firebrigade.model.ExternalIssue;
import dev.firebrigade.model.FollowUp;
import dev.firebrigade.model.IncidentMode;
import io.vertx.core.Future;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One follow-up create from a tracker issue's link, incident resolved, as the create engine sends, lists and matches
 * it. incident.io takes the title, description and assignee from the issue and backdates {@code created_at} to the
 * issue's creation, so a lost answer is looked for by what was sent, the link
 * ({@code external_issue_reference.issue_permalink}), among the incident's follow-ups written since the first attempt
 * ({@code updated_at[gte]}, incident.io's clock). A follow-up made from the same link earlier is outside that window
 * unless it was changed during it (a sync from the tracker): that one would be taken for this one.
 *
 * <p>incident.io may store the tracker's own form of the link (a slug added, another path). Links are compared with
 * case-blind scheme and host, without a fragment or a trailing slash; a follow-up in the window linked to another issue
 * on the same host may still be this one in another form, so its presence leaves the outcome unknown rather than risk
 * a second follow-up.
 */
final class FollowUpLinkCreate extends CreatePost<FollowUp, FollowUpPayloads.One> {
    private final FollowUps followUps;
    private final FollowUpPayloads.CreateFromLink payload;
    private final String host;

    FollowUpLinkCreate(FollowUps followUps, Transport transport, ApiRequest request,
                       FollowUpPayloads.CreateFromLink payload) {
        super(transport, request, FollowUpPayloads.One.class, FollowUpPayloads.One::followUp, FollowUp::id,
                "follow-up", key(payload.incidentId(), payload.url()));
        this.followUps = followUps;
        this.payload = payload;
        this.host = host(payload.url());
    }

    /** Unassigned in the key: the assignee comes from the issue, which the draft does not know. */
    private static CreateKey key(String incidentId, String url) {
        return CreateKey.of(incidentId, url == null ? null : "link " + comparable(url), null);
    }

    /** A link as compared: scheme and host in lower case, no fragment, no trailing slash. */
    static String comparable(String url) {
        URI uri = parsed(url);
        if (uri == null || uri.getHost() == null) {
            return url.strip();
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String host(String url) {
        URI uri = parsed(url);
        return uri == null || uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static URI parsed(String url) {
        try {
            return url == null ? null : new URI(url.strip());
        } catch (URISyntaxException notALink) {
            return null;
        }
    }

    @Override
    public Future<List<FollowUp>> listSince(IncidentMode mode, Instant since) {
        return followUps.list().forIncident(payload.incidentId()).updatedSince(since).mode(mode).fetch();
    }

    @Override
    public Listed listed(FollowUp followUp) {
        ExternalIssue issue = followUp.externalIssueReference();
        return new Listed(followUp.id(), key(followUp.incidentId(), issue == null ? null : issue.issuePermalink()),
                followUp.updatedAt());
    }

    /** A follow-up linked to another issue on the same tracker host may be this one, linked in another form. */
    @Override
    public boolean mayBe(Listed item) {
        String listed = item.key().description();
        return host != null && listed.startsWith("link ") && host.equals(host(listed.substring("link ".length())));
    }

    @Override
    public OutcomeUnknownException unknown(String why, int attempts, IncidentIoException cause) {
        return OutcomeUnknownException.followUpFromLink(why, request().method().name(), request().path(),
                payload.incidentId(), payload.url(), attempts, cause);
    }
}

package dev.firebrigade;

import dev.firebrigade.internal.paging.Pager;
import dev.firebrigade.model.User;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;


/** A list of users being asked for ({@code GET /v2/users}), immutable; read it as pages, a stream or a list. */
public final class UserQuery extends PagedQuery<User> {
    /** incident.io's largest page of users. */
    public static final int MAX_PAGE_SIZE = 10_000;

    private final String email;
    private final String slackUserId;
    private final boolean includeInactive;
    private final Integer pageSize;

    UserQuery(Pager<User> pager, String email, String slackUserId, boolean includeInactive, Integer pageSize) {
        super(pager);
        this.email = email;
        this.slackUserId = slackUserId;
        this.includeInactive = includeInactive;
        this.pageSize = pageSize;
    }

    /** Only users with this email (several accounts can share one). */
    public UserQuery email(String email) {
        return new UserQuery(pager(), email == null ? "" : email, slackUserId, includeInactive, pageSize);
    }

    /** Only the user with this Slack ID, such as {@code U02AYNF2XJM}. */
    public UserQuery slackUserId(String slackUserId) {
        return new UserQuery(pager(), email, slackUserId == null ? "" : slackUserId, includeInactive, pageSize);
    }

    /** Deactivated and not-yet-active users too (incident.io leaves them out by default). */
    public UserQuery includeInactive() {
        return new UserQuery(pager(), email, slackUserId, true, pageSize);
    }

    /** How many users per page, 1 to {@value #MAX_PAGE_SIZE}. */
    public UserQuery pageSize(int pageSize) {
        return new UserQuery(pager(), email, slackUserId, includeInactive, pageSize);
    }

    @Override
    Future<ApiRequest> firstRequest(int pageSizeIfUnset) {
        if (email != null) {
            Checks.present(email, "email", "pass an email to email(...)");
        }
        if (slackUserId != null) {
            Checks.present(slackUserId, "slack_user_id", "pass a Slack user ID to slackUserId(...)");
        }
        return Future.succeededFuture(ApiRequest.of(HttpMethod.GET, "/v2/users")
                .withQuery("email", email)
                .withQuery("slack_user_id", slackUserId)
                .withQuery("include_inactive", includeInactive ? "true" : null)
                .withQuery("page_size", pageSizeParam(pageSize, MAX_PAGE_SIZE, pageSizeIfUnset)));
    }

    @Override
    public String toString() {
        return "UserQuery[" + (email == null ? "" : "email=" + email + ", ")
                + (slackUserId == null ? "" : "slackUserId=" + slackUserId + ", ")
                + (includeInactive ? "includeInactive, " : "") + "pageSize=" + (pageSize == null ? "default" : pageSize) + "]";
    }
}

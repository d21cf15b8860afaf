package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.User;
import dev.firebrigade.transport.ApiRequest;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.streams.ReadStream;

import java.util.List;

/** A list of users being asked for ({@code GET /v2/users}), immutable; read it as pages, a stream or a list. */
public final class UserQuery implements PagedQuery<User> {
    /** incident.io's largest page of users. */
    public static final int MAX_PAGE_SIZE = 10_000;

    private final Pager<User> pager;
    private final String email;
    private final String slackUserId;
    private final boolean includeInactive;
    private final Integer pageSize;

    UserQuery(Pager<User> pager, String email, String slackUserId, boolean includeInactive, Integer pageSize) {
        this.pager = pager;
        this.email = email;
        this.slackUserId = slackUserId;
        this.includeInactive = includeInactive;
        this.pageSize = pageSize;
    }

    /** Only users with this email (several accounts can share one). */
    public UserQuery email(String email) {
        return new UserQuery(pager, email == null ? "" : email, slackUserId, includeInactive, pageSize);
    }

    /** Only the user with this Slack ID, such as {@code U02AYNF2XJM}. */
    public UserQuery slackUserId(String slackUserId) {
        return new UserQuery(pager, email, slackUserId == null ? "" : slackUserId, includeInactive, pageSize);
    }

    /** Deactivated and not-yet-active users too (incident.io leaves them out by default). */
    public UserQuery includeInactive() {
        return new UserQuery(pager, email, slackUserId, true, pageSize);
    }

    /** How many users per page, 1 to {@value #MAX_PAGE_SIZE}. */
    public UserQuery pageSize(int pageSize) {
        return new UserQuery(pager, email, slackUserId, includeInactive, pageSize);
    }

    private Paging<User> paging() {
        return new Paging<>(pager, unset -> Future.succeededFuture(request(unset)));
    }

    private ApiRequest request(int pageSizeIfUnset) {
        if (email != null) {
            Checks.present(email, "email", "pass an email to email(...)");
        }
        if (slackUserId != null) {
            Checks.present(slackUserId, "slack_user_id", "pass a Slack user ID to slackUserId(...)");
        }
        if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
            throw new InvalidInputException("page_size", "is " + pageSize + ", outside 1.." + MAX_PAGE_SIZE,
                    "pass a page size between 1 and " + MAX_PAGE_SIZE + " to pageSize(...)");
        }
        Integer size = pageSize != null ? pageSize : pageSizeIfUnset > 0 ? Integer.valueOf(pageSizeIfUnset) : null;
        return ApiRequest.of(HttpMethod.GET, "/v2/users")
                .withQuery("email", email)
                .withQuery("slack_user_id", slackUserId)
                .withQuery("include_inactive", includeInactive ? "true" : null)
                .withQuery("page_size", size == null ? null : size.toString());
    }

    @Override
    public Future<Page<User>> firstPage() {
        return paging().firstPage();
    }

    @Override
    public ReadStream<User> stream() {
        return paging().stream();
    }

    @Override
    public Future<List<User>> collect(int limit) {
        return paging().collect(limit);
    }

    @Override
    public Future<List<User>> fetch() {
        return paging().fetch();
    }

    @Override
    public String toString() {
        return "UserQuery[" + (email == null ? "" : "email=" + email + ", ")
                + (slackUserId == null ? "" : "slackUserId=" + slackUserId + ", ")
                + (includeInactive ? "includeInactive, " : "") + "pageSize=" + (pageSize == null ? "default" : pageSize) + "]";
    }
}

package dev.firebrigade.internal.paging;

import dev.firebrigade.Page;
import dev.firebrigade.internal.wire.PageBody;
import dev.firebrigade.error.UnexpectedResponseException;
import dev.firebrigade.ApiRequest;
import dev.firebrigade.QueryParam;
import dev.firebrigade.internal.transport.Transport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Fetches the pages of one list endpoint: sends a request, decodes the page and knows how to ask for the next. */
public final class Pager<T> {
    private final Vertx vertx;
    private final Transport transport;
    private final Class<? extends PageBody<T>> bodyType;
    /** Turns a failure into the one to report, for an endpoint whose failures need explaining (a removed API). */
    private final UnaryOperator<Throwable> explain;

    public Pager(Vertx vertx, Transport transport, Class<? extends PageBody<T>> bodyType) {
        this(vertx, transport, bodyType, UnaryOperator.identity());
    }

    public Pager(Vertx vertx, Transport transport, Class<? extends PageBody<T>> bodyType, UnaryOperator<Throwable> explain) {
        this.vertx = vertx;
        this.transport = transport;
        this.bodyType = bodyType;
        this.explain = explain;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Sends {@code request} and wraps the answer as a page that can fetch its successor. */
    public Future<Page<T>> fetch(ApiRequest request) {
        return transport.send(request, bodyType).compose(body -> {
            String after = body.paginationMeta() == null ? null : body.paginationMeta().after();
            String previous = cursor(request);
            if (after != null && after.equals(previous)) {
                return Future.failedFuture(new UnexpectedResponseException(200,
                        "the list did not advance: pagination_meta.after repeats the cursor that was sent", after,
                        request.method().name(), request.path(), null));
            }
            return Future.succeededFuture(PageAccess.page(this, request, body.items(), body.paginationMeta()));
        }, failure -> Future.failedFuture(explain.apply(failure)));
    }

    /** {@code request} asking for the page after {@code cursor}: every other parameter is kept as it was. */
    public static ApiRequest after(ApiRequest request, String cursor) {
        var query = new ArrayList<QueryParam>(request.query().size() + 1);
        for (QueryParam p : request.query()) {
            if (!p.name().equals("after")) {
                query.add(p);
            }
        }
        query.add(new QueryParam("after", cursor));
        return new ApiRequest(request.method(), request.path(), query, request.body(), request.keyed());
    }

    private static String cursor(ApiRequest request) {
        for (QueryParam p : request.query()) {
            if (p.name().equals("after")) {
                return p.value();
            }
        }
        return null;
    }

    /** Up to {@code limit} items, walking pages from {@code first} only as far as needed. */
    public static <T> Future<List<T>> collect(Future<Page<T>> first, long limit) {
        return first.compose(page -> collect(page, limit, new ArrayList<>()));
    }

    private static <T> Future<List<T>> collect(Page<T> page, long limit, List<T> sofar) {
        for (T item : page.items()) {
            if (sofar.size() >= limit) {
                break;
            }
            sofar.add(item);
        }
        if (sofar.size() >= limit || !page.hasNext()) {
            return Future.succeededFuture(List.copyOf(sofar));
        }
        return page.next().compose(next -> collect(next, limit, sofar));
    }
}

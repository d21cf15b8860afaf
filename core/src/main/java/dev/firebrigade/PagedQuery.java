package dev.firebrigade;

import dev.firebrigade.internal.paging.Pager;
import dev.firebrigade.internal.paging.PageStream;
import dev.firebrigade.error.InvalidInputException;
import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;

import java.util.List;

/**
 * A list request that incident.io answers page by page (users, incidents, v3 actions). Every way of reading it
 * keeps every filter and option on every page. Without {@code pageSize(...)}, {@link #firstPage()} lets incident.io
 * choose (25), while {@link #stream()}, {@link #collect(int)} and {@link #fetch()} ask for large pages
 * ({@value #WALK_PAGE_SIZE}, or fewer when fewer are wanted).
 */
public abstract sealed class PagedQuery<T> permits IncidentItemQuery, IncidentQuery, IncidentUpdateQuery, UserQuery {
    /** The page size used to walk a whole list when none was set. */
    public static final int WALK_PAGE_SIZE = 250;

    private final Pager<T> pager;

    PagedQuery(Pager<T> pager) {
        this.pager = pager;
    }

    /**
     * The first request, with {@code pageSizeIfUnset} as page size unless one was set (0: let incident.io choose).
     * Building it may need lookups, hence a Future; bad input may also be thrown.
     */
    abstract Future<ApiRequest> firstRequest(int pageSizeIfUnset);

    /** The first page; {@link Page#next()} continues with the same request. */
    public final Future<Page<T>> firstPage() {
        return first(0);
    }

    /**
     * Every matching item as a lazy stream: pages are fetched as the consumer asks for items, so {@code pause()}
     * stops the fetching. Items arrive on the Vert.x context the stream was created on.
     */
    public final ReadStream<T> stream() {
        return new PageStream<>(pager.vertx().getOrCreateContext(), () -> first(WALK_PAGE_SIZE));
    }

    /** Up to {@code limit} matching items, fetching only the pages needed. */
    public final Future<List<T>> collect(int limit) {
        if (limit < 0) {
            return Future.failedFuture(new InvalidInputException("limit", "is negative",
                    "pass how many items you want, e.g. collect(100)"));
        }
        if (limit == 0) {
            return Future.succeededFuture(List.of());
        }
        return Pager.collect(first(Math.min(limit, WALK_PAGE_SIZE)), limit);
    }

    /** Every matching item, every page fetched. */
    public final Future<List<T>> fetch() {
        return Pager.collect(first(WALK_PAGE_SIZE), Long.MAX_VALUE);
    }

    private Future<Page<T>> first(int pageSizeIfUnset) {
        return Futures.attempt(() -> firstRequest(pageSizeIfUnset)).compose(pager::fetch);
    }

    Pager<T> pager() {
        return pager;
    }

    /** The {@code page_size} to send: the one set (checked against {@code max}), else the walking default, else none. */
    static String pageSizeParam(Integer pageSize, int max, int pageSizeIfUnset) {
        if (pageSize != null && (pageSize < 1 || pageSize > max)) {
            throw new InvalidInputException("page_size", "is " + pageSize + ", outside 1.." + max,
                    "pass a page size between 1 and " + max + " to pageSize(...)");
        }
        int size = pageSize != null ? pageSize : pageSizeIfUnset;
        return size > 0 ? Integer.toString(size) : null;
    }
}

package dev.firebrigade;

import dev.firebrigade.internal.paging.PageAccess;
import dev.firebrigade.internal.paging.Pager;
import dev.firebrigade.internal.paging.PageStream;
import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.model.PaginationMeta;
import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;

import java.util.List;

/**
 * One page of a list, and the way to the next: {@link #next()} sends the very request that produced this page
 * (every filter, the page size, the API version) with only the {@code after} cursor moved. Immutable.
 */
public final class Page<T> {
    static {
        PageAccess.register(new PageAccess.Factory() {
            @Override
            public <T> Page<T> page(Pager<T> pager, ApiRequest request, List<T> items, PaginationMeta meta) {
                return new Page<>(pager, request, items, meta);
            }
        });
    }

    private final Pager<T> pager;
    private final ApiRequest request;
    private final List<T> items;
    private final PaginationMeta meta;

    /** Made by the client's pager only (through {@link PageAccess}): pages come from a query. */
    private Page(Pager<T> pager, ApiRequest request, List<T> items, PaginationMeta meta) {
        this.pager = pager;
        this.request = request;
        this.items = items == null ? List.of() : List.copyOf(items);
        this.meta = meta;
    }

    /** The items of this page, in the order incident.io sent them. */
    public List<T> items() {
        return items;
    }

    /** Whether incident.io said more may follow (it sets {@code after} only then). */
    public boolean hasNext() {
        return after() != null;
    }

    /** The cursor of the next page, or null on the last page. */
    public String after() {
        return meta == null ? null : meta.after();
    }

    /** The total number of matching records, when the endpoint says and knows it (incidents do); otherwise null. */
    public Long totalRecordCount() {
        return meta == null ? null : meta.totalRecordCount();
    }

    /** The request that produced this page, as sent. */
    public ApiRequest request() {
        return request;
    }

    /** The next page; fails without sending when there is none. */
    public Future<Page<T>> next() {
        if (!hasNext()) {
            return Future.failedFuture(new InvalidInputException("after", "is absent: this is the last page",
                    "check hasNext() before calling next()"));
        }
        return pager.fetch(Pager.after(request, after()));
    }

    /** The items of this page and then of every following page, fetched as the consumer asks for them. */
    public ReadStream<T> stream() {
        return new PageStream<>(pager.vertx().getOrCreateContext(), () -> Future.succeededFuture(this));
    }

    /** Up to {@code limit} items from this page on, fetching following pages only as needed. */
    public Future<List<T>> collect(int limit) {
        return limit < 0 ? Future.failedFuture(new InvalidInputException("limit", "is negative",
                "pass how many items you want, e.g. collect(100)")) : Pager.collect(Future.succeededFuture(this), limit);
    }

    @Override
    public String toString() {
        return "Page of " + items.size() + (totalRecordCount() == null ? "" : " of " + totalRecordCount())
                + (hasNext() ? ", more after " + after() : ", last");
    }
}

package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.transport.ApiRequest;
import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The four ways of reading a {@link PagedQuery}, shared by every query. The query supplies its first request given a
 * page size to use when none was set (0: let incident.io choose); building it may need lookups, hence a Future.
 */
final class Paging<T> implements PagedQuery<T> {
    private final Pager<T> pager;
    private final IntFunction<Future<ApiRequest>> firstRequest;

    Paging(Pager<T> pager, IntFunction<Future<ApiRequest>> firstRequest) {
        this.pager = pager;
        this.firstRequest = firstRequest;
    }

    private Future<Page<T>> first(int pageSizeIfUnset) {
        return Futures.attempt(() -> firstRequest.apply(pageSizeIfUnset)).compose(pager::fetch);
    }

    @Override
    public Future<Page<T>> firstPage() {
        return first(0);
    }

    @Override
    public ReadStream<T> stream() {
        return new PageStream<>(pager.vertx().getOrCreateContext(), () -> first(WALK_PAGE_SIZE));
    }

    @Override
    public Future<List<T>> collect(int limit) {
        if (limit < 0) {
            return Future.failedFuture(new InvalidInputException("limit", "is negative",
                    "pass how many items you want, e.g. collect(100)"));
        }
        if (limit == 0) {
            return Future.succeededFuture(List.of());
        }
        return Pager.collect(first(Math.min(limit, WALK_PAGE_SIZE)), limit);
    }

    @Override
    public Future<List<T>> fetch() {
        return Pager.collect(first(WALK_PAGE_SIZE), Long.MAX_VALUE);
    }
}

package dev.firebrigade;

import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;

import java.util.List;

/**
 * A list request that incident.io answers page by page (users, incidents, v3 actions). Every way of reading it
 * keeps every filter and option on every page. Without {@code pageSize(...)}, {@link #firstPage()} lets incident.io
 * choose (25), while {@link #stream()}, {@link #collect(int)} and {@link #fetch()} ask for large pages
 * ({@value #WALK_PAGE_SIZE}, or fewer when fewer are wanted).
 */
public interface PagedQuery<T> {
    /** The page size used to walk a whole list when none was set. */
    int WALK_PAGE_SIZE = 250;

    /** The first page; {@link Page#next()} continues with the same request. */
    Future<Page<T>> firstPage();

    /**
     * Every matching item as a lazy stream: pages are fetched as the consumer asks for items, so {@code pause()}
     * stops the fetching. Items arrive on the Vert.x context the stream was created on.
     */
    ReadStream<T> stream();

    /** Up to {@code limit} matching items, fetching only the pages needed. */
    Future<List<T>> collect(int limit);

    /** Every matching item, every page fetched. */
    Future<List<T>> fetch();
}

package dev.firebrigade.internal.wire;

import dev.firebrigade.model.PaginationMeta;

import java.util.List;

/** The JSON answer of a list endpoint: its items and, when the endpoint pages, where the page ends. */
public interface PageBody<T> {
    /** The items of this page, never null. */
    public List<T> items();

    /** Null when the endpoint does not page (the v2 actions list returns everything at once). */
    public PaginationMeta paginationMeta();
}

package dev.firebrigade.model;

/**
 * Where a page of a list ends: pass {@code after} to get the next page; it is absent on the last page.
 *
 * @param totalRecordCount only some lists say, and only when known
 */
public record PaginationMeta(String after, Integer pageSize, Long totalRecordCount) {
}

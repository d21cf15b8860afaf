package dev.firebrigade.internal.paging;

import dev.firebrigade.ApiRequest;
import dev.firebrigade.Page;
import dev.firebrigade.model.PaginationMeta;

import java.util.List;

/**
 * How the {@link Pager} makes a {@link Page} without a public constructor on it, so that only a query's pages exist:
 * {@link Page} registers its factory when its class is initialised, the way the JDK's packages share internals.
 */
public final class PageAccess {
    /** Makes pages; implemented by {@link Page} alone. */
    public interface Factory {
        <T> Page<T> page(Pager<T> pager, ApiRequest request, List<T> items, PaginationMeta meta);
    }

    private static volatile Factory factory;

    private PageAccess() {
    }

    /** Called once, by {@link Page}. */
    public static void register(Factory pages) {
        if (factory != null) {
            throw new IllegalStateException("the page factory is registered already");
        }
        factory = pages;
    }

    static <T> Page<T> page(Pager<T> pager, ApiRequest request, List<T> items, PaginationMeta meta) {
        Factory pages = factory;
        if (pages == null) {
            // No page was made yet, so Page may not be initialised: initialising it registers the factory.
            try {
                Class.forName(Page.class.getName(), true, Page.class.getClassLoader());
            } catch (ClassNotFoundException impossible) {
                throw new IllegalStateException(impossible);
            }
            pages = factory;
        }
        return pages.page(pager, request, items, meta);
    }
}

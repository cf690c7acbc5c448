package org.cinely.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list that may be longer than any page: the items, which page this is, and whether
 * another follows. Queries fetch {@code size + 1} rows and {@link #of} turns them into a slice, so
 * no list needs a count or a cap (a capped list silently hid its oldest entries).
 */
public record PageSlice<T>(List<T> items, int page, int size, boolean hasNext) {

    /** The most pages a list offers; deeper offsets cost the database more than anyone pages. */
    public static final int MAX_PAGE = 10_000;

    /** The page asked for, within 0 and {@link #MAX_PAGE}. */
    public static int clampPage(int page) {
        return Math.max(0, Math.min(page, MAX_PAGE));
    }

    /** The row offset of a page. */
    public static int offset(int page, int size) {
        return clampPage(page) * size;
    }

    /** A slice from up to {@code size + 1} rows fetched at {@link #offset}: the extra row says another page follows. */
    public static <T> PageSlice<T> of(List<T> fetched, int page, int size) {
        boolean more = fetched.size() > size;
        return new PageSlice<>(
                more ? List.copyOf(fetched.subList(0, size)) : List.copyOf(fetched), clampPage(page), size, more);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Whether the list spans more than this page (a pager is worth showing). */
    public boolean isPaged() {
        return hasPrevious() || hasNext;
    }

    public <R> PageSlice<R> map(Function<? super T, ? extends R> mapper) {
        return new PageSlice<>(items.stream().<R>map(mapper).toList(), page, size, hasNext);
    }
}

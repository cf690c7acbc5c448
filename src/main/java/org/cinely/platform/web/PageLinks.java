package org.cinely.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The previous and next links of a {@link PageSlice}: the current address with only the page
 * parameter changed, so filters, sorting and a search stay as they were. The query string is kept
 * as the browser encoded it.
 */
public record PageLinks(String previous, String next) {

    public static PageLinks of(HttpServletRequest request, PageSlice<?> slice, String parameter) {
        return new PageLinks(
                slice.hasPrevious() ? link(request, parameter, slice.page() - 1) : null,
                slice.hasNext() ? link(request, parameter, slice.page() + 1) : null);
    }

    public static PageLinks of(HttpServletRequest request, PageSlice<?> slice) {
        return of(request, slice, "page");
    }

    static String link(HttpServletRequest request, String parameter, int page) {
        List<String> kept = new ArrayList<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.equals(parameter) && !pair.startsWith(parameter + "=")) {
                    kept.add(pair);
                }
            }
        }
        if (page > 0) {
            kept.add(parameter + "=" + page);
        }
        return request.getRequestURI() + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }
}

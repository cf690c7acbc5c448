package org.cinely.test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Reads a paged list as a reader would: the first page, then its "Next" link until there is none. */
public final class Pages {

    private Pages() {}

    public static Document page(MockMvc mvc, String path, RequestPostProcessor as) throws Exception {
        var request = get(path);
        if (as != null) {
            request = request.with(as);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.getStatus());
        }
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /**
     * The texts of every {@code item} on the list at {@code path}, page after page by the links
     * marked {@code rel=next} within {@code pager} (a page's own pager when it has two lists).
     */
    public static List<String> all(MockMvc mvc, String path, RequestPostProcessor as, String item, String pager)
            throws Exception {
        List<String> texts = new ArrayList<>();
        String next = path;
        for (int pages = 0; next != null; pages++) {
            if (pages > 1_000) {
                throw new AssertionError("More than 1,000 pages at " + path + ": the pager loops");
            }
            Document page = page(mvc, next, as);
            texts.addAll(page.select(item).eachText());
            Element link = page.selectFirst(pager + " a[rel=next]");
            next = link == null ? null : link.attr("href");
        }
        return texts;
    }

    public static List<String> all(MockMvc mvc, String path, RequestPostProcessor as, String item) throws Exception {
        return all(mvc, path, as, item, "");
    }
}

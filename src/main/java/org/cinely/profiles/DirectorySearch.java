package org.cinely.profiles;

import java.util.List;
import org.cinely.platform.Craft;
import org.cinely.platform.search.SearchTerms;
import org.cinely.platform.search.SearchWords;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A directory search as its shareable URL says it: {@code /members?q=night&craft=gaffer&location=Berlin
 * &availability=available&page=2}. Unknown crafts or availabilities are ignored, over-long words cut
 * off at a sane length (a search box, unlike a form field, should not answer with an error).
 */
public record DirectorySearch(String q, Craft craft, String location, Availability availability, int page) {

    static final int MAX_QUERY = 100;

    public static DirectorySearch of(String q, String craft, String location, String availability, int page) {
        return new DirectorySearch(
                clean(q),
                Craft.fromSlug(craft).orElse(null),
                clean(location),
                Availability.fromSlug(availability).orElse(null),
                Math.max(0, Math.min(page, 10_000)));
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        return stripped.length() > MAX_QUERY ? stripped.substring(0, MAX_QUERY) : stripped;
    }

    /** The same search, other words, first page. */
    DirectorySearch withQ(String words) {
        return new DirectorySearch(clean(words), craft, location, availability, 0);
    }

    /** Narrowed by anything a visitor of members-only profiles must not learn from. */
    boolean filtersBeyondCraft() {
        return q != null || location != null || availability != null;
    }

    /** Words the full-text index can find (letters and digits, at least 3, not stop words). */
    List<String> indexWords() {
        return SearchWords.indexWords(q);
    }

    /** The words and the craft phrases ("DP", "sound recordist") of the search box. */
    SearchTerms terms() {
        return SearchTerms.of(q);
    }

    public String link(int targetPage) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/members");
        if (q != null) {
            uri.queryParam("q", q);
        }
        if (craft != null) {
            uri.queryParam("craft", craft.slug());
        }
        if (location != null) {
            uri.queryParam("location", location);
        }
        if (availability != null) {
            uri.queryParam("availability", availability.slug());
        }
        if (targetPage > 0) {
            uri.queryParam("page", targetPage);
        }
        return uri.encode().build().toUriString();
    }

    public boolean filtered() {
        return q != null || craft != null || location != null || availability != null;
    }
}

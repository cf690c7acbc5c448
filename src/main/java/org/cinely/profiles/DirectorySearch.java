package org.cinely.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cinely.platform.Craft;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A directory search as its shareable URL says it: {@code /members?q=night&craft=gaffer&location=Berlin
 * &availability=available&page=2}. Unknown crafts or availabilities are ignored, over-long words cut
 * off at a sane length (a search box, unlike a form field, should not answer with an error).
 */
public record DirectorySearch(String q, Craft craft, String location, Availability availability, int page) {

    static final int MAX_QUERY = 100;
    static final int MAX_WORDS = 8;

    /** InnoDB's default stop words and words shorter than its minimum token size never match. */
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is",
            "it", "la", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will",
            "with", "und", "www");

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

    /** Narrowed by anything a visitor of members-only profiles must not learn from. */
    boolean filtersBeyondCraft() {
        return q != null || location != null || availability != null;
    }

    /** Words the full-text index can find (letters and digits, at least 3, not stop words). */
    List<String> indexWords() {
        List<String> words = new ArrayList<>();
        if (q == null) {
            return words;
        }
        for (String word : q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && !STOP_WORDS.contains(word) && words.size() < MAX_WORDS) {
                words.add(word);
            }
        }
        return words;
    }

    /** Every word required, each as a prefix: "night gaff" finds "night exteriors" by a "gaffer". */
    Optional<String> booleanQuery() {
        List<String> words = indexWords();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder query = new StringBuilder();
        for (String word : words) {
            query.append('+').append(word).append("* ");
        }
        return Optional.of(query.toString().trim());
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

package org.cinely.jobs;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cinely.jobs.JobTypes.UnionStatus;
import org.cinely.platform.Craft;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A board search as its shareable URL holds it ({@code /jobs?craft=gaffer&paid=true&q=night+shoot}).
 * Anything unknown or malformed in the URL is dropped, never an error: a shared link still opens.
 */
record JobSearch(
        String q,
        List<Craft> crafts,
        String location,
        boolean remote,
        boolean paid,
        UnionStatus union,
        LocalDate startFrom,
        LocalDate startTo,
        Integer postedWithinDays,
        Sort sort) {

    static final List<Integer> POSTED_WITHIN = List.of(1, 7, 30);

    enum Sort {
        NEWEST,
        CLOSING,
        RELEVANCE;

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String messageKey() {
            return "jobs.sort." + slug();
        }
    }

    JobSearch {
        q = q == null ? "" : q.strip();
        if (q.length() > 200) {
            q = q.substring(0, 200);
        }
        crafts = crafts == null ? List.of() : List.copyOf(crafts);
        location = location == null ? "" : location.strip();
        if (location.length() > 80) {
            location = location.substring(0, 80);
        }
        if (postedWithinDays != null && !POSTED_WITHIN.contains(postedWithinDays)) {
            postedWithinDays = null;
        }
        if (sort == null) {
            sort = q.isEmpty() ? Sort.NEWEST : Sort.RELEVANCE;
        }
    }

    /** The same search, other words. */
    JobSearch withQ(String words) {
        return new JobSearch(words, crafts, location, remote, paid, union, startFrom, startTo, postedWithinDays, sort);
    }

    static JobSearch everything() {
        return new JobSearch("", List.of(), "", false, false, null, null, null, null, null);
    }

    static JobSearch from(Map<String, List<String>> params) {
        List<Craft> crafts = new ArrayList<>();
        for (String slug : params.getOrDefault("craft", List.of())) {
            Craft.fromSlug(slug).filter(c -> !crafts.contains(c)).ifPresent(crafts::add);
        }
        Integer posted = null;
        try {
            String raw = first(params, "posted");
            posted = raw.isEmpty() ? null : Integer.valueOf(raw);
        } catch (NumberFormatException ignored) {
            // a hand-edited URL: no posted-within filter
        }
        Sort sort = null;
        for (Sort candidate : Sort.values()) {
            if (candidate.slug().equals(first(params, "sort"))) {
                sort = candidate;
            }
        }
        return new JobSearch(
                first(params, "q"),
                crafts,
                first(params, "location"),
                "true".equals(first(params, "remote")),
                "true".equals(first(params, "paid")),
                UnionStatus.fromSlug(first(params, "union")),
                date(first(params, "startFrom")),
                date(first(params, "startTo")),
                posted,
                sort);
    }

    static JobSearch fromQueryString(String query) {
        MultiValueMap<String, String> params =
                UriComponentsBuilder.fromUriString("/jobs?" + query).build().getQueryParams();
        MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
        params.forEach((key, values) -> values.forEach(value -> decoded.add(
                key, value == null ? "" : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8))));
        return from(decoded);
    }

    /** The canonical query string (without page), for links, pagination and saved searches. */
    String toQueryString() {
        return toQueryString(true);
    }

    String toQueryString(boolean withSort) {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
        if (!q.isEmpty()) {
            builder.queryParam("q", q);
        }
        crafts.forEach(craft -> builder.queryParam("craft", craft.slug()));
        if (!location.isEmpty()) {
            builder.queryParam("location", location);
        }
        if (remote) {
            builder.queryParam("remote", "true");
        }
        if (paid) {
            builder.queryParam("paid", "true");
        }
        if (union != null) {
            builder.queryParam("union", union.slug());
        }
        if (startFrom != null) {
            builder.queryParam("startFrom", startFrom.toString());
        }
        if (startTo != null) {
            builder.queryParam("startTo", startTo.toString());
        }
        if (postedWithinDays != null) {
            builder.queryParam("posted", postedWithinDays);
        }
        if (withSort && sort != (q.isEmpty() ? Sort.NEWEST : Sort.RELEVANCE)) {
            builder.queryParam("sort", sort.slug());
        }
        String query = builder.encode().build().getQuery();
        return query == null ? "" : query;
    }

    public boolean isFiltered() {
        return !q.isEmpty()
                || !crafts.isEmpty()
                || !location.isEmpty()
                || remote
                || paid
                || union != null
                || startFrom != null
                || startTo != null
                || postedWithinDays != null;
    }

    /** How many filters besides the words are set (the folded filters' summary says so on a phone). */
    public int activeFilters() {
        int active = crafts.isEmpty() ? 0 : 1;
        active += location.isEmpty() ? 0 : 1;
        active += remote ? 1 : 0;
        active += paid ? 1 : 0;
        active += union == null ? 0 : 1;
        active += startFrom == null && startTo == null ? 0 : 1;
        active += postedWithinDays == null ? 0 : 1;
        return active;
    }

    public boolean hasCraft(Craft craft) {
        return crafts.contains(craft);
    }

    /** Craft slugs, for the form. */
    public List<String> craftSlugs() {
        return crafts.stream().map(Craft::slug).toList();
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0) == null
                ? ""
                : values.get(0).strip();
    }

    private static LocalDate date(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package org.cinely.profiles;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.cinely.benchmark.BenchmarkData;
import org.cinely.benchmark.Vocabulary;
import org.cinely.connections.ConnectionsApi;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Directory search and "people you may know" at the size: 100,000 members, 2,000,000
 * connections, a member with 500 connections. Prints p50/p95/p99 of the app's jOOQ queries and,
 * side by side, of a naive JPA version of each (which exists only here).
 *
 * <p>{@code ./mvnw -B -Pbenchmark verify -Dit.test=DirectoryAndSuggestionsBenchmark} — data lives in
 * its own embedded database under {@code target/benchmark-data} (generated on the first run,
 * reused after); {@code -Dbench.members=}, {@code -Dbench.connections=}, {@code -Dbench.runs=}
 * change the size and the number of measured runs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cinely.data-dir=${bench.data-dir:target/benchmark-data}",
            "cinely.embedded-db.fresh=false",
            "cinely.demo.enabled=false",
            "cinely.admin.email=admin@bench.cinely.local",
            "logging.level.org.cinely=WARN",
            // The queries are measured, not the caches in front of them (see PageSpeedBenchmark).
            "cinely.search.sample-max-age=0s",
            "cinely.connections.suggestions-cache-ttl=0s",
            "spring.jpa.properties.hibernate.default_batch_fetch_size=100"
        })
class DirectoryAndSuggestionsBenchmark {

    static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 2_000_000);
    static final int RUNS = Integer.getInteger("bench.runs", 200);
    static final int NAIVE_RUNS = Integer.getInteger("bench.naive-runs", 30);
    static final int PAGE = 24;

    @Autowired
    DSLContext dsl;

    @Autowired
    DirectoryQueries directory;

    @Autowired
    ConnectionsApi connections;

    @Autowired
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    PasswordEncoder encoder;

    final List<String> report = new ArrayList<>();

    @Test
    void directoryAndSuggestions() {
        BenchmarkData.generate(dsl, encoder.encode(BenchmarkData.PASSWORD), MEMBERS, CONNECTIONS);
        long first = BenchmarkData.firstMemberId(dsl);
        LocalDate today = LocalDate.now();
        String[] crafts = BenchmarkData.CRAFTS;
        String[][] cities = BenchmarkData.CITIES;
        Vocabulary vocabulary = BenchmarkData.VOCABULARY;
        // Words members search for: spread over ranks 8 to 400 of the vocabulary, so each is in
        // between about a quarter and 1% of bios ("steadicam", "anamorphic", "berlinale", ...).
        String[] words = new String[40];
        for (int w = 0; w < words.length; w++) {
            words[w] = vocabulary.word((int) Math.round(8 * Math.pow(50, w / (double) (words.length - 1))));
        }
        // The worst case: the five most common words, each in nine bios out of ten ("film", "crew").
        String[] commonest = new String[5];
        for (int w = 0; w < commonest.length; w++) {
            commonest[w] = vocabulary.word(w);
        }

        // Filtered: craft + location (+ availability every other run), newest activity first.
        IntConsumer filtered = i -> directory.search(
                DirectorySearch.of(
                        null,
                        crafts[i % crafts.length],
                        cities[i % cities.length][0],
                        i % 2 == 0 ? "available" : null,
                        0),
                false,
                Set.of(),
                today,
                PAGE);
        IntConsumer filteredJpa = i -> naiveDirectory(null, crafts[i % crafts.length], cities[i % cities.length][0]);
        // Text: one or two words from bios and headlines, ranked by relevance; measured apart for
        // words in under 5% of profiles (most searches: skills, gear, places, festivals) and for
        // words in 5-30% of them (every matching row costs InnoDB full-text a few microseconds).
        int profileCount = dsl.fetchCount(org.cinely.profiles.jooq.Tables.PROFILES);
        List<String> rare = new ArrayList<>();
        List<String> frequent = new ArrayList<>();
        for (String word : words) {
            (share(word) < 0.05 * profileCount ? rare : frequent).add(word);
        }
        IntConsumer text = i ->
                directory.search(DirectorySearch.of(pick(rare, i), null, null, null, 0), false, Set.of(), today, PAGE);
        IntConsumer textJpa = i -> naiveDirectory(pick(rare, i), null, null);
        IntConsumer frequentText = i -> directory.search(
                DirectorySearch.of(pick(frequent, i), null, null, null, 0), false, Set.of(), today, PAGE);
        IntConsumer commonText = i -> directory.search(
                DirectorySearch.of(commonest[i % commonest.length], null, null, null, 0), false, Set.of(), today, PAGE);
        IntConsumer commonTextJpa = i -> naiveDirectory(commonest[i % commonest.length], null, null);
        // Text and filters together: a word, a craft and a city.
        IntConsumer textFiltered = i -> directory.search(
                DirectorySearch.of(
                        words[i % words.length], crafts[i % crafts.length], cities[i % cities.length][0], null, 0),
                false,
                Set.of(),
                today,
                PAGE);
        // Text and a craft, no place.
        IntConsumer textCraft = i -> directory.search(
                DirectorySearch.of(words[i % words.length], crafts[(i * 7) % crafts.length], null, null, 0),
                false,
                Set.of(),
                today,
                PAGE);
        // Text, a surname (each is in about 3% of names): a search as members type it.
        String[] names = BenchmarkData.LAST;
        IntConsumer nameSearch = i -> directory.search(
                DirectorySearch.of(names[i % names.length], null, null, null, 0), false, Set.of(), today, PAGE);
        IntConsumer nameSearchJpa = i -> naiveDirectory(names[i % names.length], null, null);
        // Crafts by their common names (CraftSynonyms): a phrase alone, with a word, with a city.
        List<String> synonyms = List.of(
                "DP",
                "cinematographer",
                "director of photography",
                "camera",
                "focus puller",
                "AC",
                "grip",
                "sound recordist",
                "sound",
                "gaffer",
                "lighting",
                "cutter",
                "colourist",
                "grader",
                "makeup",
                "runner");
        IntConsumer synonym = i -> directory.search(
                DirectorySearch.of(synonyms.get(i % synonyms.size()), null, null, null, 0),
                false,
                Set.of(),
                today,
                PAGE);
        IntConsumer synonymWord = i -> directory.search(
                DirectorySearch.of(
                        words[i % words.length] + " " + synonyms.get((i * 3) % synonyms.size()), null, null, null, 0),
                false,
                Set.of(),
                today,
                PAGE);
        IntConsumer synonymCity = i -> directory.search(
                DirectorySearch.of(
                        synonyms.get(i % synonyms.size()), null, cities[(i * 5) % cities.length][0], null, 0),
                false,
                Set.of(),
                today,
                PAGE);
        IntConsumer suggestions = i -> connections.suggestions(MemberId.of(first + i % BenchmarkData.HUBS), PAGE);
        IntConsumer suggestionsJpa = i -> naiveSuggestions(first + i % BenchmarkData.HUBS);

        int profiles = dsl.fetchCount(org.cinely.profiles.jooq.Tables.PROFILES);
        int edges = dsl.fetchCount(org.cinely.connections.jooq.Tables.CONNECTIONS);
        report.add(String.format(
                "%,d profiles, %,d connection rows (%,d connections), member with %d connections; %d runs (JPA: %d)",
                profiles, edges, edges / 2, BenchmarkData.HUB_CONNECTIONS, RUNS, NAIVE_RUNS));
        for (String word : List.of(commonest[0], commonest[4], words[0], words[20], words[39])) {
            int with = dsl.fetchCount(
                    org.cinely.profiles.jooq.Tables.PROFILES,
                    org.jooq.impl.DSL.condition(
                            "MATCH(display_name, handle, headline, bio) AGAINST ({0} IN BOOLEAN MODE)",
                            org.jooq.impl.DSL.val("+" + word)));
            report.add(
                    String.format("profiles with the word \"%s\": %,d (%.1f%%)", word, with, 100.0 * with / profiles));
            if (with == 0) {
                throw new AssertionError("No profile has the word \"" + word + "\": the full-text index is empty");
            }
        }
        report.add(String.format("%-60s %9s %9s %9s", "query", "p50 ms", "p95 ms", "p99 ms"));
        measure("directory, filtered (jOOQ)", filtered, RUNS);
        measure("directory, filtered (naive JPA)", filteredJpa, NAIVE_RUNS);
        measure("directory, text: a name (jOOQ)", nameSearch, RUNS);
        measure("directory, text: a name (naive JPA)", nameSearchJpa, NAIVE_RUNS);
        report.add(String.format(
                "text searches: %d words in under 5%% of profiles, %d words in 5-30%%", rare.size(), frequent.size()));
        measure("directory, text: words in <5% of bios (jOOQ)", text, RUNS);
        measure("directory, text: words in <5% of bios (naive JPA)", textJpa, NAIVE_RUNS);
        measure("directory, text: words in 5-30% of bios (jOOQ)", frequentText, RUNS);
        measure("directory, text (any of the 40 words) + craft + city (jOOQ)", textFiltered, RUNS);
        measure("directory, text (any of the 40 words) + craft (jOOQ)", textCraft, RUNS);
        measure("directory, worst case: a word in 90% of bios (jOOQ)", commonText, RUNS);
        measure("directory, worst case: a word in 90% of bios (naive JPA)", commonTextJpa, NAIVE_RUNS);
        slowest(
                "words in 5-30% of bios",
                distinct(frequent.size() * 2, i -> DirectorySearch.of(pick(frequent, i), null, null, null, 0)), today);
        slowest(
                "words in <5% of bios",
                distinct(rare.size() * 2, i -> DirectorySearch.of(pick(rare, i), null, null, null, 0)), today);
        slowest(
                "a word + craft",
                distinct(
                        words.length,
                        i -> DirectorySearch.of(
                                words[i % words.length], crafts[(i * 7) % crafts.length], null, null, 0)),
                today);
        report.add("craft synonyms: " + String.join(", ", synonyms));
        measure("directory, a craft synonym alone (jOOQ)", synonym, RUNS);
        measure("directory, a word + a craft synonym (jOOQ)", synonymWord, RUNS);
        measure("directory, a craft synonym + city (jOOQ)", synonymCity, RUNS);
        slowest(
                "a craft synonym alone",
                distinct(synonyms.size(), i -> DirectorySearch.of(synonyms.get(i), null, null, null, 0)),
                today);
        slowest(
                "a word + a craft synonym",
                distinct(
                        words.length,
                        i -> DirectorySearch.of(
                                words[i % words.length] + " " + synonyms.get((i * 3) % synonyms.size()),
                                null,
                                null,
                                null,
                                0)),
                today);
        measure("people you may know (jOOQ)", suggestions, RUNS);
        measure("people you may know (naive JPA)", suggestionsJpa, NAIVE_RUNS);

        System.out.println();
        System.out.println("================ DirectoryAndSuggestionsBenchmark ================");
        report.forEach(System.out::println);
        System.out.println("==================================================================");
    }

    /** How many profiles have the word (full-text, as the directory matches it). */
    private int share(String word) {
        return dsl.fetchCount(
                org.cinely.profiles.jooq.Tables.PROFILES,
                org.jooq.impl.DSL.condition(
                        "MATCH(display_name, handle, headline, bio) AGAINST ({0} IN BOOLEAN MODE)",
                        org.jooq.impl.DSL.val("+" + word + "*")));
    }

    /** Run i's search: one word, or (every other run) two words of the same list. */
    private static String pick(List<String> words, int i) {
        String first = words.get(i % words.size());
        return i % 2 == 0 ? first + " " + words.get((i * 7 + 3) % words.size()) : first;
    }

    private void measure(String label, IntConsumer query, int runs) {
        for (int i = 0; i < Math.max(5, runs / 10); i++) {
            query.accept(i + 1000); // warm-up: JIT, buffer pool
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.accept(i);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        report.add(String.format(
                "%-60s %9.1f %9.1f %9.1f", label, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99)));
    }

    /**
     * Each distinct search of a bucket (as {@link #pick} makes them) timed on its own, median of
     * five, with the way the planner read it: the five slowest are reported.
     */
    private static List<DirectorySearch> distinct(int count, java.util.function.IntFunction<DirectorySearch> search) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(search)
                .distinct()
                .toList();
    }

    private void slowest(String bucket, List<DirectorySearch> searches, LocalDate today) {
        record Timed(String q, double ms, Object access, long total) {}
        List<Timed> timed = new ArrayList<>();
        for (DirectorySearch search : searches) {
            String q = search.q()
                    + (search.craft() == null ? "" : " + " + search.craft().slug());
            double[] ms = new double[5];
            org.cinely.platform.search.SearchPage<ProfileCard> page = null;
            for (int r = 0; r < ms.length; r++) {
                long start = System.nanoTime();
                page = directory.search(search, false, Set.of(), today, PAGE);
                ms[r] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            timed.add(new Timed(q, ms[2], page.access(), page.getTotalElements()));
        }
        timed.sort((a, b) -> Double.compare(b.ms(), a.ms()));
        report.add("slowest searches, " + bucket + " (median of 5 ms, read by, total):");
        timed.stream()
                .limit(5)
                .forEach(t -> report.add(String.format(
                        Locale.ROOT, "    %-40s %7.1f  %-9s %,d", '"' + t.q() + '"', t.ms(), t.access(), t.total())));
    }

    static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * The directory as one would first write it with JPA: JPQL with LIKE '%word%' on every text
     * column (no full-text index can help), a join on the crafts collection, a count query, then
     * the crafts of each card loaded lazily (batched by Hibernate), relevance not available.
     */
    private List<ProfileCard> naiveDirectory(String q, String craft, String location) {
        return tx.execute(status -> {
            StringBuilder where = new StringBuilder(" where 1 = 1");
            Map<String, Object> params = new HashMap<>();
            if (q != null) {
                int n = 0;
                for (String word : q.toLowerCase(Locale.ROOT).split(" ")) {
                    where.append(" and (lower(p.displayName) like :w")
                            .append(n)
                            .append(" or lower(p.handle) like :w")
                            .append(n)
                            .append(" or lower(p.headline) like :w")
                            .append(n)
                            .append(" or lower(p.bio) like :w")
                            .append(n)
                            .append(")");
                    params.put("w" + n++, "%" + word + "%");
                }
            }
            if (craft != null) {
                where.append(" and :craft member of p.crafts");
                params.put("craft", Craft.fromSlug(craft).orElseThrow());
            }
            if (location != null) {
                where.append(" and (p.locationCity like :loc or p.locationCountry like :loc)");
                params.put("loc", location + "%");
            }
            var count = em.createQuery("select count(p) from Profile p" + where, Long.class);
            var select =
                    em.createQuery("select p from Profile p" + where + " order by p.lastActiveAt desc", Profile.class);
            params.forEach((k, v) -> {
                count.setParameter(k, v);
                select.setParameter(k, v);
            });
            count.getSingleResult();
            LocalDate today = LocalDate.now();
            return select.setMaxResults(PAGE).getResultList().stream()
                    .map(p -> ProfileCard.of(p, today))
                    .toList();
        });
    }

    /**
     * "People you may know" walked with JPA: my connections, then each friend's connections (one
     * query per friend), counted in memory, minus the exclusions, then the top profiles loaded.
     */
    private List<ProfileCard> naiveSuggestions(long member) {
        return tx.execute(status -> {
            List<Long> friends = em.createQuery(
                            "select e.otherId from ConnectionEdge e where e.memberId = :m", Long.class)
                    .setParameter("m", member)
                    .getResultList();
            Map<Long, Integer> mutual = new HashMap<>();
            for (Long friend : friends) {
                for (Long other : em.createQuery(
                                "select e.otherId from ConnectionEdge e where e.memberId = :m", Long.class)
                        .setParameter("m", friend)
                        .getResultList()) {
                    mutual.merge(other, 1, Integer::sum);
                }
            }
            Set<Long> excluded = new HashSet<>(friends);
            excluded.add(member);
            for (String sql : List.of(
                    "select recipient_id from connection_requests where requester_id = ?1",
                    "select requester_id from connection_requests where recipient_id = ?1",
                    "select blocked_id from member_blocks where blocker_id = ?1",
                    "select blocker_id from member_blocks where blocked_id = ?1",
                    "select dismissed_id from suggestion_dismissals where member_id = ?1")) {
                for (Object id :
                        em.createNativeQuery(sql).setParameter(1, member).getResultList()) {
                    excluded.add(((Number) id).longValue());
                }
            }
            List<Map.Entry<Long, Integer>> ranked = new ArrayList<>();
            for (Map.Entry<Long, Integer> e : mutual.entrySet()) {
                if (!excluded.contains(e.getKey())) {
                    ranked.add(e);
                }
            }
            ranked.sort(Map.Entry.<Long, Integer>comparingByValue(Collections.reverseOrder()));
            LocalDate today = LocalDate.now();
            List<ProfileCard> cards = new ArrayList<>();
            for (Map.Entry<Long, Integer> e : ranked.subList(0, Math.min(PAGE, ranked.size()))) {
                Profile p = em.find(Profile.class, e.getKey());
                if (p != null) {
                    cards.add(ProfileCard.of(p, today));
                }
            }
            return cards;
        });
    }
}

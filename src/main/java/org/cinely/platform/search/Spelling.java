package org.cinely.platform.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cinely.platform.CraftSynonyms;

/**
 * "Did you mean gaffer?": the nearest spellings of a search box's unknown words, for a search that
 * found nothing. The words it knows are the craft phrases' ({@link CraftSynonyms}) and the frequent
 * words of a module's most recent rows, counted in memory and refreshed rarely ({@link Cache}), so
 * no suggestion reads the table: each unknown word is compared with every known one of a similar
 * length, within a small edit distance (1 for words up to 4 letters, 2 beyond; a swap of two
 * neighbouring letters counts 1). The caller runs the corrections, best first, and offers the first
 * that finds something.
 */
public final class Spelling {

    /** Corrections offered at most; the caller tries each, so this bounds the searches an empty result costs. */
    public static final int MAX_CORRECTIONS = 3;

    /** Words of the recent rows kept when they appear at least this often (a typo is rarely repeated). */
    public static final int MIN_COUNT = 2;

    /** How many of a module's most recent rows the dictionary is counted from. */
    public static final int SAMPLE_ROWS = 2_000;

    /** Unknown words corrected at most (the others are kept as typed). */
    private static final int MAX_UNKNOWN = 3;

    /** Candidates kept per unknown word. */
    private static final int CANDIDATES = 3;

    /** Letters and digits: a word of the search box, as {@link SearchWords#words} splits it. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** Craft words count as if they were frequent: they are what people search for. */
    private static final int CRAFT_WORD_COUNT = 1_000_000;

    private final Map<String, Integer> counts;

    private Spelling(Map<String, Integer> counts) {
        this.counts = Map.copyOf(counts);
    }

    /** The craft phrases' words and the words of these texts that appear {@link #MIN_COUNT} times or more. */
    public static Spelling of(Iterable<String> texts) {
        Map<String, Integer> counted = new HashMap<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (words.find()) {
                String word = words.group();
                if (word.length() >= SearchWords.MIN_TOKEN && word.chars().allMatch(Character::isLetter)) {
                    counted.merge(word, 1, Integer::sum);
                }
            }
        }
        counted.values().removeIf(count -> count < MIN_COUNT);
        for (String word : CraftSynonyms.words()) {
            counted.put(word, CRAFT_WORD_COUNT);
        }
        return new Spelling(counted);
    }

    /** How many words it knows. */
    public int size() {
        return counts.size();
    }

    public boolean knows(String word) {
        return counts.containsKey(word.toLowerCase(Locale.ROOT));
    }

    /**
     * The first correction of {@code q} (best first) for which {@code finds} answers true: the one
     * "Did you mean" offers. At most {@link #MAX_CORRECTIONS} are tried, so an empty result costs
     * a bounded number of searches.
     */
    public java.util.Optional<String> firstThatFinds(String q, java.util.function.Predicate<String> finds) {
        return corrections(q).stream().filter(finds).findFirst();
    }

    /**
     * The search box with some of its unknown words replaced by the nearest known ones, best first
     * (fewest edits, then the most frequent words), at most {@link #MAX_CORRECTIONS}; empty when
     * every word is known or none has a near neighbour. An unknown word may be right, only rare
     * (a name), so corrections that keep it come too. Everything else is kept as typed.
     */
    public List<String> corrections(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        // Each unknown word's candidates, in the order the words come.
        Map<String, List<Candidate>> unknown = new LinkedHashMap<>();
        for (String word : SearchWords.words(q)) {
            if (word.length() < SearchWords.MIN_TOKEN
                    || !word.chars().allMatch(Character::isLetter)
                    || counts.containsKey(word)
                    || unknown.containsKey(word)) {
                continue;
            }
            List<Candidate> candidates = candidates(word);
            if (!candidates.isEmpty() && unknown.size() < MAX_UNKNOWN) {
                unknown.put(word, candidates);
            }
        }
        if (unknown.isEmpty()) {
            return List.of();
        }
        // Every way of replacing some of the unknown words (a word may be right, only rare: kept
        // as typed, it costs nothing), fewest edits first, then the most frequent replacements.
        List<Map<String, Candidate>> choices = new ArrayList<>();
        choices.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Candidate>> word : unknown.entrySet()) {
            List<Map<String, Candidate>> longer = new ArrayList<>();
            for (Map<String, Candidate> choice : choices) {
                longer.add(choice);
                for (Candidate candidate : word.getValue()) {
                    Map<String, Candidate> with = new LinkedHashMap<>(choice);
                    with.put(word.getKey(), candidate);
                    longer.add(with);
                }
            }
            choices = longer;
        }
        choices.removeIf(Map::isEmpty);
        choices.sort(Comparator.comparingInt(Spelling::edits).thenComparing(Spelling::rarity));
        Set<String> corrections = new LinkedHashSet<>();
        for (Map<String, Candidate> choice : choices) {
            if (corrections.size() == MAX_CORRECTIONS) {
                break;
            }
            corrections.add(replace(q, choice));
        }
        return List.copyOf(corrections);
    }

    private record Candidate(String word, int distance, int count) {}

    private static int edits(Map<String, Candidate> choice) {
        return choice.values().stream().mapToInt(Candidate::distance).sum();
    }

    private static long rarity(Map<String, Candidate> choice) {
        return -choice.values().stream().mapToLong(Candidate::count).sum();
    }

    private List<Candidate> candidates(String word) {
        int max = word.length() <= 4 ? 1 : 2;
        List<Candidate> found = new ArrayList<>();
        for (Map.Entry<String, Integer> known : counts.entrySet()) {
            String candidate = known.getKey();
            if (Math.abs(candidate.length() - word.length()) > max) {
                continue;
            }
            int distance = distance(word, candidate, max);
            if (distance <= max) {
                found.add(new Candidate(candidate, distance, known.getValue()));
            }
        }
        found.sort(Comparator.comparingInt(Candidate::distance)
                .thenComparing(Comparator.comparingInt(Candidate::count).reversed())
                .thenComparing(Candidate::word));
        return found.size() > CANDIDATES ? List.copyOf(found.subList(0, CANDIDATES)) : List.copyOf(found);
    }

    /** The words of {@code q} replaced as chosen (each case-insensitively), the rest kept as typed. */
    private static String replace(String q, Map<String, Candidate> choice) {
        Matcher words = WORD.matcher(q);
        StringBuilder corrected = new StringBuilder();
        while (words.find()) {
            Candidate replacement = choice.get(words.group().toLowerCase(Locale.ROOT));
            words.appendReplacement(
                    corrected, Matcher.quoteReplacement(replacement == null ? words.group() : replacement.word()));
        }
        words.appendTail(corrected);
        return corrected.toString().strip();
    }

    /**
     * Edits between two words (insert, delete, replace, or swap two neighbouring letters), or {@code
     * max + 1} once it is certain to exceed {@code max}.
     */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return Math.min(d[n][m], max + 1);
    }

    /**
     * A module's dictionary, counted from its recent rows when first needed and again when older
     * than {@code maxAge} (a few thousand rows, a few milliseconds, once in a long while).
     */
    public static final class Cache {

        private record Counted(Spelling spelling, Instant at) {}

        private final Supplier<Iterable<String>> texts;
        private final Duration maxAge;
        private final Clock clock;
        private final AtomicReference<Counted> current = new AtomicReference<>();

        public Cache(Supplier<Iterable<String>> texts, Duration maxAge, Clock clock) {
            this.texts = texts;
            this.maxAge = maxAge;
            this.clock = clock;
        }

        public Spelling get() {
            Counted counted = current.get();
            Instant now = clock.instant();
            if (counted == null || counted.at().plus(maxAge).isBefore(now)) {
                counted = new Counted(Spelling.of(texts.get()), now);
                current.set(counted);
            }
            return counted.spelling();
        }
    }
}

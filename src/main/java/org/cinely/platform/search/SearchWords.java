package org.cinely.platform.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The words of a search box, as MySQL's full-text index sees them ({@link #booleanQuery}) and as
 * patterns one row's text can be tested with ({@link #containsAll}): both find a row when every
 * word starts a word of its text, so a search gives the same rows whichever way the
 * {@link TextSearchPlanner} reads them.
 */
public final class SearchWords {

    /** InnoDB's innodb_ft_min_token_size: shorter words are not in the full-text index. */
    public static final int MIN_TOKEN = 3;

    /** A search box's words beyond this many are ignored. */
    public static final int MAX_WORDS = 8;

    /** InnoDB's default stop words: the index has none of them, so a required one matches nothing. */
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is",
            "it", "la", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will",
            "with", "und", "www");

    /**
     * Not preceded by a letter, digit or underscore (InnoDB's word characters): the word starts a
     * word of the text. A lookbehind rather than {@code (^|[^...])} keeps the word itself as the
     * pattern's literal start, which both MariaDB's PCRE and MySQL 8's ICU scan for quickly
     * (about 2 µs per profile against 30 µs for the alternation, measured on the benchmark data).
     */
    private static final String WORD_START = "(?<![\\p{L}\\p{N}_])";

    /** For each lower-case ASCII letter, its accented lower-case forms in the Latin blocks. */
    private static final Map<Integer, String> ACCENTED = accentedLetters();

    private SearchWords() {}

    /** Every word of the text, lower-cased, split at anything not a letter or digit (operators too). */
    public static List<String> words(String q) {
        List<String> words = new ArrayList<>();
        if (q == null || q.isBlank()) {
            return words;
        }
        for (String word : q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && words.size() < MAX_WORDS) {
                words.add(word);
            }
        }
        return words;
    }

    /** The words the full-text index can find: at least {@link #MIN_TOKEN} long, not stop words. */
    public static List<String> indexWords(String q) {
        return words(q).stream().filter(SearchWords::isIndexWord).distinct().toList();
    }

    /** A word of {@link #words} the full-text index has: at least {@link #MIN_TOKEN} long, not a stop word. */
    public static boolean isIndexWord(String word) {
        return word.length() >= MIN_TOKEN && !STOP_WORDS.contains(word);
    }

    /** The words too short for the index ("DP", "AC"), which callers match another way. */
    public static List<String> shortWords(String q) {
        return words(q).stream()
                .filter(word -> word.length() < MIN_TOKEN)
                .distinct()
                .toList();
    }

    /**
     * A boolean-mode query requiring every word, each as a prefix ({@code +night* +shoot*}): "night
     * gaff" finds "night exteriors" by a "gaffer". Typed operators never get here ({@link #words}).
     */
    public static String booleanQuery(List<String> indexWords) {
        return String.join(
                " ", indexWords.stream().map(word -> "+" + word + "*").toList());
    }

    /**
     * The same with optional words after the required ones ({@code +night* lighting*}): they find
     * no more rows, but rank the rows that have them higher (a craft phrase's words, {@link
     * SearchTerms}).
     */
    public static String booleanQuery(List<String> indexWords, List<String> optionalWords) {
        List<String> all = new ArrayList<>();
        indexWords.forEach(word -> all.add("+" + word + "*"));
        optionalWords.stream()
                .filter(word -> !indexWords.contains(word))
                .distinct()
                .forEach(word -> all.add(word + "*"));
        return String.join(" ", all);
    }

    /** {@code MATCH(columns) AGAINST (query IN BOOLEAN MODE)}: as a condition, the index drives it. */
    public static Condition fullTextMatch(List<String> indexWords, Field<?>... columns) {
        return fullTextMatch(indexWords, List.of(), columns);
    }

    /**
     * The same, ranking rows with the optional words higher; the condition and the {@link
     * #relevance} of the same words are one full-text search to MySQL.
     */
    public static Condition fullTextMatch(List<String> indexWords, List<String> optionalWords, Field<?>... columns) {
        return DSL.condition(matchSql(columns.length), matchArguments(indexWords, optionalWords, columns));
    }

    /** The same MATCH as a relevance score, to sort by. */
    public static Field<Double> relevance(List<String> indexWords, Field<?>... columns) {
        return relevance(indexWords, List.of(), columns);
    }

    /** The same MATCH as a relevance score, to sort by. */
    public static Field<Double> relevance(List<String> indexWords, List<String> optionalWords, Field<?>... columns) {
        return DSL.field(matchSql(columns.length), Double.class, matchArguments(indexWords, optionalWords, columns));
    }

    /**
     * Every word starts a word of the text (REGEXP, case-insensitive under the columns' collation):
     * the row-by-row twin of {@link #fullTextMatch}, for rows read through another index.
     */
    public static Condition containsAll(List<String> indexWords, Field<String> text) {
        Condition all = DSL.noCondition();
        for (String word : indexWords) {
            all = all.and(contains(word, text));
        }
        return all;
    }

    /** One word starts a word of the text. */
    public static Condition contains(String indexWord, Field<String> text) {
        return text.likeRegex(pattern(indexWord));
    }

    /** The columns as one text, words kept apart by a space (a NULL column is skipped). */
    public static Field<String> text(Field<?>... columns) {
        Field<?>[] arguments = new Field<?>[columns.length + 1];
        arguments[0] = DSL.inline(" ");
        System.arraycopy(columns, 0, arguments, 1, columns.length);
        return DSL.function("CONCAT_WS", String.class, arguments);
    }

    /**
     * The REGEXP for one word of {@link #words} (letters and digits only, so nothing to escape).
     * Each Latin letter stands for its accented forms too ("cafe" finds "Café", "senor" "Señor"), as
     * the columns' accent-insensitive collation makes the full-text index do; REGEXP only follows
     * the collation's case.
     */
    static String pattern(String word) {
        if (!word.matches("[\\p{L}\\p{N}]+")) {
            throw new IllegalArgumentException("not a search word: " + word);
        }
        StringBuilder pattern = new StringBuilder(WORD_START);
        word.codePoints().forEach(c -> {
            String variants = ACCENTED.get(base(c));
            if (variants == null) {
                pattern.appendCodePoint(c);
            } else {
                pattern.append('[').appendCodePoint(base(c)).append(variants).append(']');
            }
        });
        return pattern.toString();
    }

    /** The letter without its accent (é to e), or the character itself. */
    private static int base(int c) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
        int first = decomposed.codePointAt(0);
        return first < 128 && Character.isLetter(first) ? Character.toLowerCase(first) : c;
    }

    private static Map<Integer, String> accentedLetters() {
        Map<Integer, StringBuilder> forms = new TreeMap<>();
        // Latin-1, Extended-A and -B (Romanian ș, ț) and Extended Additional (Vietnamese ế): a
        // word with one of these must find itself (the fuzz test found "axȩ" missing itself).
        java.util.stream.IntStream letters = java.util.stream.IntStream.concat(
                java.util.stream.IntStream.rangeClosed(0xC0, 0x24F),
                java.util.stream.IntStream.rangeClosed(0x1E00, 0x1EFF));
        for (int c : letters.toArray()) {
            if (Character.isLetter(c) && Character.isLowerCase(c)) {
                int base = base(c);
                if (base != c) {
                    forms.computeIfAbsent(base, b -> new StringBuilder()).appendCodePoint(c);
                }
            }
        }
        Map<Integer, String> accented = new TreeMap<>();
        forms.forEach((base, variants) -> accented.put(base, variants.toString()));
        return Map.copyOf(accented);
    }

    private static String matchSql(int columns) {
        StringBuilder sql = new StringBuilder("MATCH(");
        for (int i = 0; i < columns; i++) {
            sql.append(i == 0 ? "" : ", ").append('{').append(i).append('}');
        }
        return sql.append(") AGAINST ({")
                .append(columns)
                .append("} IN BOOLEAN MODE)")
                .toString();
    }

    private static Object[] matchArguments(List<String> indexWords, List<String> optionalWords, Field<?>[] columns) {
        Object[] arguments = new Object[columns.length + 1];
        System.arraycopy(columns, 0, arguments, 0, columns.length);
        arguments[columns.length] = DSL.val(booleanQuery(indexWords, optionalWords));
        return arguments;
    }
}

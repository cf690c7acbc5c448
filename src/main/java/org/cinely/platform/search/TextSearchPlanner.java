package org.cinely.platform.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Chooses how a word search reads its rows, from a sample of the most recent ones.
 *
 * <p>Why: InnoDB's full-text search costs about 0.5 µs for every row that has one of the words and
 * 4.5 µs more for every row that has them all, before any filter, sort or LIMIT applies (fitted to
 * ranked searches on the benchmark data: 13 ms for a word in 3% of 100,000 profiles, 85 ms for one
 * in 14%, 35 ms for two words in 26% and 14% that meet in 3.5%). A search for common words
 * ("documentary", "short film") would pay that for thousands of rows to show 24. But the more rows
 * match, the sooner a walk down the recency index finds a page of them, testing each row's text
 * with {@link SearchWords#containsAll} (about 4 µs a row); and a place or a craft may have an index
 * that gives a small candidate set (about 6 µs a candidate). So the planner estimates what each way costs and takes the
 * cheapest:
 *
 * <ul>
 *   <li>{@link Access#FULL_TEXT}: MATCH ... AGAINST drives, results ranked by relevance; cost
 *       follows the rows with the words.
 *   <li>{@link Access#PLACE}, {@link Access#CRAFT}: that filter's index drives, each candidate's
 *       text is tested; cost follows the rows in the place or with the craft.
 *   <li>{@link Access#RECENT}: the recency index drives until a page is full; cost follows how
 *       rare a match is among recent rows. The total is then an estimate.
 * </ul>
 *
 * <p>Only the first lists by relevance; the others list newest first. They are chosen only when
 * the words are common (full-text search would cost more than {@link #FULL_TEXT_BUDGET}), and for a
 * common word the full-text score hardly tells matches apart: it counts how often a text repeats
 * the word, weighted by the word's rarity, which is low.
 *
 * <p>The estimates come from a sample of the {@link #SAMPLE_ROWS} most recent rows ({@link
 * #sample}). The plan is chosen for the first page and kept for every page of the search, so
 * paging never changes the order.
 */
public final class TextSearchPlanner {

    /** Rows in the sample: about 4 ms to read and test on the benchmark data. */
    public static final int SAMPLE_ROWS = 500;

    /** Microseconds per row with one of the words, for MATCH ... AGAINST (fitted, see above). */
    static final double FULL_TEXT_POSTING_COST = 0.5;

    /** Microseconds per row with every word, for MATCH ... AGAINST (fitted, see above). */
    static final double FULL_TEXT_MATCH_COST = 4.5;

    /**
     * Microseconds of full-text search always worth paying for ranking by relevance (about 3,000
     * matches), even where another access would be cheaper.
     */
    static final double FULL_TEXT_BUDGET = 15_000;

    /**
     * Microseconds per row read down the recency index and tested (measured on the benchmark data:
     * 3.3 µs a profile for the index entry and the row, the word tested only where cheaper filters
     * pass).
     */
    static final double RECENT_COST = 4.0;

    /**
     * Microseconds per candidate read through a filter's index, tested, and sorted (measured: 4,559
     * colorists with a word test and a window count in 27.6 ms).
     */
    static final double FILTER_COST = 6.0;

    /**
     * Microseconds per word tested by REGEXP on a candidate's text, beyond {@link #FILTER_COST}
     * (measured on the board's benchmark: about 15 µs a listing for two words and a craft phrase).
     */
    static final double WORD_TEST_COST = 4.0;

    /** How a search reads its rows. */
    public enum Access {
        FULL_TEXT,
        PLACE,
        CRAFT,
        RECENT,
        /**
         * A craft phrase was typed ({@link SearchTerms}: "DP", "sound recordist"): the rows with
         * one phrase's crafts (the craft index) and the rows with its words (the full-text index),
         * merged, each then tested for the whole search; newest first. The way for a phrase alone,
         * and for common words with a phrase, as {@link #CRAFT} is for a craft filter.
         */
        CRAFT_TERM
    }

    /**
     * What the sample found.
     *
     * @param rows how many rows the sample read (fewer than {@link #SAMPLE_ROWS} in a small table)
     * @param eachWordHits for each word, the rows that have it
     * @param wordHits rows with every word
     * @param filterHits for each filter with an index to read through, the rows it keeps
     * @param allHits rows that match the whole search
     * @param termHits for each craft phrase ({@link SearchTerms#crafts}), the rows with its craft or
     *     its words
     * @param rankWordHits for each of the craft phrases' words ({@link SearchTerms#craftWords}), the
     *     rows that have it
     */
    public record Sample(
            int rows,
            List<Integer> eachWordHits,
            int wordHits,
            Map<Access, Integer> filterHits,
            int allHits,
            List<Integer> termHits,
            List<Integer> rankWordHits) {

        public Sample {
            eachWordHits = List.copyOf(eachWordHits);
            filterHits = Map.copyOf(filterHits);
            termHits = List.copyOf(termHits);
            rankWordHits = List.copyOf(rankWordHits);
        }

        /** A sample of a search without craft phrases. */
        public Sample(
                int rows, List<Integer> eachWordHits, int wordHits, Map<Access, Integer> filterHits, int allHits) {
            this(rows, eachWordHits, wordHits, filterHits, allHits, List.of(), List.of());
        }

        /** A sample of a search whose craft phrases have no words the full-text index has. */
        public Sample(
                int rows,
                List<Integer> eachWordHits,
                int wordHits,
                Map<Access, Integer> filterHits,
                int allHits,
                List<Integer> termHits) {
            this(rows, eachWordHits, wordHits, filterHits, allHits, termHits, List.of());
        }

        /** The craft phrase with the fewest rows, the one {@link Access#CRAFT_TERM} reads through. */
        public int narrowestTerm() {
            int narrowest = 0;
            for (int t = 1; t < termHits.size(); t++) {
                if (termHits.get(t) < termHits.get(narrowest)) {
                    narrowest = t;
                }
            }
            return narrowest;
        }
    }

    /**
     * The chosen access and, for {@link Access#RECENT}, the estimated number of matches (the other
     * ways read every match, so they count them exactly).
     *
     * @param rankByCraftWords {@link Access#FULL_TEXT} may rank by the craft phrases' words too
     *     (optional words of the MATCH): they are rare enough that reading them costs little
     */
    public record Plan(Access access, long estimatedMatches, boolean rankByCraftWords) {

        public Plan(Access access, long estimatedMatches) {
            this(access, estimatedMatches, false);
        }
    }

    /**
     * Microseconds of optional words worth reading to rank full-text matches by the craft phrases'
     * words (about 1,000 rows with them): "director" alone is in a fifth of the profiles, and ranking
     * "london director of photography" by it would cost 150 ms.
     */
    static final double RANK_BUDGET = 5_000;

    private TextSearchPlanner() {}

    /**
     * @param tableRows rows the search could return (listed profiles, open listings); asked only
     *     when the sample is full, since a smaller one read the whole table
     * @param pageSize rows on a page
     */
    public static Plan plan(Sample sample, LongSupplier tableRows, int pageSize) {
        // Without words to find in the text, only craft phrases: the full-text index cannot drive
        // alone, the phrase's crafts and words together can.
        Access indexed =
                sample.eachWordHits().isEmpty() && !sample.termHits().isEmpty() ? Access.CRAFT_TERM : Access.FULL_TEXT;
        if (sample.rows() == 0) {
            return new Plan(indexed, 0, true);
        }
        double rows = sample.rows() < SAMPLE_ROWS ? sample.rows() : Math.max(tableRows.getAsLong(), sample.rows());
        long estimate = roughly(sample.allHits() / (double) sample.rows() * rows);
        // The craft phrases' words rank full-text matches when they are rare: an optional word of
        // a MATCH costs as a required one, for every row that has it.
        double rankPostings = 0;
        for (int hits : sample.rankWordHits()) {
            rankPostings += share(hits, sample) * rows;
        }
        double rankCost = (FULL_TEXT_POSTING_COST + FULL_TEXT_MATCH_COST) * rankPostings;
        boolean rank = !sample.rankWordHits().isEmpty() && rankCost <= RANK_BUDGET;
        double fullText;
        if (indexed == Access.CRAFT_TERM) {
            // Every row with the phrase's craft or words is read, found through one of the two
            // indexes, and tested.
            double candidates = share(sample.termHits().get(sample.narrowestTerm()), sample) * rows;
            fullText = (FILTER_COST + FULL_TEXT_POSTING_COST) * candidates;
        } else {
            double postings = 0;
            for (int hits : sample.eachWordHits()) {
                postings += share(hits, sample) * rows;
            }
            fullText = FULL_TEXT_POSTING_COST * postings
                    + FULL_TEXT_MATCH_COST * share(sample.wordHits(), sample) * rows
                    + (rank ? rankCost : 0);
        }
        if (fullText <= FULL_TEXT_BUDGET) {
            return new Plan(indexed, estimate, rank);
        }
        Access cheapest = indexed;
        double least = fullText;
        // One row more than a page: whether there is a next page. The walk's cost grows as the
        // share of matches shrinks, so a share overestimated by chance (a handful of hits in the
        // sample) would make it look far cheaper than it is: it is judged on a low estimate, one
        // standard deviation below the hits counted.
        double lowShare = Math.max(sample.allHits() - Math.sqrt(sample.allHits()), 0.5) / sample.rows();
        double recent = RECENT_COST * Math.min(rows, (pageSize + 1) / lowShare);
        if (recent < least) {
            cheapest = Access.RECENT;
            least = recent;
        }
        for (Map.Entry<Access, Integer> filter : sample.filterHits().entrySet()) {
            double cost = FILTER_COST * share(filter.getValue(), sample) * rows;
            if (cost < least) {
                cheapest = filter.getKey();
                least = cost;
            }
        }
        if (indexed == Access.FULL_TEXT && !sample.termHits().isEmpty()) {
            // Common words and a craft phrase ("location focus puller"): the phrase's crafts and
            // words may give fewer candidates than the words, like a craft filter.
            // Each candidate's text is tested for every word, by REGEXP (job descriptions are
            // long: "night shoot grip" read 3,000 grips at 15 µs each).
            double cost = (FILTER_COST
                            + FULL_TEXT_POSTING_COST
                            + WORD_TEST_COST * sample.eachWordHits().size())
                    * share(sample.termHits().get(sample.narrowestTerm()), sample)
                    * rows;
            if (cost < least) {
                cheapest = Access.CRAFT_TERM;
            }
        }
        return new Plan(cheapest, estimate, rank);
    }

    /**
     * Reads the sample: the {@link #SAMPLE_ROWS} first rows of {@code table} in {@code recency}
     * order within {@code scope}, each tested for every word, every indexed filter and the whole
     * search, in one query (about 4 ms on the benchmark data). Each word is tested on every row, not
     * only until one fails, because the full-text cost depends on each word's own share.
     *
     * @param indexedFilters the search's filters that have an index to read through (a place, a
     *     craft), by the access that would use it
     * @param search the whole search but its words: every filter, the indexed ones too
     */
    public static Sample sample(
            DSLContext dsl,
            Table<?> table,
            Condition scope,
            List<? extends OrderField<?>> recency,
            List<String> words,
            Field<String> text,
            Map<Access, Condition> indexedFilters,
            Condition search) {
        return sample(dsl, table, scope, recency, words, text, List.of(), List.of(), indexedFilters, search);
    }

    /**
     * The same, for a search with craft phrases too.
     *
     * @param terms each craft phrase as a test of one row ({@link SearchTerms.CraftTerm#test}); the
     *     caller includes them in {@code search} as well
     * @param rankWords the craft phrases' words, each counted to know what ranking by them costs
     */
    public static Sample sample(
            DSLContext dsl,
            Table<?> table,
            Condition scope,
            List<? extends OrderField<?>> recency,
            List<String> words,
            Field<String> text,
            List<Condition> terms,
            List<String> rankWords,
            Map<Access, Condition> indexedFilters,
            Condition search) {
        List<Field<?>> tests = new ArrayList<>();
        for (String word : words) {
            tests.add(DSL.field(SearchWords.contains(word, text)));
        }
        for (Condition term : terms) {
            tests.add(DSL.field(term));
        }
        for (String word : rankWords) {
            tests.add(DSL.field(SearchWords.contains(word, text)));
        }
        List<Access> filters = List.copyOf(indexedFilters.keySet());
        for (Access filter : filters) {
            tests.add(DSL.field(indexedFilters.get(filter)));
        }
        // trueCondition().and(...): a bare noCondition() would be selected as NULL.
        tests.add(DSL.field(DSL.trueCondition().and(search)));
        int[] eachWord = new int[words.size()];
        int[] eachTerm = new int[terms.size()];
        int[] eachRankWord = new int[rankWords.size()];
        int[] eachFilter = new int[filters.size()];
        int rows = 0;
        int wordHits = 0;
        int allHits = 0;
        for (Record row : dsl.select(tests)
                .from(table)
                .where(scope)
                .orderBy(recency)
                .limit(SAMPLE_ROWS)
                .fetch()) {
            rows++;
            boolean all = true;
            for (int w = 0; w < eachWord.length; w++) {
                boolean has = isTrue(row, w);
                eachWord[w] += has ? 1 : 0;
                all &= has;
            }
            for (int t = 0; t < eachTerm.length; t++) {
                eachTerm[t] += isTrue(row, words.size() + t) ? 1 : 0;
            }
            for (int r = 0; r < eachRankWord.length; r++) {
                eachRankWord[r] += isTrue(row, words.size() + terms.size() + r) ? 1 : 0;
            }
            for (int f = 0; f < eachFilter.length; f++) {
                eachFilter[f] += isTrue(row, words.size() + terms.size() + rankWords.size() + f) ? 1 : 0;
            }
            wordHits += all ? 1 : 0;
            allHits += all && isTrue(row, tests.size() - 1) ? 1 : 0;
        }
        Map<Access, Integer> filterHits = new EnumMap<>(Access.class);
        for (int f = 0; f < eachFilter.length; f++) {
            filterHits.put(filters.get(f), eachFilter[f]);
        }
        return new Sample(
                rows,
                Arrays.stream(eachWord).boxed().toList(),
                wordHits,
                filterHits,
                allHits,
                Arrays.stream(eachTerm).boxed().toList(),
                Arrays.stream(eachRankWord).boxed().toList());
    }

    private static boolean isTrue(Record row, int index) {
        return Boolean.TRUE.equals(row.get(index, Boolean.class));
    }

    /** Two significant digits: an estimate should not look exact ("about 4,300", not "4,312"). */
    static long roughly(double estimate) {
        if (estimate < 100) {
            return Math.round(estimate);
        }
        double unit = Math.pow(10, Math.floor(Math.log10(estimate)) - 1);
        return Math.round(Math.round(estimate / unit) * unit);
    }

    /** A share of the rows; none in the sample counts as half a row, so rarity stays finite. */
    private static double share(int hits, Sample sample) {
        return Math.max(hits, 0.5) / sample.rows();
    }
}

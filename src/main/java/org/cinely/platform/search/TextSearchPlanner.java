package org.cinely.platform.search;

import java.util.function.LongSupplier;

/**
 * Chooses how a word search reads its rows, from a sample of the most recent ones.
 *
 * <p>Why: InnoDB's full-text search costs about 5 µs for every row its words match, before any
 * filter, sort or LIMIT applies (measured on the benchmark data: 15 ms for a word in 3% of 100,000
 * profiles, 107 ms for one in 20%). A search for common words ("documentary", "short film") would
 * pay that for thousands of rows to show 24. But the more rows match, the sooner a walk down the
 * recency index finds a page of them, testing each row's text with {@link SearchWords#containsAll}
 * (about 7 µs a row). And with a place, the city and country indexes give a small candidate set.
 * So the planner estimates what each way costs and takes the cheapest:
 *
 * <ul>
 *   <li>{@link Access#FULL_TEXT}: MATCH ... AGAINST drives, results ranked by relevance; cost
 *       follows the rows the words match.
 *   <li>{@link Access#PLACE}: the place's indexes drive, each candidate's text is tested; cost
 *       follows the rows in that place.
 *   <li>{@link Access#RECENT}: the recency index drives until a page is full; cost follows how
 *       rare a match is among recent rows. The total is then an estimate.
 * </ul>
 *
 * <p>The last two list matches newest first rather than by relevance. They are chosen only when
 * the words are common (full-text search would cost more than {@link #FULL_TEXT_BUDGET}), and for a common word the full-text score hardly tells matches apart: it
 * counts how often a text repeats the word, weighted by the word's rarity, which is low.
 *
 * <p>The estimates come from a sample of the {@link #SAMPLE_ROWS} most recent rows, in which the
 * caller counts the rows that have the words, that are in the place, and that match everything.
 * The plan is chosen for the first page, and kept for every page of the search, so that paging
 * through the results never changes their order.
 */
public final class TextSearchPlanner {

    /** Rows in the sample: about 4 ms to read and test on the benchmark data. */
    public static final int SAMPLE_ROWS = 500;

    /** Microseconds per row matched by the words, for MATCH ... AGAINST (measured, see above). */
    static final double FULL_TEXT_COST = 5.0;

    /**
     * Microseconds of full-text search always worth paying for ranking by relevance (about 3,000
     * matches), even where another access would be cheaper.
     */
    static final double FULL_TEXT_BUDGET = 15_000;

    /** Microseconds per row read down the recency index and tested (measured). */
    static final double RECENT_COST = 7.0;

    /** Microseconds per row read through the place's index and tested (measured). */
    static final double PLACE_COST = 5.0;

    /** How a search reads its rows. */
    public enum Access {
        FULL_TEXT,
        PLACE,
        RECENT
    }

    /**
     * What the sample found.
     *
     * @param rows how many rows the sample read (fewer than {@link #SAMPLE_ROWS} in a small table)
     * @param wordHits rows with every word
     * @param placeHits rows in the searched place (0 without a place)
     * @param allHits rows that match the whole search: words, place and every other filter
     */
    public record Sample(int rows, int wordHits, int placeHits, int allHits) {}

    /**
     * The chosen access and, for {@link Access#RECENT}, the estimated number of matches (the other
     * two read every match, so they count them exactly).
     */
    public record Plan(Access access, long estimatedMatches) {}

    private TextSearchPlanner() {}

    /**
     * @param tableRows rows the search could return (listed profiles, open listings); asked only
     *     when the sample is full, since a smaller one read the whole table
     * @param byPlace the search names a place, so {@link Access#PLACE} is possible
     * @param pageSize rows on a page
     */
    public static Plan plan(Sample sample, LongSupplier tableRows, boolean byPlace, int pageSize) {
        if (sample.rows() == 0) {
            return new Plan(Access.FULL_TEXT, 0);
        }
        double rows = sample.rows() < SAMPLE_ROWS ? sample.rows() : Math.max(tableRows.getAsLong(), sample.rows());
        double fullText = FULL_TEXT_COST * share(sample.wordHits(), sample) * rows;
        double allShare = share(sample.allHits(), sample);
        // One row more than a page: whether there is a next page.
        double recent = RECENT_COST * Math.min(rows, (pageSize + 1) / allShare);
        double place = byPlace ? PLACE_COST * share(sample.placeHits(), sample) * rows : Double.MAX_VALUE;
        long estimate = roughly(sample.allHits() / (double) sample.rows() * rows);
        if (fullText <= FULL_TEXT_BUDGET || (fullText <= recent && fullText <= place)) {
            return new Plan(Access.FULL_TEXT, estimate);
        }
        return new Plan(place < recent ? Access.PLACE : Access.RECENT, estimate);
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

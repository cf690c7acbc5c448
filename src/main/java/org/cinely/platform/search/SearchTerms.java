package org.cinely.platform.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cinely.platform.Craft;
import org.cinely.platform.CraftSynonyms;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A search box read for what it says: the words to find in the text, and the crafts it names
 * ({@link CraftSynonyms}). "night DP" means: the text has "night", and the row has the
 * cinematographer craft or the text says "dp". A craft phrase never loses a row its words found
 * before; it adds the rows with the craft.
 *
 * @param words words to find in the text ({@link SearchWords#indexWords} rules), none of them part
 *     of a craft phrase
 * @param crafts the craft phrases, each a condition of its own
 * @param shortWords words too short for the full-text index and not part of a craft phrase ("VR")
 */
public record SearchTerms(List<String> words, List<CraftTerm> crafts, List<String> shortWords) {

    /**
     * A craft phrase of the search box: the row has one of {@code crafts}, or its text has every
     * one of {@code words} (the phrase's own words the full-text index can find; none for "DP").
     */
    public record CraftTerm(Set<Craft> crafts, List<String> words) {

        public CraftTerm {
            crafts = Set.copyOf(crafts);
            words = List.copyOf(words);
        }

        public long mask() {
            return Craft.mask(crafts);
        }

        /** The row's craft bits or its text, tested on one row. */
        public Condition test(Field<Long> craftMask, Field<String> text) {
            Condition hasCraft = craftMask.bitAnd(mask()).ne(0L);
            return words.isEmpty() ? hasCraft : hasCraft.or(SearchWords.containsAll(words, text));
        }
    }

    public SearchTerms {
        words = List.copyOf(words);
        crafts = List.copyOf(crafts);
        shortWords = List.copyOf(shortWords);
    }

    public static SearchTerms of(String q) {
        List<String> all = SearchWords.words(q);
        List<CraftSynonyms.Match> matches = CraftSynonyms.find(all);
        boolean[] inPhrase = new boolean[all.size()];
        Set<CraftTerm> terms = new LinkedHashSet<>();
        for (CraftSynonyms.Match match : matches) {
            List<String> phraseWords = new ArrayList<>();
            for (int i = match.from(); i < match.to(); i++) {
                inPhrase[i] = true;
                if (SearchWords.isIndexWord(all.get(i)) && !phraseWords.contains(all.get(i))) {
                    phraseWords.add(all.get(i));
                }
            }
            terms.add(new CraftTerm(match.crafts(), phraseWords));
        }
        Set<String> words = new LinkedHashSet<>();
        Set<String> shortWords = new LinkedHashSet<>();
        for (int i = 0; i < all.size(); i++) {
            String word = all.get(i);
            if (inPhrase[i]) {
                continue;
            }
            if (SearchWords.isIndexWord(word)) {
                words.add(word);
            } else if (word.length() < SearchWords.MIN_TOKEN) {
                shortWords.add(word);
            }
        }
        return new SearchTerms(List.copyOf(words), List.copyOf(terms), List.copyOf(shortWords));
    }

    /** The craft phrases' own words, which rank a full-text match higher but are not required. */
    public List<String> craftWords() {
        return crafts.stream().flatMap(term -> term.words().stream()).distinct().toList();
    }

    /** Anything to search the text or the crafts for. */
    public boolean isEmpty() {
        return words.isEmpty() && crafts.isEmpty();
    }

    /**
     * The whole search box as a test of one row: every word in the text, and every craft phrase
     * (the craft or its words). The short words are left to the caller, as before.
     */
    public Condition test(Field<Long> craftMask, Field<String> text) {
        // The cheap tests first (MySQL evaluates them in order): a phrase without words is only a
        // bit test, and a row that fails it needs no REGEXP.
        Condition all = DSL.noCondition();
        for (CraftTerm term : crafts) {
            if (term.words().isEmpty()) {
                all = all.and(term.test(craftMask, text));
            }
        }
        all = all.and(SearchWords.containsAll(words, text));
        for (CraftTerm term : crafts) {
            if (!term.words().isEmpty()) {
                all = all.and(term.test(craftMask, text));
            }
        }
        return all;
    }

    /** The craft phrases alone, as a test of one row (no condition if there are none). */
    public Condition craftsTest(Field<Long> craftMask, Field<String> text) {
        return new SearchTerms(List.of(), crafts, List.of()).test(craftMask, text);
    }
}

package org.cinely.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whatever a member types in a search box: no exception, at most {@link SearchWords#MAX_WORDS}
 * words of letters and digits only (so nothing reaches SQL as an operator), a boolean query of
 * words, "+" and "*" alone, and a REGEXP for every word that compiles and finds the word itself.
 */
class SearchWordsFuzzTests {

    static final Pattern QUERY = Pattern.compile("(\\+[\\p{L}\\p{N}]+\\*)( \\+[\\p{L}\\p{N}]+\\*)*|");

    /** The corpus files are the text as UTF-8 (so a seed is what a member would type). */
    static String text(FuzzedDataProvider input) {
        return new String(input.consumeRemainingAsBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @FuzzTest(maxDuration = "60s")
    void anySearchTextGivesSafeWordsAndPatterns(FuzzedDataProvider input) {
        String typed = text(input);
        List<String> words = SearchWords.words(typed);
        assertThat(words.size()).isLessThanOrEqualTo(SearchWords.MAX_WORDS);
        assertThat(words).allMatch(word -> word.matches("[\\p{L}\\p{N}]+"), "letters and digits only");

        List<String> indexWords = SearchWords.indexWords(typed);
        assertThat(SearchWords.booleanQuery(indexWords)).matches(QUERY);
        assertThat(SearchWords.shortWords(typed)).allMatch(word -> word.length() < SearchWords.MIN_TOKEN);

        for (String word : indexWords) {
            Pattern regexp =
                    Pattern.compile(SearchWords.pattern(word), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            assertThat(regexp.matcher("x " + word).find())
                    .as("the REGEXP of %s finds it", word)
                    .isTrue();
        }
    }
}

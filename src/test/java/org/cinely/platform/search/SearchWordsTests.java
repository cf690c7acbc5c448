package org.cinely.platform.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SearchWordsTests {

    @Test
    void wordsBecomeRequiredPrefixesAndOperatorsAreStripped() {
        assertThat(SearchWords.booleanQuery(SearchWords.indexWords("Night  shoot")))
                .isEqualTo("+night* +shoot*");
        assertThat(SearchWords.booleanQuery(SearchWords.indexWords("-gaffer +\"grip\" (boom)* ~x @2")))
                .isEqualTo("+gaffer* +grip* +boom*");
    }

    @Test
    void shortAndStopWordsAreLeftToTheCallerOrDropped() {
        assertThat(SearchWords.indexWords("the DP for")).isEmpty();
        assertThat(SearchWords.shortWords("1st AC wanted")).containsExactly("ac");
        assertThat(SearchWords.indexWords("night night NIGHT")).containsExactly("night");
    }

    @Test
    void atMostEightWordsAreRead() {
        assertThat(SearchWords.words("one two three four five six seven eight nine ten"))
                .hasSize(SearchWords.MAX_WORDS);
    }

    @Test
    void thePatternFindsAWordThatStartsAWordOfTheTextAsTheIndexDoes() {
        Pattern gaffer = Pattern.compile(SearchWords.pattern("gaff"), Pattern.CASE_INSENSITIVE);
        assertThat(gaffer.matcher("Best Gaffer in town").find()).isTrue();
        assertThat(gaffer.matcher("gaffer").find()).isTrue();
        assertThat(gaffer.matcher("key-gaffer, (gaffers)").find()).isTrue();
        // Not inside a word: the full-text index would not find "gaff" in "regaffed" either.
        assertThat(gaffer.matcher("regaffed").find()).isFalse();
        assertThat(gaffer.matcher("x_gaffer 2gaffer égaffer").find()).isFalse();
        assertThat(Pattern.compile(SearchWords.pattern("são"))
                        .matcher("from São Paulo".toLowerCase())
                        .find())
                .isTrue();
    }

    @Test
    void accentsAreIgnoredAsTheCollationIgnoresThem() {
        assertThat(find("cafe", "Café scene")).isTrue();
        assertThat(find("café", "CAFE SCENE")).isTrue();
        assertThat(find("senor", "el señor")).isTrue();
        assertThat(find("zurich", "Zürich")).isTrue();
        assertThat(find("cafe", "cafa")).isFalse();
    }

    private static boolean find(String word, String text) {
        return Pattern.compile(SearchWords.pattern(word), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text)
                .find();
    }

    @Test
    void onlyWordsOfLettersAndDigitsBecomePatterns() {
        for (String word : SearchWords.words("a.b (c) [x]+ \\d* $1 |y| ^z")) {
            assertThat(word).matches("[\\p{L}\\p{N}]+");
            SearchWords.pattern(word);
        }
        assertThatThrownBy(() -> SearchWords.pattern("a|b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SearchWords.words(null)).isEqualTo(List.of());
    }
}

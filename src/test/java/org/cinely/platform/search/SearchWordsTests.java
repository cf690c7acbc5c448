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

    @Test
    void lettersBeyondLatinOneAndExtendedAFindThemselvesAndTheirPlainForm() {
        // Romanian ș (comma below, Latin Extended-B) and Vietnamese ế (Latin Extended Additional).
        Pattern stefan =
                Pattern.compile(SearchWords.pattern("ștefan"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        assertThat(stefan.matcher("Ștefan Popescu").find()).isTrue();
        assertThat(Pattern.compile(SearchWords.pattern("stefan"))
                        .matcher("ștefan")
                        .find())
                .isTrue();
        assertThat(Pattern.compile(SearchWords.pattern("nguyễn"))
                        .matcher("nguyễn")
                        .find())
                .isTrue();
    }

    @Test
    void anythingTypedIntoTheBoxGivesWordsThatBecomeValidPatterns() {
        // Random text from ASCII punctuation, Latin, Greek, Cyrillic, CJK, combining marks,
        // surrogate pairs (emoji) and controls: every word makes a pattern that compiles and
        // finds the word in itself.
        java.util.Random random = new java.util.Random(26_11_2026L);
        int[][] ranges = {
            {0x20, 0x7E},
            {0xA0, 0x17F},
            {0x300, 0x36F},
            {0x391, 0x3C9},
            {0x410, 0x44F},
            {0x4E00, 0x4E80},
            {0x1F600, 0x1F64F},
            {0x0, 0x1F}
        };
        for (int run = 0; run < 5_000; run++) {
            StringBuilder typed = new StringBuilder();
            for (int c = random.nextInt(40); c > 0; c--) {
                int[] range = ranges[random.nextInt(ranges.length)];
                typed.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
            for (String word : SearchWords.indexWords(typed.toString())) {
                assertThat(find(word, "x " + word + " y"))
                        .as("%s in %s", word, typed)
                        .isTrue();
            }
            assertThat(SearchWords.booleanQuery(SearchWords.indexWords(typed.toString())))
                    .doesNotContain("\"", "(", ")", "~", "<", ">", "@", "-");
        }
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

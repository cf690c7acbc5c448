package org.cinely.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.cinely.platform.search.SearchTerms;
import org.cinely.platform.search.SearchWords;
import org.junit.jupiter.api.Test;

class CraftSynonymsTests {

    @Test
    void everyCraftIsFoundByItsSlugAndByTheLabelThePagesShow() throws Exception {
        Properties messages = new Properties();
        try (var in = new InputStreamReader(
                CraftSynonymsTests.class.getResourceAsStream("/messages.properties"), StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        for (Craft craft : Craft.values()) {
            if (craft == Craft.OTHER) {
                continue;
            }
            String label = messages.getProperty(craft.messageKey());
            for (String typed : List.of(craft.slug(), label)) {
                SearchTerms terms = SearchTerms.of(typed);
                assertThat(terms.crafts()).as(typed).isNotEmpty();
                assertThat(terms.crafts())
                        .as(typed)
                        .allMatch(term -> term.crafts().contains(craft));
                assertThat(terms.words()).as(typed).isEmpty();
            }
        }
    }

    @Test
    void theLongestPhraseWinsAndPluralsFindTheirSingular() {
        assertThat(CraftSynonyms.find(SearchWords.words("night director of photography")))
                .containsExactly(new CraftSynonyms.Match(1, 4, Set.of(Craft.CINEMATOGRAPHER)));
        assertThat(CraftSynonyms.crafts("director")).containsExactly(Craft.DIRECTOR);
        assertThat(CraftSynonyms.crafts("Focus Pullers")).containsExactly(Craft.FIRST_AC);
        assertThat(CraftSynonyms.crafts("gaffers")).containsExactly(Craft.GAFFER);
        assertThat(CraftSynonyms.crafts("camera")).contains(Craft.CAMERA_OPERATOR);
        assertThat(CraftSynonyms.crafts("nightfall")).isEmpty();
    }

    @Test
    void aSearchBoxIsReadAsWordsAndCraftPhrases() {
        SearchTerms terms = SearchTerms.of("Night shoot, DoP, sound recordist VR");
        assertThat(terms.words()).containsExactly("night", "shoot");
        assertThat(terms.shortWords()).containsExactly("vr");
        assertThat(terms.crafts())
                .containsExactly(
                        new SearchTerms.CraftTerm(Set.of(Craft.CINEMATOGRAPHER), List.of("dop")),
                        new SearchTerms.CraftTerm(Set.of(Craft.SOUND_MIXER), List.of("sound", "recordist")));
        // Too short for the full-text index: the craft alone.
        assertThat(SearchTerms.of("DP").crafts())
                .containsExactly(new SearchTerms.CraftTerm(Set.of(Craft.CINEMATOGRAPHER), List.of()));
    }
}

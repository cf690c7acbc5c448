package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cinely.platform.search.SearchPage;
import org.cinely.platform.search.TextSearchPlanner.Access;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The directory reads a word search one of three ways (TextSearchPlanner): through the full-text
 * index, through the place's index, or down the most recently active members. Whichever it takes,
 * a search must find the same members: these tests force each way on the same searches.
 */
@CinelyIntegrationTest
class DirectoryPlansIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryQueries queries;

    TestMembers members;
    String word;
    Member gaffer;
    Member editor;
    Member knight;
    Member hidden;

    @BeforeEach
    void setUp() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        word = "zr" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        gaffer = members.create("Sam Whitfield");
        members.describe(gaffer, "Gaffer " + word + " NIGHT exteriors", "Berlin", "Germany", "gaffer");
        editor = members.create("Lucía Ferrante");
        members.describe(editor, "Editor " + word, "Madrid", "Spain", "editor", "colorist");
        bio(editor, "Cuts nightfall scenes and documentaries; café owner");
        knight = members.create("Ada Knightley");
        members.describe(knight, "Costume " + word, "Berlin", "Germany", "costume-designer");
        bio(knight, "Knights and armour");
        hidden = members.create("Blocked Viewer Target");
        members.describe(hidden, "Grip " + word + " night", "Berlin", "Germany", "grip");
        // Most recently active first: the editor, then the knight, the gaffer, the hidden one.
        active(editor, 1);
        active(knight, 2);
        active(gaffer, 3);
        active(hidden, 4);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    void bio(Member member, String bio) {
        data.jdbc().update("update profiles set bio = ? where member_id = ?", bio, member.id());
    }

    void active(Member member, int minutesAgo) {
        data.jdbc()
                .update(
                        "update profiles set last_active_at = now(6) - interval ? minute where member_id = ?",
                        minutesAgo,
                        member.id());
    }

    List<String> found(String q, String craft, String location, Access access) {
        return queries
                .search(
                        DirectorySearch.of(q, craft, location, null, 0),
                        false,
                        Set.of(hidden.id()),
                        LocalDate.now(),
                        50,
                        access)
                .getContent()
                .stream()
                .map(ProfileCard::displayName)
                .toList();
    }

    @Test
    void everyAccessFindsTheSameMembers() {
        record Case(String q, String craft, String location, List<String> expected) {}
        List<Case> cases = List.of(
                // A prefix, in any case, at the start of a word only: "Knightley" is no "night".
                new Case(word + " night", null, null, List.of("Sam Whitfield", "Lucía Ferrante")),
                new Case(word + " knight", null, null, List.of("Ada Knightley")),
                // Accents are ignored as the collation ignores them; names and handles count.
                new Case(word + " cafe", null, null, List.of("Lucía Ferrante")),
                new Case(word + " lucia", null, null, List.of("Lucía Ferrante")),
                new Case(word + " whitfield", "gaffer", null, List.of("Sam Whitfield")),
                new Case(word, "colorist", null, List.of("Lucía Ferrante")),
                new Case(word, null, "berl", List.of("Sam Whitfield", "Ada Knightley")),
                new Case(word + " night", null, "Germany", List.of("Sam Whitfield")),
                new Case(word + " nothing", null, null, List.of()),
                // Craft phrases: the craft (or its synonyms) or the words in the text.
                new Case(word + " colourist", null, null, List.of("Lucía Ferrante")),
                new Case(word + " lighting", null, null, List.of("Sam Whitfield")),
                new Case(word + " wardrobe", null, "berl", List.of("Ada Knightley")),
                new Case(word + " costume", null, null, List.of("Ada Knightley")),
                new Case(word + " cutter", "colorist", null, List.of("Lucía Ferrante")),
                new Case(word + " grip", null, null, List.of()));
        for (Case c : cases) {
            for (Access access : Access.values()) {
                assertThat(found(c.q(), c.craft(), c.location(), access))
                        .as("%s (%s, %s) read by %s", c.q(), c.craft(), c.location(), access)
                        .containsExactlyInAnyOrderElementsOf(c.expected());
            }
        }
    }

    @Test
    void craftPhrasesAloneFindTheSameMembersWhateverReadsThem() {
        String city = "Zq" + word;
        Member dp = members.create("Ines Cardoso");
        members.describe(dp, "Lights and lenses", city, "Portugal", "cinematographer");
        Member writer = members.create("Noor Haddad");
        members.describe(writer, "Writer, once a cinematographer", city, "Portugal", "writer");
        Member mixer = members.create("Ravi Shah");
        members.describe(mixer, "Quiet on set", city, "Portugal", "sound-mixer");
        Member assistant = members.create("Mia Lund");
        members.describe(assistant, "Marks and measurements", city, "Portugal", "first-ac");
        record Case(String q, List<String> expected) {}
        List<Case> cases = List.of(
                new Case("DP", List.of("Ines Cardoso")),
                new Case("dop", List.of("Ines Cardoso")),
                new Case("Director of Photography", List.of("Ines Cardoso")),
                new Case("cinematographer", List.of("Ines Cardoso", "Noor Haddad")),
                new Case("sound recordist", List.of("Ravi Shah")),
                new Case("focus puller", List.of("Mia Lund")),
                new Case("camera", List.of("Mia Lund")),
                new Case("gaffer", List.of()));
        for (Case c : cases) {
            for (Access access : Access.values()) {
                assertThat(found(c.q(), null, city, access))
                        .as("%s read by %s", c.q(), access)
                        .containsExactlyInAnyOrderElementsOf(c.expected());
            }
        }
    }

    @Test
    void readingDownTheMostRecentlyActiveGivesThemFirstWithAnEstimatedTotal() {
        SearchPage<ProfileCard> first = queries.search(
                DirectorySearch.of(word, null, null, null, 0), false, Set.of(), LocalDate.now(), 2, Access.RECENT);
        assertThat(first.getContent())
                .extracting(ProfileCard::displayName)
                .containsExactly("Lucía Ferrante", "Ada Knightley");
        assertThat(first.isEstimated()).isTrue();
        assertThat(first.hasNext()).isTrue();
        SearchPage<ProfileCard> last = queries.search(
                DirectorySearch.of(word, null, null, null, 1), false, Set.of(), LocalDate.now(), 2, Access.RECENT);
        assertThat(last.getContent())
                .extracting(ProfileCard::displayName)
                .containsExactly("Sam Whitfield", "Blocked Viewer Target");
        // The walk reached the last match: the total is exact.
        assertThat(last.isEstimated()).isFalse();
        assertThat(last.getTotalElements()).isEqualTo(4);
    }

    @Test
    void theDirectorySaysWhenItsTotalIsAnEstimate() throws Exception {
        String page = mvc.perform(get("/members?q=" + word))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // Four members: few enough for the full-text index, so counted exactly.
        assertThat(Jsoup.parse(page).select(".result-count").text()).isEqualTo("4 members");
    }
}

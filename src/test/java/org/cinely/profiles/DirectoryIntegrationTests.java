package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@CinelyIntegrationTest
class DirectoryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    TestMembers members;

    /** A word no other test uses, so searches see only this test's members. */
    String word;

    @BeforeEach
    void mark() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    List<String> names(String query) throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/members" + query))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        return page.select(".member-card__name").eachText();
    }

    @Test
    void findsMembersByWordsInNameHandleHeadlineAndBio() throws Exception {
        Member gaffer = members.create("Sam Whitfield");
        members.describe(gaffer, "Gaffer " + word + " night exteriors", "Berlin", "Germany", "gaffer");
        Member editor = members.create("Lucía Ferrante");
        members.describe(editor, "Editor", "Madrid", "Spain", "editor");
        data.jdbc()
                .update(
                        "update profiles set bio = ? where member_id = ?",
                        "Cuts " + word + " documentaries",
                        editor.id());

        assertThat(names("?q=" + word)).containsExactlyInAnyOrder("Sam Whitfield", "Lucía Ferrante");
        assertThat(names("?q=" + word + "+night")).containsExactly("Sam Whitfield");
        // Prefixes match too ("documentar" finds "documentaries").
        assertThat(names("?q=" + word + "+documentar")).containsExactly("Lucía Ferrante");
    }

    @Test
    void wordsFindMembersByTheirCraftAndItsCommonNames() throws Exception {
        Map<String, String> crafts = new LinkedHashMap<>();
        crafts.put("Ines Cardoso", "cinematographer");
        crafts.put("Tom Baird", "camera-operator");
        crafts.put("Mia Lund", "first-ac");
        crafts.put("Olu Ade", "grip");
        crafts.put("Ravi Shah", "sound-mixer");
        crafts.put("Kai Berg", "gaffer");
        crafts.put("Eva Moll", "editor");
        crafts.put("Lea Roth", "colorist");
        crafts.forEach((name, craft) -> members.describe(members.create(name), word, "Porto", "Portugal", craft));
        // Not a cinematographer by craft, but says so: words still find their text.
        Member writer = members.create("Noor Haddad");
        members.describe(writer, word + " writer", "Porto", "Portugal", "writer");
        data.jdbc()
                .update(
                        "update profiles set bio = ? where member_id = ?",
                        "Shot shorts as a cinematographer",
                        writer.id());

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("cinematographer", List.of("Ines Cardoso", "Noor Haddad"));
        expected.put("Cinematographers", List.of("Ines Cardoso"));
        expected.put("DP", List.of("Ines Cardoso"));
        expected.put("DoP", List.of("Ines Cardoso"));
        expected.put("director of photography", List.of("Ines Cardoso"));
        expected.put("camera", List.of("Tom Baird", "Mia Lund"));
        expected.put("camera operator", List.of("Tom Baird"));
        expected.put("AC", List.of("Mia Lund"));
        expected.put("focus puller", List.of("Mia Lund"));
        expected.put("1st AC", List.of("Mia Lund"));
        expected.put("grip", List.of("Olu Ade"));
        expected.put("sound mixer", List.of("Ravi Shah"));
        expected.put("sound recordist", List.of("Ravi Shah"));
        expected.put("gaffer", List.of("Kai Berg"));
        expected.put("lighting", List.of("Kai Berg"));
        expected.put("editor", List.of("Eva Moll"));
        expected.put("cutter", List.of("Eva Moll"));
        expected.put("colorist", List.of("Lea Roth"));
        expected.put("colourist", List.of("Lea Roth"));
        expected.put("grader", List.of("Lea Roth"));
        for (Map.Entry<String, List<String>> search : expected.entrySet()) {
            assertThat(names("?q=" + word + "+" + search.getKey().replace(' ', '+')))
                    .as(search.getKey())
                    .containsExactlyInAnyOrderElementsOf(search.getValue());
        }
        // Alone, too (other tests' members may be cinematographers as well).
        assertThat(names("?q=DP")).contains("Ines Cardoso").doesNotContain("Tom Baird", "Noor Haddad");
        assertThat(names("?q=director+of+photography&location=Porto"))
                .contains("Ines Cardoso")
                .doesNotContain("Tom Baird");
    }

    @Test
    void filtersByCraftLocationAndAvailabilityWithShareableUrls() throws Exception {
        Member berlinGaffer = members.create("Berlin Gaffer");
        members.describe(berlinGaffer, word, "Berlin", "Germany", "gaffer");
        Member berlinEditor = members.create("Berlin Editor");
        members.describe(berlinEditor, word, "Berlin", "Germany", "editor");
        Member londonGaffer = members.create("London Gaffer");
        members.describe(londonGaffer, word, "London", "United Kingdom", "gaffer");
        data.jdbc().update("update profiles set availability = 'AVAILABLE' where member_id = ?", berlinGaffer.id());
        data.jdbc()
                .update(
                        "update profiles set availability = 'BUSY', busy_until = '2000-01-01' where member_id = ?",
                        londonGaffer.id()); // busy until a day long gone: available again

        assertThat(names("?q=" + word + "&craft=gaffer&location=Berlin")).containsExactly("Berlin Gaffer");
        assertThat(names("?q=" + word + "&location=germany"))
                .containsExactlyInAnyOrder("Berlin Gaffer", "Berlin Editor");
        assertThat(names("?q=" + word + "&availability=available"))
                .containsExactlyInAnyOrder("Berlin Gaffer", "London Gaffer");
        assertThat(names("?q=" + word + "&craft=nonsense")).hasSize(3);
    }

    @Test
    void aSecondCraftCountsWithWordsAndPlaceAsWellAsAlone() throws Exception {
        Member both = members.create("Both Crafts");
        members.describe(both, word, "Lisbon", "Portugal", "editor", "colorist");
        assertThat(names("?q=" + word + "&craft=colorist&location=Lisbon")).containsExactly("Both Crafts");
        assertThat(names("?craft=colorist&location=Portugal")).contains("Both Crafts");
        assertThat(names("?q=" + word + "&craft=gaffer&location=Lisbon")).isEmpty();
    }

    @Test
    void suspendedOrBannedMembersLeaveTheDirectoryAndTheirPageUntilReinstated() throws Exception {
        Member gaffer = members.create("Suspended Gaffer");
        members.describe(gaffer, word, "Berlin", "Germany", "gaffer");
        Member viewer = members.create("Viewer");
        assertThat(names("?q=" + word)).containsExactly("Suspended Gaffer");

        mvc.perform(TestMembers.adminSetsState(gaffer, "SUSPENDED", "spam")).andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        assertThat(names("?q=" + word)).isEmpty();
        assertThat(names("?q=" + word + "&craft=gaffer&location=Berlin")).isEmpty();
        mvc.perform(get("/members/" + gaffer.handle()).with(user(viewer.principal())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/members/" + gaffer.handle())).andExpect(status().isNotFound());
        // The member still sees their own page (they may be reinstated), and so do moderators.
        mvc.perform(get("/members/" + gaffer.handle()).with(user(gaffer.principal())))
                .andExpect(status().isOk());
        CurrentMember moderator = new CurrentMember(
                viewer.id(),
                viewer.email(),
                viewer.handle(),
                viewer.displayName(),
                null,
                "MODERATOR",
                true,
                true,
                false);
        mvc.perform(get("/members/" + gaffer.handle()).with(user(moderator))).andExpect(status().isOk());

        mvc.perform(TestMembers.adminSetsState(gaffer, "ACTIVE", "appeal upheld"))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        assertThat(names("?q=" + word)).containsExactly("Suspended Gaffer");
        mvc.perform(get("/members/" + gaffer.handle())).andExpect(status().isOk());
    }

    @Test
    void ranksByRelevanceThenRecentlyActive() throws Exception {
        Member quiet = members.create("Quiet " + word);
        Member active = members.create("Active " + word);
        data.jdbc().update("update profiles set last_active_at = '2020-01-01' where member_id = ?", quiet.id());
        assertThat(names("?q=" + word)).containsExactly("Active " + word, "Quiet " + word);

        Member twice = members.create("Twice");
        members.describe(twice, word + " " + word + " " + word, null, null, "other");
        data.jdbc().update("update profiles set last_active_at = '2019-01-01' where member_id = ?", twice.id());
        assertThat(names("?q=" + word).get(0)).isEqualTo("Twice");
    }

    @Test
    void pagesKeepTheFiltersInTheirLinks() throws Exception {
        for (int i = 0; i < 26; i++) {
            Member m = members.create("Member " + i);
            members.describe(m, word, "Berlin", "Germany", "gaffer");
        }
        Document page = Jsoup.parse(mvc.perform(get("/members?q=" + word + "&craft=gaffer&location=Berlin"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select(".member-card")).hasSize(24);
        assertThat(page.select("a[rel=next]").attr("href"))
                .isEqualTo("/members?q=" + word + "&craft=gaffer&location=Berlin&page=1");
        assertThat(names("?q=" + word + "&craft=gaffer&location=Berlin&page=1")).hasSize(2);
    }

    @Test
    void emptyResultsSayWhatToDo() throws Exception {
        Document page = Jsoup.parse(
                mvc.perform(get("/members?q=" + word)).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".empty-state h2").text()).isEqualTo("No members match");
        assertThat(page.select(".empty-state a").attr("href")).isEqualTo("/members");
    }

    @Test
    void aSearchThatFindsNoOneOffersTheNearestSpellingThatFindsSomeone() throws Exception {
        Member gaffer = members.create("Kai Berg");
        members.describe(gaffer, word, "Porto", "Portugal", "gaffer");
        Document page = Jsoup.parse(
                mvc.perform(get("/members").param("q", word + " Gafer").param("location", "Porto"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select(".member-card")).isEmpty();
        assertThat(page.select(".did-you-mean").text()).isEqualTo("Did you mean " + word + " gaffer?");
        String link = page.select(".did-you-mean a").attr("href");
        assertThat(link).isEqualTo("/members?q=" + word + "%20gaffer&location=Porto");
        assertThat(Jsoup.parse(mvc.perform(get(java.net.URI.create(link)))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select(".member-card__name")
                        .eachText())
                .containsExactly("Kai Berg");

        // A spelling that would find no one either is not offered.
        Document none = Jsoup.parse(mvc.perform(get("/members").param("q", word + " edtor"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(none.select(".member-card")).isEmpty();
        assertThat(none.select(".did-you-mean")).isEmpty();
    }

    @Test
    void oddSearchInputIsHarmless() throws Exception {
        for (String q : List.of("\"", "+-*~()<>@", "'; drop table profiles; --", "%_%", "a".repeat(5000), "DP")) {
            mvc.perform(get("/members").param("q", q).param("location", q)).andExpect(status().isOk());
        }
        mvc.perform(get("/members").param("page", "-5")).andExpect(status().isOk());
        mvc.perform(get("/members").param("page", "banana")).andExpect(status().is4xxClientError());
    }

    @Test
    void signedInMembersAlsoFindMembersOnlyProfiles() throws Exception {
        Member hidden = members.create("Hidden " + word);
        data.jdbc().update("update profiles set visibility = 'MEMBERS' where member_id = ?", hidden.id());
        assertThat(names("?q=" + word)).isEmpty();
        Member viewer = members.create("Viewer");
        Document page = Jsoup.parse(mvc.perform(get("/members?q=" + word).with(user(viewer.principal())))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select(".member-card__name").eachText()).containsExactly("Hidden " + word);
    }
}

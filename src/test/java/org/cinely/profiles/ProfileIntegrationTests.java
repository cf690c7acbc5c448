package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@CinelyIntegrationTest
@RecordApplicationEvents
class ProfileIntegrationTests {

    static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationEvents events;

    TestMembers members;

    @BeforeEach
    void mark() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    static MockHttpServletRequestBuilder profileForm(Member member) {
        return post("/settings/profile")
                .with(csrf())
                .with(user(member.principal()))
                .param("displayName", member.displayName())
                .param("handle", member.handle())
                .param("headline", "Gaffer, 15 years on set")
                .param("city", "Berlin")
                .param("country", "Germany")
                .param("bio", "Night exteriors are my thing.\nReel: https://vimeo.com/12345.")
                .param("crafts", "gaffer", "electrician")
                .param("availability", "busy")
                .param("busyUntil", LocalDate.now().plusDays(30).toString())
                .param("dayRate", "650")
                .param("currency", "EUR")
                .param("website", "https://sam.example.com")
                .param("imdb", "https://www.imdb.com/name/nm0000001/")
                .param("vimeo", "")
                .param("youtube", "")
                .param("instagram", "")
                .param("visibility", "PUBLIC");
    }

    /** Replaces a parameter of the filled-in form (MockMvc's param() would add a second value). */
    static org.springframework.test.web.servlet.request.RequestPostProcessor set(String name, String... values) {
        return request -> {
            request.setParameter(name, values);
            return request;
        };
    }

    Document page(String path, Member viewer) throws Exception {
        var request = get(path);
        if (viewer != null) {
            request.with(user(viewer.principal()));
        }
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void ownerEditsProfileAndEveryoneSeesIt() throws Exception {
        Member sam = members.create("Sam Whitfield");
        mvc.perform(profileForm(sam)).andExpect(redirectedUrl("/settings/profile"));
        assertThat(events.stream(ProfileUpdated.class)).hasSize(1);

        Document profile = page("/members/" + sam.handle(), null);
        assertThat(profile.select(".profile-header__headline").text()).isEqualTo("Gaffer, 15 years on set");
        assertThat(profile.select(".chip").eachText()).containsExactly("Gaffer", "Electrician");
        assertThat(profile.select(".availability").text()).startsWith("Busy until");
        assertThat(profile.select(".facts dd").text()).isEqualTo("650 EUR");
        // Bio: line breaks kept as text, the link clickable without its full stop, marked ugc.
        var bioLink = profile.select(".bio a").first();
        assertThat(bioLink.attr("href")).isEqualTo("https://vimeo.com/12345");
        assertThat(bioLink.attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(profile.select(".profile-links a").eachAttr("href"))
                .containsExactly("https://sam.example.com", "https://www.imdb.com/name/nm0000001/");
        assertThat(profile.select(".profile-links a").eachAttr("rel")).allMatch("nofollow ugc noopener"::equals);
    }

    @Test
    void overLongAndBadInputIsRefusedWithMessagesBesideTheFieldsAndNothingChanges() throws Exception {
        Member sam = members.create("Sam");
        Document form = Jsoup.parse(mvc.perform(profileForm(sam)
                        .with(set("headline", "x".repeat(121)))
                        .with(set("bio", "b".repeat(2001)))
                        .with(set("website", "javascript:alert(1)"))
                        .with(set("imdb", "https://evil.example/imdb.com"))
                        .with(set("dayRate", "lots"))
                        .with(set("busyUntil", LocalDate.now().minusDays(1).toString())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "website", "profile.form.link.invalid"))
                .andExpect(model().attributeHasFieldErrorCode("form", "imdb", "profile.form.link.wrong-site"))
                .andExpect(model().attributeHasFieldErrorCode("form", "busyUntil", "profile.form.busy-until.past"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(form.select("#headline-error").text()).isEqualTo("Keep the headline to 120 characters or fewer.");
        assertThat(form.select("#bio-error").text()).isEqualTo("Keep the bio to 2,000 characters or fewer.");
        assertThat(form.select("#dayRate-error").text()).isEqualTo("Enter the day rate as a whole number, e.g. 450.");
        // What was typed is kept, so the member can fix it.
        assertThat(form.select("#website").attr("value")).isEqualTo("javascript:alert(1)");
        assertThat(data.jdbc()
                        .queryForObject("select headline from profiles where member_id = ?", String.class, sam.id()))
                .isNull();
    }

    @Test
    void atLeastOneKnownCraftIsNeeded() throws Exception {
        Member sam = members.create("Sam");
        mvc.perform(profileForm(sam).with(r -> {
                    r.removeParameter("crafts");
                    return r;
                }))
                .andExpect(model().attributeHasFieldErrorCode("form", "crafts", "profile.form.crafts.required"));
        mvc.perform(profileForm(sam).with(set("crafts", "gaffer", "astronaut")))
                .andExpect(model().attributeHasFieldErrorCode("form", "crafts", "profile.form.crafts.unknown"));
    }

    @Test
    void whatMembersTypeIsShownEscapedEverywhere() throws Exception {
        Member evil = members.create(XSS);
        mvc.perform(profileForm(evil)
                        .with(set("headline", XSS))
                        .with(set("bio", XSS + " https://x.example/\"onmouseover=alert(1)")))
                .andExpect(status().is3xxRedirection());
        Member viewer = members.create("Viewer");
        members.connect(evil, viewer);

        for (String path : List.of("/members/" + evil.handle(), "/members?q=alert", "/connections")) {
            String html = mvc.perform(get(path).with(user(viewer.principal())))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
            Document page = Jsoup.parse(html);
            assertThat(page.select("main script, main img[onerror], main [onmouseover]"))
                    .isEmpty();
        }
        Document profile = page("/members/" + evil.handle(), viewer);
        assertThat(profile.title()).startsWith(XSS);
        assertThat(profile.select(".bio a").eachAttr("href"))
                .allMatch(h -> h.startsWith("https://") && !h.contains("\""));
    }

    @Test
    void membersOnlyProfilesShowVisitorsNameHandleAndCraftsOnly() throws Exception {
        Member sam = members.create("Sam Whitfield");
        mvc.perform(profileForm(sam).with(set("visibility", "MEMBERS"))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/settings/profile/credits")
                .with(csrf())
                .with(user(sam.principal()))
                .param("title", "The Night Shift")
                .param("releaseYear", "2024")
                .param("productionType", "FEATURE")
                .param("role", "gaffer"));

        Document visitor = page("/members/" + sam.handle(), null);
        assertThat(visitor.select("h1").text()).isEqualTo("Sam Whitfield");
        assertThat(visitor.select(".chip").eachText()).containsExactly("Gaffer", "Electrician");
        assertThat(visitor.text())
                .doesNotContain("Gaffer, 15 years")
                .doesNotContain("Berlin")
                .doesNotContain("Night exteriors")
                .doesNotContain("The Night Shift")
                .doesNotContain("650");
        assertThat(page("/members?location=Berlin", null)
                        .select(".member-card__name")
                        .eachText())
                .doesNotContain("Sam Whitfield");

        Document member = page("/members/" + sam.handle(), members.create("Member"));
        assertThat(member.text()).contains("Gaffer, 15 years", "Berlin", "The Night Shift");
    }

    @Test
    void creditsAreAddedEditedAndRemovedNewestFirst() throws Exception {
        Member sam = members.create("Sam");
        addCredit(sam, "Older Feature", "2019").andExpect(redirectedUrl("/settings/profile#credits"));
        addCredit(sam, "Newest Short", "2025");
        addCredit(sam, "Middle Series", "2022");
        Document profile = page("/members/" + sam.handle(), null);
        assertThat(profile.select(".credit__title").eachText())
                .containsExactly("Newest Short", "Middle Series", "Older Feature");

        long id = data.jdbc()
                .queryForObject(
                        "select id from profile_credits where member_id = ? and title = 'Older Feature'",
                        Long.class,
                        sam.id());
        mvc.perform(post("/settings/profile/credits/{id}", id)
                        .with(csrf())
                        .with(user(sam.principal()))
                        .param("title", "Renamed Feature")
                        .param("releaseYear", "2026")
                        .param("productionType", "DOCUMENTARY")
                        .param("role", "director")
                        .param("workLink", "/works/42"))
                .andExpect(redirectedUrl("/settings/profile#credits"));
        profile = page("/members/" + sam.handle(), null);
        assertThat(profile.select(".credit__title").eachText())
                .containsExactly("Renamed Feature", "Newest Short", "Middle Series");
        assertThat(profile.select(".credit__title a").attr("href")).isEqualTo("/works/42");
        assertThat(profile.select(".credit__meta").first().text()).isEqualTo("Director · Documentary");

        mvc.perform(
                post("/settings/profile/credits/{id}/delete", id).with(csrf()).with(user(sam.principal())));
        assertThat(page("/members/" + sam.handle(), null)
                        .select(".credit__title")
                        .eachText())
                .containsExactly("Newest Short", "Middle Series");
    }

    @Test
    void badCreditsGetFieldErrors() throws Exception {
        Member sam = members.create("Sam");
        mvc.perform(post("/settings/profile/credits")
                        .with(csrf())
                        .with(user(sam.principal()))
                        .param("title", "t".repeat(151))
                        .param("releaseYear", "1700"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("creditForm", "title", "Size"))
                // too long: reported alone, nothing else checked until it fits
                .andExpect(model().attributeHasNoErrors("form"))
                .andExpect(model().attributeErrorCount("creditForm", 1));
        mvc.perform(post("/settings/profile/credits")
                        .with(csrf())
                        .with(user(sam.principal()))
                        .param("title", "t".repeat(150))
                        .param("releaseYear", "1700")
                        .param("productionType", "OPERA")
                        .param("role", "astronaut")
                        .param("workLink", "https://evil.example/works/1"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("creditForm", "releaseYear", "credit.form.year.range"))
                .andExpect(
                        model().attributeHasFieldErrorCode("creditForm", "productionType", "credit.form.type.required"))
                .andExpect(model().attributeHasFieldErrorCode("creditForm", "role", "credit.form.role.required"))
                .andExpect(
                        model().attributeHasFieldErrorCode("creditForm", "workLink", "credit.form.work-link.invalid"));
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from profile_credits where member_id = ?", Integer.class, sam.id()))
                .isZero();
    }

    @Test
    void anotherMembersCreditIdReachesNothing() throws Exception {
        Member owner = members.create("Owner");
        Member mallory = members.create("Mallory");
        addCredit(owner, "Mine", "2020");
        long id = data.jdbc()
                .queryForObject("select id from profile_credits where member_id = ?", Long.class, owner.id());

        mvc.perform(get("/settings/profile/credits/{id}", id).with(user(mallory.principal())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/settings/profile/credits/{id}", id)
                        .with(csrf())
                        .with(user(mallory.principal()))
                        .param("title", "Stolen")
                        .param("releaseYear", "2020")
                        .param("productionType", "FEATURE")
                        .param("role", "gaffer"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/settings/profile/credits/{id}/delete", id)
                        .with(csrf())
                        .with(user(mallory.principal())))
                .andExpect(status().isNotFound());
        assertThat(data.jdbc().queryForObject("select title from profile_credits where id = ?", String.class, id))
                .isEqualTo("Mine");
    }

    @Test
    void profileFormIgnoresAMemberIdSmuggledIntoItAndRefusesTheirHandle() throws Exception {
        Member victim = members.create("Victim");
        Member mallory = members.create("Mallory");
        mvc.perform(profileForm(mallory)
                        .param("memberId", Long.toString(victim.id()))
                        .with(set("handle", victim.handle())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "handle", "handle.taken"));
        mvc.perform(profileForm(mallory).param("memberId", Long.toString(victim.id())))
                .andExpect(status().is3xxRedirection());
        assertThat(data.jdbc()
                        .queryForObject("select headline from profiles where member_id = ?", String.class, victim.id()))
                .isNull();
        assertThat(data.jdbc()
                        .queryForObject("select handle from profiles where member_id = ?", String.class, mallory.id()))
                .isEqualTo(mallory.handle());
        assertThat(data.jdbc()
                        .queryForObject(
                                "select headline from profiles where member_id = ?", String.class, mallory.id()))
                .isEqualTo("Gaffer, 15 years on set");
    }

    @Test
    void editingNeedsLogInAndACsrfToken() throws Exception {
        Member sam = members.create("Sam");
        mvc.perform(get("/settings/profile")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/settings/profile").with(user(sam.principal())).param("headline", "no token"))
                .andExpect(status().isForbidden());
        assertThat(data.jdbc()
                        .queryForObject("select headline from profiles where member_id = ?", String.class, sam.id()))
                .isNull();
    }

    @Test
    void settingsPageShowsTheFormFilledIn() throws Exception {
        Member sam = members.create("Sam");
        mvc.perform(profileForm(sam));
        Document form = page("/settings/profile", sam);
        assertThat(form.select("#headline").attr("value")).isEqualTo("Gaffer, 15 years on set");
        assertThat(form.select("input[name=crafts][checked]").eachAttr("value"))
                .containsExactly("gaffer", "electrician");
        assertThat(form.select("#currency option[selected]").attr("value")).isEqualTo("EUR");
    }

    private org.springframework.test.web.servlet.ResultActions addCredit(Member member, String title, String year)
            throws Exception {
        return mvc.perform(post("/settings/profile/credits")
                .with(csrf())
                .with(user(member.principal()))
                .param("title", title)
                .param("releaseYear", year)
                .param("productionType", "FEATURE")
                .param("role", "gaffer"));
    }
}

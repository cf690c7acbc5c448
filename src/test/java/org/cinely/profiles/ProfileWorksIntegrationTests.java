package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/** A member's shared work and their confirmed credits on others' work show on their profile. */
@CinelyIntegrationTest
class ProfileWorksIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    TestMembers members;
    Member owner;
    Member crew;
    Member stranger;

    @BeforeEach
    void setUp() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        owner = members.create("Amara Diallo");
        crew = members.create("Kwame Mensah");
        stranger = members.create("Someone Else");
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    long work(String title, String visibility, String credits) throws Exception {
        String location = mvc.perform(post("/works")
                        .with(user(owner.principal()))
                        .with(csrf())
                        .param("title", title)
                        .param("type", "DOCUMENTARY")
                        .param("credits", credits)
                        .param("visibility", visibility))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D", ""));
        // As if its video were transcoded (the works upload tests cover that path).
        data.jdbc().update("update works set playable = true, published_at = now(6) where id = ?", id);
        return id;
    }

    Document page(String path, Member viewer) throws Exception {
        var request = get(path);
        if (viewer != null) {
            request = request.with(user(viewer.principal()));
        }
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void theProfileShowsPublicWorkToVisitorsAndPrivateWorkOnlyToItsOwner() throws Exception {
        work("Harbour Lights", "PUBLIC", "");
        work("Rough Cut", "PRIVATE", "");

        assertThat(page("/members/" + owner.handle(), null)
                        .select(".work-card__title")
                        .eachText())
                .containsExactly("Harbour Lights");
        assertThat(page("/members/" + owner.handle(), stranger)
                        .select(".work-card__title")
                        .eachText())
                .containsExactly("Harbour Lights");
        assertThat(page("/members/" + owner.handle(), owner)
                        .select(".work-card__title")
                        .eachText())
                .containsExactlyInAnyOrder("Harbour Lights", "Rough Cut");
    }

    @Test
    void aConfirmedCreditShowsOnTheCreditedMembersProfile() throws Exception {
        long id = work("Harbour Lights", "PUBLIC", "@" + crew.handle() + " cinematographer");
        assertThat(page("/members/" + crew.handle(), stranger).select(".credited-works"))
                .isEmpty();

        String confirm =
                page("/works/" + id, crew).select("form[action$=/confirm]").attr("action");
        mvc.perform(post(confirm).with(user(crew.principal())).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(page("/members/" + crew.handle(), stranger)
                        .select(".credited-works")
                        .text())
                .contains("Harbour Lights")
                .contains("Cinematographer / DP");
    }
}

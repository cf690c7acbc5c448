package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Issue 17, "nothing a member typed is lost", on the profile: the photo goes with the details in
 * one form (no JavaScript needed) and a refused photo keeps everything typed; addresses typed
 * without https:// are stored with it, hostile schemes are refused with the error summary.
 */
@CinelyIntegrationTest
class ProfileTypedInputIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

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

    /** The profile form as the page sends it since issue 17: multipart, the photo with it. */
    static MockMultipartHttpServletRequestBuilder profileForm(Member member, MockMultipartFile photo) {
        MockMultipartHttpServletRequestBuilder request = multipart("/settings/profile");
        if (photo != null) {
            request.file(photo);
        }
        request.with(csrf())
                .with(user(member.principal()))
                .param("displayName", member.displayName())
                .param("handle", member.handle())
                .param("headline", "Focus puller, anamorphic primes")
                .param("city", "Lisbon")
                .param("country", "Portugal")
                .param("bio", "")
                .param("crafts", "first-ac")
                .param("availability", "")
                .param("busyUntil", "")
                .param("dayRate", "")
                .param("currency", "")
                .param("website", "")
                .param("imdb", "")
                .param("vimeo", "")
                .param("youtube", "")
                .param("instagram", "")
                .param("visibility", "PUBLIC");
        return request;
    }

    static MockMultipartFile png() throws Exception {
        return new MockMultipartFile("avatar", "me.png", "image/png", AvatarIntegrationTests.png(300, 200));
    }

    String column(Member member, String column) {
        return data.jdbc()
                .queryForObject("select " + column + " from profiles where member_id = ?", String.class, member.id());
    }

    int avatars(Member member) {
        return data.jdbc()
                .queryForObject("select count(*) from profile_avatars where member_id = ?", Integer.class, member.id());
    }

    Document page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void thePhotoIsSavedTogetherWithTheDetailsTypedBesideIt() throws Exception {
        Member ana = members.create("Ana Focus");
        mvc.perform(profileForm(ana, png())).andExpect(redirectedUrl("/settings/profile"));

        assertThat(column(ana, "headline")).isEqualTo("Focus puller, anamorphic primes");
        assertThat(column(ana, "location_city")).isEqualTo("Lisbon");
        assertThat(avatars(ana)).isEqualTo(1);

        // The page sends the photo with the details: the file field and its button belong to the form.
        Document edit =
                page(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/settings/profile")
                        .with(user(ana.principal())));
        assertThat(edit.select("form#profile-form[enctype=multipart/form-data][action=/settings/profile]"))
                .hasSize(1);
        assertThat(edit.select("#avatar-file[form=profile-form][name=avatar]")).hasSize(1);
        assertThat(edit.select("button[data-avatar-upload][form=profile-form]")).hasSize(1);
    }

    @Test
    void aRefusedPhotoKeepsEverythingTypedAndSavesNothing() throws Exception {
        Member ana = members.create("Ana Focus");
        MockMultipartFile notAPicture = new MockMultipartFile(
                "avatar", "holiday.png", "image/png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));

        Document page = page(profileForm(ana, notAPicture));

        // What was typed is on the page again, the problem is in the summary, linked to the photo.
        assertThat(page.select("#headline").val()).isEqualTo("Focus puller, anamorphic primes");
        assertThat(page.select("#city").val()).isEqualTo("Lisbon");
        assertThat(page.select("input[name=crafts][value=first-ac]").hasAttr("checked"))
                .isTrue();
        assertThat(page.select(".error-summary h2").text()).isEqualTo("There is a problem");
        assertThat(page.select(".error-summary a[href=#avatar]").text()).contains("isn’t a picture we can read");
        assertThat(page.select("#avatar-file").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#avatar-error").text()).contains("isn’t a picture we can read");
        // Nothing saved: neither the details nor a photo.
        assertThat(column(ana, "headline")).isNull();
        assertThat(avatars(ana)).isZero();
    }

    @Test
    void aGoodPhotoHeldBackByAnotherProblemSaysToChooseItAgain() throws Exception {
        Member ana = members.create("Ana Focus");
        Document page = page(profileForm(ana, png()).with(ProfileIntegrationTests.set("dayRate", "lots")));

        assertThat(page.select(".error-summary a[href=#dayRate]")).hasSize(1);
        assertThat(page.select(".error-summary a[href=#avatar]").text()).contains("choose it again");
        assertThat(page.select("#headline").val()).isEqualTo("Focus puller, anamorphic primes");
        assertThat(avatars(ana)).isZero();
    }

    @Test
    void withJavaScriptThePhotoAloneIsSavedAndAnsweredAsJson() throws Exception {
        Member ana = members.create("Ana Focus");
        String answer = mvc.perform(multipart("/settings/profile/avatar")
                        .file(png())
                        .with(csrf())
                        .with(user(ana.principal()))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).contains("\"avatarUrl\":\"/members/" + ana.handle() + "/avatar");
        assertThat(avatars(ana)).isEqualTo(1);

        String refused = mvc.perform(multipart("/settings/profile/avatar")
                        .file(new MockMultipartFile("avatar", "x.png", "image/png", new byte[] {1, 2, 3}))
                        .with(csrf())
                        .with(user(ana.principal()))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("\"error\"");
    }

    @Test
    void aWebsiteTypedWithoutHttpsIsStoredWithIt() throws Exception {
        Member ana = members.create("Ana Focus");
        mvc.perform(profileForm(ana, null)
                        .with(ProfileIntegrationTests.set("website", "ana-focus.example/reel"))
                        .with(ProfileIntegrationTests.set("imdb", " imdb.com/name/nm0000002/ ")))
                .andExpect(redirectedUrl("/settings/profile"));

        assertThat(column(ana, "website_url")).isEqualTo("https://ana-focus.example/reel");
        assertThat(column(ana, "imdb_url")).isEqualTo("https://imdb.com/name/nm0000002/");
        Document profile = page(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/members/" + ana.handle()));
        assertThat(profile.select("a[href=https://ana-focus.example/reel]")).hasSize(1);
    }

    @Test
    void hostileSchemesAreRefusedWithTheSummaryLinkingToTheField() throws Exception {
        Member ana = members.create("Ana Focus");
        for (String hostile : new String[] {"javascript:alert(1)", "data:text/html,<b>x</b>", "JaVaScRiPt:alert(1)"}) {
            Document page = page(profileForm(ana, null).with(ProfileIntegrationTests.set("website", hostile)));
            assertThat(page.select(".error-summary a[href=#website]"))
                    .as(hostile)
                    .hasSize(1);
            assertThat(page.select("#website").val()).isEqualTo(hostile);
            assertThat(page.select("#website").attr("aria-invalid")).isEqualTo("true");
            assertThat(page.select("#website").attr("aria-describedby")).contains("website-error");
            assertThat(page.select("#website-error").text()).isNotBlank();
            assertThat(column(ana, "website_url")).isNull();
        }
    }
}

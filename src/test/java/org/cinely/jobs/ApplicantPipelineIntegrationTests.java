package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinely.jobs.JobsTestSupport.as;
import static org.cinely.jobs.JobsTestSupport.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** The poster's side: the list, filters, statuses, notes, and who may see any of it. */
@CinelyIntegrationTest
@RecordApplicationEvents
class ApplicantPipelineIntegrationTests {

    static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationEvents events;

    JobsTestSupport support;
    CurrentMember poster;
    CurrentMember gaffer;
    CurrentMember editor;
    CurrentMember stranger;
    long job;
    long gafferApplication;
    long editorApplication;

    @BeforeEach
    void setUp() throws Exception {
        data.mark();
        support = new JobsTestSupport(mvc, data);
        poster = support.member("Rosa Ventura", true);
        gaffer = support.member("Kofi Mensah", true);
        editor = support.member("Aiko Tanaka", true);
        stranger = support.member("Mallory Shaw", true);
        support.giveCraft(gaffer, "gaffer");
        support.giveCraft(editor, "editor");
        job = support.postJob(poster);
        mvc.perform(
                post("/jobs/" + job + "/apply").with(csrf()).with(as(gaffer)).param("coverNote", "Ten years on sets."));
        mvc.perform(
                post("/jobs/" + job + "/apply").with(csrf()).with(as(editor)).param("coverNote", XSS));
        gafferApplication = applicationOf(gaffer);
        editorApplication = applicationOf(editor);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    long applicationOf(CurrentMember member) {
        return data.jdbc()
                .queryForObject(
                        "select id from job_applications where job_id = ? and applicant_id = ?",
                        Long.class,
                        job,
                        member.id().value());
    }

    String statusOf(long application) {
        return data.jdbc()
                .queryForObject("select status from job_applications where id = ?", String.class, application);
    }

    @Test
    void thePosterListsFiltersAndSortsApplicants() throws Exception {
        Document all = page(mvc.perform(get("/jobs/" + job + "/applicants")
                        .param("sort", "name")
                        .with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(all.select("tbody tr td:nth-child(2) a").eachText()).containsExactly("Aiko Tanaka", "Kofi Mensah");
        assertThat(all.select(".applicant-tabs a").first().text()).isEqualTo("All (2)");

        Document gaffers = page(mvc.perform(get("/jobs/" + job + "/applicants")
                        .param("craft", "gaffer")
                        .with(as(poster)))
                .andReturn());
        assertThat(gaffers.select("tbody tr td:nth-child(2) a").eachText()).containsExactly("Kofi Mensah");

        Document withReel = page(mvc.perform(get("/jobs/" + job + "/applicants")
                        .param("reel", "true")
                        .with(as(poster)))
                .andReturn());
        assertThat(withReel.select("tbody tr")).isEmpty();
        assertThat(withReel.select(".empty-state").text()).contains("Nobody matches these filters");
    }

    @Test
    void bulkStatusChangeMovesOnlyThisListingsApplicantsAndTellsThem() throws Exception {
        long otherJob = support.postJob(stranger);
        mvc.perform(post("/jobs/" + otherJob + "/apply")
                .with(csrf())
                .with(as(gaffer))
                .param("coverNote", "Hi"));
        long foreign =
                data.jdbc().queryForObject("select id from job_applications where job_id = ?", Long.class, otherJob);

        mvc.perform(post("/jobs/" + job + "/applicants/status")
                        .with(csrf())
                        .with(as(poster))
                        .param(
                                "applicationIds",
                                Long.toString(gafferApplication),
                                Long.toString(editorApplication),
                                Long.toString(foreign))
                        .param("status", "shortlisted"))
                .andExpect(status().is3xxRedirection());

        assertThat(statusOf(gafferApplication)).isEqualTo("SHORTLISTED");
        assertThat(statusOf(editorApplication)).isEqualTo("SHORTLISTED");
        assertThat(statusOf(foreign)).isEqualTo("NEW");
        assertThat(events.stream(ApplicationStatusChanged.class)
                        .filter(e -> e.to().equals("shortlisted") && e.from().equals("new")))
                .extracting(ApplicationStatusChanged::applicant)
                .containsExactlyInAnyOrder(gaffer.id(), editor.id());

        Document applicantView =
                page(mvc.perform(get("/jobs/" + job).with(as(gaffer))).andReturn());
        assertThat(applicantView.select(".my-application .application-status").text())
                .isEqualTo("Shortlisted");
    }

    @Test
    void thePosterHiresFromTheApplicantPageAndKeepsAPrivateNote() throws Exception {
        String page = "/jobs/" + job + "/applicants/" + gafferApplication;
        Document applicant = page(mvc.perform(get(page).with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(applicant.select("h1").text()).isEqualTo("Kofi Mensah");
        assertThat(applicant.select(".rich-text").text()).isEqualTo("Ten years on sets.");

        mvc.perform(post(page + "/status").with(csrf()).with(as(poster)).param("status", "hired"));
        mvc.perform(post(page + "/note").with(csrf()).with(as(poster)).param("note", "Call back Monday"));
        assertThat(statusOf(gafferApplication)).isEqualTo("HIRED");
        assertThat(events.stream(ApplicationStatusChanged.class).filter(e -> e.to().equals("hired")))
                .hasSize(1);

        Document again = page(mvc.perform(get(page).with(as(poster))).andReturn());
        assertThat(again.select("#note").text()).isEqualTo("Call back Monday");

        // The applicant sees their status, never the poster's note.
        Document own = page(mvc.perform(get("/jobs/" + job).with(as(gaffer))).andReturn());
        assertThat(own.select(".my-application .application-status").text()).isEqualTo("Hired");
        assertThat(own.html()).doesNotContain("Call back Monday");
    }

    /**
     * The application keeps the name the applicant applied with (what the poster judged), but the
     * link to their profile follows a new handle: the old one may be someone else's one day.
     */
    @Test
    void anApplicantWhoRenamedKeepsTheNameTheyAppliedWithAndALinkToTheirProfileNow() throws Exception {
        String renamed = TestData.uniqueHandle();
        mvc.perform(post("/settings/profile")
                        .with(csrf())
                        .with(as(gaffer))
                        .param("displayName", "Kofi Mensah-Boateng")
                        .param("handle", renamed)
                        .param("crafts", "gaffer")
                        .param("visibility", "PUBLIC"))
                .andExpect(status().is3xxRedirection());

        Document applicant = page(mvc.perform(
                        get("/jobs/" + job + "/applicants/" + gafferApplication).with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(applicant.select("h1").text()).isEqualTo("Kofi Mensah");
        assertThat(applicant.select(".profile-header a").attr("href")).isEqualTo("/members/" + renamed);
        assertThat(applicant.select(".profile-header a").text()).isEqualTo("@" + renamed);
    }

    @Test
    void onlyThePosterSeesApplicantsAnyoneElseGetsNotFound() throws Exception {
        for (CurrentMember other : new CurrentMember[] {gaffer, stranger}) {
            mvc.perform(get("/jobs/" + job + "/applicants").with(as(other))).andExpect(status().isNotFound());
            mvc.perform(get("/jobs/" + job + "/applicants/" + gafferApplication).with(as(other)))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/jobs/" + job + "/applicants/" + gafferApplication + "/note")
                            .with(csrf())
                            .with(as(other))
                            .param("note", "pwned"))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/jobs/" + job + "/applicants/status")
                            .with(csrf())
                            .with(as(other))
                            .param("applicationIds", Long.toString(gafferApplication))
                            .param("status", "rejected"))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/jobs/" + job + "/edit").with(as(other))).andExpect(status().isNotFound());
            mvc.perform(post("/jobs/" + job + "/close").with(csrf()).with(as(other)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/jobs/" + job + "/duplicate").with(as(other))).andExpect(status().isNotFound());
        }
        assertThat(statusOf(gafferApplication)).isEqualTo("NEW");
        assertThat(data.jdbc()
                        .queryForObject(
                                "select poster_note from job_applications where id = ?",
                                String.class,
                                gafferApplication))
                .isNull();
        mvc.perform(get("/jobs/" + job + "/applicants")).andExpect(status().is3xxRedirection());
    }

    @Test
    void anApplicationIdFromAnotherListingIsNotFound() throws Exception {
        long ownOther = support.postJob(poster);
        mvc.perform(get("/jobs/" + ownOther + "/applicants/" + gafferApplication)
                        .with(as(poster)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/jobs/" + ownOther + "/applicants/" + gafferApplication + "/status")
                        .with(csrf())
                        .with(as(poster))
                        .param("status", "hired"))
                .andExpect(status().isNotFound());
        assertThat(statusOf(gafferApplication)).isEqualTo("NEW");
    }

    @Test
    void statesChangeOnlyWithACsrfToken() throws Exception {
        mvc.perform(post("/jobs/" + job + "/applicants/status")
                        .with(as(poster))
                        .param("applicationIds", Long.toString(gafferApplication))
                        .param("status", "rejected"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/jobs/" + job + "/close").with(as(poster))).andExpect(status().isForbidden());
        mvc.perform(post("/jobs/" + job + "/withdraw").with(as(gaffer))).andExpect(status().isForbidden());
        assertThat(statusOf(gafferApplication)).isEqualTo("NEW");
    }

    @Test
    void whatMembersTypeIsEscapedEverywhere() throws Exception {
        long hostile = support.postJob(
                stranger,
                java.util.Map.of(
                        "title",
                        XSS,
                        "description",
                        XSS + " javascript:alert(1) http://ok.example/\"onmouseover=alert(1)"));
        String jobPage =
                mvc.perform(get("/jobs/" + hostile)).andReturn().getResponse().getContentAsString();
        String board = mvc.perform(get("/jobs")).andReturn().getResponse().getContentAsString();
        String applicantPage = mvc.perform(
                        get("/jobs/" + job + "/applicants/" + editorApplication).with(as(poster)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String html : new String[] {jobPage, board, applicantPage}) {
            assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
        }
        assertThat(jobPage).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        Document parsed = page(mvc.perform(get("/jobs/" + hostile)).andReturn());
        assertThat(parsed.select(".rich-text a").eachAttr("href")).containsExactly("http://ok.example/");
        assertThat(parsed.select("[onmouseover], [onerror]")).isEmpty();
    }
}

package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinely.jobs.JobsTestSupport.as;
import static org.cinely.jobs.JobsTestSupport.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@CinelyIntegrationTest
@RecordApplicationEvents
class JobApplicationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationEvents events;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    MessageSource texts;

    JobsTestSupport support;
    CurrentMember poster;
    CurrentMember applicant;
    long job;

    @BeforeEach
    void setUp() throws Exception {
        data.mark();
        support = new JobsTestSupport(mvc, data);
        poster = support.member("Rosa Ventura", true);
        applicant = support.member("Kofi Mensah", true);
        support.giveCraft(applicant, "gaffer");
        job = support.postJob(poster);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    MockHttpServletRequestBuilder apply(long jobId, String note) {
        return post("/jobs/" + jobId + "/apply").with(csrf()).param("coverNote", note);
    }

    String refusal(long jobId, CurrentMember member) throws Exception {
        Document page = page(mvc.perform(get("/jobs/" + jobId).with(as(member))).andReturn());
        return page.select(".refusal").text();
    }

    /** Posts and returns the message key of the refusal the member is redirected with. */
    String refusedWith(MockHttpServletRequestBuilder request) throws Exception {
        var result = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
        org.cinely.platform.web.Flash flash =
                (org.cinely.platform.web.Flash) result.getFlashMap().get("flash");
        assertThat(flash.kind()).isEqualTo(org.cinely.platform.web.Flash.Kind.ERROR);
        return flash.messageKey();
    }

    int applications(long jobId) {
        return data.jdbc()
                .queryForObject("select count(*) from job_applications where job_id = ?", Integer.class, jobId);
    }

    @Test
    void aMemberAppliesOnceWithACoverNoteAndThePosterIsTold() throws Exception {
        mvc.perform(apply(job, "I lit the night exteriors on Harbour Lights.").with(as(applicant)))
                .andExpect(redirectedUrl("/jobs/" + job));

        Document page =
                page(mvc.perform(get("/jobs/" + job).with(as(applicant))).andReturn());
        assertThat(page.select(".my-application .application-status").text()).isEqualTo("New");
        assertThat(page.select(".my-application details p").text())
                .isEqualTo("I lit the night exteriors on Harbour Lights.");
        assertThat(events.stream(ApplicationSubmitted.class)
                        .filter(e -> e.job().value() == job
                                && e.applicant().equals(applicant.id())
                                && e.poster().equals(poster.id())))
                .hasSize(1);

        // Twice: refused with the reason, still one application.
        assertThat(refusedWith(apply(job, "Me again").with(as(applicant)))).isEqualTo("application.refused.twice");
        assertThat(applications(job)).isEqualTo(1);
    }

    /**
     * A double click or two tabs: the same member's two applications arrive together. One is
     * kept; the other gets the normal "already applied" message, never an error page, and the
     * poster hears of the application once.
     */
    @Test
    void twoApplicationsByOneMemberAtTheSameMomentKeepOneAndSayAlreadyApplied() throws Exception {
        TestMembers members = new TestMembers(data.jdbc(), encoder);
        List<CurrentMember> applicants = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            CurrentMember twoTabs = members.create("Applicant " + round).principal();
            applicants.add(twoTabs);
            assertThat(applyInTwoTabsAtOnce(twoTabs))
                    .containsExactlyInAnyOrder(
                            "Your application is on its way. The poster will see it now, and you will see here"
                                    + " when they decide.",
                            "You have already applied to this listing.");
            assertThat(applicationsBy(twoTabs)).isEqualTo(1);
        }
        for (CurrentMember one : applicants) {
            assertThat(events.stream(ApplicationSubmitted.class)
                            .filter(e -> e.job().value() == job && e.applicant().equals(one.id())))
                    .hasSize(1);
        }
    }

    /** The same when applying again after withdrawing (the withdrawn application is reused). */
    @Test
    void applyingAgainInTwoTabsAtOnceAfterWithdrawingKeepsOne() throws Exception {
        TestMembers members = new TestMembers(data.jdbc(), encoder);
        for (int round = 0; round < 4; round++) {
            CurrentMember twoTabs = members.create("Applicant " + round).principal();
            mvc.perform(apply(job, "First try.").with(as(twoTabs))).andExpect(redirectedUrl("/jobs/" + job));
            mvc.perform(post("/jobs/" + job + "/withdraw").with(csrf()).with(as(twoTabs)))
                    .andExpect(redirectedUrl("/jobs/" + job));

            assertThat(applyInTwoTabsAtOnce(twoTabs))
                    .containsExactlyInAnyOrder(
                            "Your application is on its way. The poster will see it now, and you will see here"
                                    + " when they decide.",
                            "You have already applied to this listing.");
            assertThat(applicationsBy(twoTabs)).isEqualTo(1);
            assertThat(events.stream(ApplicationSubmitted.class)
                            .filter(e -> e.job().value() == job && e.applicant().equals(twoTabs.id())))
                    .hasSize(2); // the first application and one re-application
        }
    }

    /**
     * Sends the member's application from two threads released together; returns the message
     * each tab shows after its redirect. An exception or error page fails the test.
     */
    private List<String> applyInTwoTabsAtOnce(CurrentMember member) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<MvcResult>> tabs = new ArrayList<>();
            for (int tab = 0; tab < 2; tab++) {
                tabs.add(threads.submit(() -> {
                    var request = apply(job, "Night exteriors are my thing.").with(as(member));
                    together.await(10, TimeUnit.SECONDS);
                    return mvc.perform(request)
                            .andExpect(redirectedUrl("/jobs/" + job))
                            .andReturn();
                }));
            }
            List<String> messages = new ArrayList<>();
            for (Future<MvcResult> tab : tabs) {
                // The flash message the next page shows (as the layout renders it).
                Flash flash =
                        (Flash) tab.get(30, TimeUnit.SECONDS).getFlashMap().get("flash");
                messages.add(texts.getMessage(flash.messageKey(), flash.args(), Locale.ENGLISH));
            }
            // Where both tabs land: the listing, with the one application on it.
            Document page =
                    page(mvc.perform(get("/jobs/" + job).with(as(member))).andReturn());
            assertThat(page.select(".my-application .application-status").text())
                    .isEqualTo("New");
            return messages;
        } finally {
            threads.shutdownNow();
        }
    }

    int applicationsBy(CurrentMember member) {
        return data.jdbc()
                .queryForObject(
                        "select count(*) from job_applications where job_id = ? and applicant_id = ?",
                        Integer.class,
                        job,
                        member.id().value());
    }

    @Test
    void aCoverNoteIsRequiredWhenTheListingAsksForOne() throws Exception {
        Document page = page(mvc.perform(apply(job, "   ").with(as(applicant)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("#coverNote-error").text()).isEqualTo("This listing asks for a cover note.");
        assertThat(applications(job)).isZero();
    }

    @Test
    void noApplicationToOnesOwnListing() throws Exception {
        assertThat(refusal(job, poster)).isEmpty(); // the poster sees the manage panel instead
        assertThat(refusedWith(apply(job, "Hire me").with(as(poster)))).isEqualTo("application.refused.own");
        assertThat(applications(job)).isZero();
    }

    @Test
    void noApplicationAcrossABlockEitherWay() throws Exception {
        data.jdbc()
                .update(
                        "insert into member_blocks (blocker_id, blocked_id, created_at) values (?, ?, now(6))",
                        poster.id().value(),
                        applicant.id().value());
        assertThat(refusedWith(apply(job, "Hire me").with(as(applicant)))).isEqualTo("application.refused.blocked");
        assertThat(applications(job)).isZero();
        data.jdbc()
                .update(
                        "delete from member_blocks where blocker_id = ?",
                        poster.id().value());
        data.jdbc()
                .update(
                        "insert into member_blocks (blocker_id, blocked_id, created_at) values (?, ?, now(6))",
                        applicant.id().value(),
                        poster.id().value());
        assertThat(refusal(job, applicant)).isEqualTo("You can’t apply to this listing.");
    }

    @Test
    void noApplicationToAClosedListing() throws Exception {
        mvc.perform(post("/jobs/" + job + "/close").with(csrf()).with(as(poster)));
        assertThat(refusal(job, applicant)).isEqualTo("This listing is closed and takes no more applications.");
        assertThat(refusedWith(apply(job, "Hello").with(as(applicant)))).isEqualTo("application.refused.closed");
        assertThat(applications(job)).isZero();
    }

    @Test
    void noApplicationToAnExpiredListing() throws Exception {
        data.jdbc().update("update job_listings set expires_at = now(6) - interval 1 minute where id = ?", job);
        assertThat(refusal(job, applicant)).isEqualTo("This listing has ended and takes no more applications.");
        assertThat(refusedWith(apply(job, "Hello").with(as(applicant)))).isEqualTo("application.refused.expired");
        assertThat(applications(job)).isZero();
    }

    @Test
    void noApplicationAfterTheDeadline() throws Exception {
        data.jdbc()
                .update(
                        "update job_listings set application_deadline = current_date - interval 1 day where id = ?",
                        job);
        assertThat(refusal(job, applicant)).isEqualTo("The deadline for applications has passed.");
        assertThat(refusedWith(apply(job, "Hello").with(as(applicant)))).isEqualTo("application.refused.deadline");
        assertThat(applications(job)).isZero();
    }

    @Test
    void unverifiedMembersAreToldToConfirmTheirAddress() throws Exception {
        CurrentMember unverified = support.member("Ines Duarte", false);
        assertThat(refusal(job, unverified)).startsWith("Confirm your e-mail address");
        mvc.perform(apply(job, "Hello").with(as(unverified)));
        assertThat(applications(job)).isZero();
    }

    @Test
    void visitorsSeeTheListingAndAreAskedToLogIn() throws Exception {
        Document page =
                page(mvc.perform(get("/jobs/" + job)).andExpect(status().isOk()).andReturn());
        assertThat(page.select(".apply").text()).contains("Log in to apply");
        mvc.perform(apply(job, "Hello")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void worksNotOwnedByTheApplicantAreRefused() throws Exception {
        mvc.perform(apply(job, "See my reel").param("workIds", "424242").with(as(applicant)))
                .andExpect(status().isOk());
        assertThat(applications(job)).isZero();
    }

    @Test
    void theApplicantWithdrawsBeforeADecisionAndMayApplyAgain() throws Exception {
        mvc.perform(apply(job, "First try").with(as(applicant)));
        mvc.perform(post("/jobs/" + job + "/withdraw").with(csrf()).with(as(applicant)))
                .andExpect(redirectedUrl("/jobs/" + job));
        assertThat(data.jdbc()
                        .queryForObject("select status from job_applications where job_id = ?", String.class, job))
                .isEqualTo("WITHDRAWN");
        Document poster = page(mvc.perform(get("/jobs/" + job + "/applicants").with(as(this.poster)))
                .andReturn());
        assertThat(poster.select("tbody tr")).isEmpty();

        mvc.perform(apply(job, "Second try").with(as(applicant))).andExpect(redirectedUrl("/jobs/" + job));
        assertThat(data.jdbc()
                        .queryForObject("select status from job_applications where job_id = ?", String.class, job))
                .isEqualTo("NEW");
    }

    /**
     * Issue 17: withdrawing asks first, then offers an Undo that brings the same application back
     * as it was sent, without telling the poster twice; only its applicant can undo it, and not
     * once the listing is closed or the 30 days are over.
     */
    @Test
    void withdrawingAsksFirstAndCanBeUndoneWithTheApplicationAsItWasSent() throws Exception {
        mvc.perform(apply(job, "Night exteriors are my thing.").with(as(applicant)))
                .andExpect(redirectedUrl("/jobs/" + job));
        long application =
                data.jdbc().queryForObject("select id from job_applications where job_id = ?", Long.class, job);
        Document listing =
                page(mvc.perform(get("/jobs/" + job).with(as(applicant))).andReturn());
        assertThat(listing.select("a[href=/jobs/" + job + "/withdraw]")).hasSize(1);
        Document confirm = page(mvc.perform(get("/jobs/" + job + "/withdraw").with(as(applicant)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(confirm.select("form[action=/jobs/" + job + "/withdraw][method=post]"))
                .hasSize(1);
        assertThat(statusOf(application)).as("a GET changes nothing").isEqualTo("NEW");

        MvcResult withdrawn = mvc.perform(
                        post("/jobs/" + job + "/withdraw").with(csrf()).with(as(applicant)))
                .andExpect(redirectedUrl("/jobs/" + job))
                .andReturn();
        Flash flash = (Flash) withdrawn.getFlashMap().get("flash");
        assertThat(flash.undoAction()).isEqualTo("/jobs/" + job + "/withdraw/undo");
        assertThat(statusOf(application)).isEqualTo("WITHDRAWN");

        // The poster cannot undo it for them, nor can anyone without the token.
        assertThat(mvc.perform(post("/jobs/" + job + "/withdraw/undo")
                                .with(csrf())
                                .with(as(poster)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/jobs/" + job + "/withdraw/undo").with(as(applicant)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        events.clear();
        mvc.perform(post("/jobs/" + job + "/withdraw/undo").with(csrf()).with(as(applicant)))
                .andExpect(redirectedUrl("/jobs/" + job));
        assertThat(statusOf(application)).isEqualTo("NEW");
        assertThat(data.jdbc()
                        .queryForObject(
                                "select cover_note from job_applications where id = ?", String.class, application))
                .isEqualTo("Night exteriors are my thing.");
        assertThat(events.stream(ApplicationSubmitted.class))
                .as("the poster is not told twice")
                .isEmpty();
        data.awaitEventListeners();
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from notifications where recipient_id = ? and kind = 'APPLICATION_RECEIVED'",
                                Integer.class,
                                poster.id().value()))
                .isEqualTo(1);
        Document applicants =
                page(mvc.perform(get("/jobs/" + job + "/applicants").with(as(poster)))
                        .andReturn());
        assertThat(applicants.select("tbody tr")).hasSize(1);

        // Too late: 30 days after the withdrawal.
        mvc.perform(post("/jobs/" + job + "/withdraw").with(csrf()).with(as(applicant)));
        data.jdbc()
                .update("update job_applications set updated_at = now(6) - interval 31 day where id = ?", application);
        assertThat(refusedWith(
                        post("/jobs/" + job + "/withdraw/undo").with(csrf()).with(as(applicant))))
                .isEqualTo("application.undo.too-late");
        assertThat(statusOf(application)).isEqualTo("WITHDRAWN");
    }

    @Test
    void noUndoOnceTheListingIsClosed() throws Exception {
        mvc.perform(apply(job, "Hello").with(as(applicant)));
        mvc.perform(post("/jobs/" + job + "/withdraw").with(csrf()).with(as(applicant)));
        mvc.perform(post("/jobs/" + job + "/close").with(csrf()).with(as(poster)));
        assertThat(refusedWith(
                        post("/jobs/" + job + "/withdraw/undo").with(csrf()).with(as(applicant))))
                .isEqualTo("application.refused.closed");
        assertThat(data.jdbc()
                        .queryForObject("select status from job_applications where job_id = ?", String.class, job))
                .isEqualTo("WITHDRAWN");
    }

    String statusOf(long application) {
        return data.jdbc()
                .queryForObject("select status from job_applications where id = ?", String.class, application);
    }

    @Test
    void noWithdrawingAfterADecision() throws Exception {
        mvc.perform(apply(job, "Hello").with(as(applicant)));
        long application =
                data.jdbc().queryForObject("select id from job_applications where job_id = ?", Long.class, job);
        mvc.perform(post("/jobs/" + job + "/applicants/status")
                .with(csrf())
                .with(as(poster))
                .param("applicationIds", Long.toString(application))
                .param("status", "rejected"));
        mvc.perform(post("/jobs/" + job + "/withdraw").with(csrf()).with(as(applicant)));
        assertThat(data.jdbc()
                        .queryForObject("select status from job_applications where id = ?", String.class, application))
                .isEqualTo("REJECTED");
    }

    @Test
    void myApplicationsListsTheStatus() throws Exception {
        mvc.perform(apply(job, "Hello").with(as(applicant)));
        Document page =
                page(mvc.perform(get("/jobs/applications").with(as(applicant))).andReturn());
        assertThat(page.select(".job-card__title").text()).isEqualTo("Gaffer for a five-day night shoot");
        assertThat(page.select(".application-status").text()).isEqualTo("New");
    }

    @Test
    void applyingToAnotherListingIsIndependent() throws Exception {
        long other = support.postJob(poster, Map.of("title", "Key grip, two weeks"));
        mvc.perform(apply(job, "One").with(as(applicant))).andExpect(redirectedUrl("/jobs/" + job));
        mvc.perform(apply(other, "Two").with(as(applicant))).andExpect(redirectedUrl("/jobs/" + other));
        assertThat(applications(job)).isEqualTo(1);
        assertThat(applications(other)).isEqualTo(1);
    }
}

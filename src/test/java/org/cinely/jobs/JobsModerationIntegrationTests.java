package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinely.jobs.JobsTestSupport.as;
import static org.cinely.jobs.JobsTestSupport.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A job listing under moderation on every read path: its page, the board and its word search, an
 * edit, applying, the feed's summaries, saved-search matching, and the poster's standing.
 */
@CinelyIntegrationTest
class JobsModerationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JobsContentModeration moderation;

    @Autowired
    JobsApi jobsApi;

    @Autowired
    TransactionTemplate tx;

    JobsTestSupport support;
    CurrentMember poster;
    CurrentMember seeker;
    CurrentMember moderator;
    String marker;

    @BeforeEach
    void setUp() throws Exception {
        data.mark();
        support = new JobsTestSupport(mvc, data);
        poster = support.member("Rosa Ventura", true);
        seeker = support.member("Sol Ortega", true);
        CurrentMember plain = support.member("Mia Moderator", true);
        data.jdbc()
                .update(
                        "update accounts set role = 'MODERATOR' where id = ?",
                        plain.id().value());
        moderator = new CurrentMember(
                plain.id().value(),
                plain.email(),
                plain.handle(),
                plain.displayName(),
                "",
                "MODERATOR",
                true,
                true,
                false);
        marker = "zq" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    private long listing() throws Exception {
        return support.postJob(
                poster, Map.of("title", "Gaffer " + marker, "description", "Night call " + marker + "."));
    }

    private List<String> board() throws Exception {
        return page(mvc.perform(get("/jobs?q=" + marker))
                        .andExpect(status().isOk())
                        .andReturn())
                .select(".job-card__title a")
                .eachText();
    }

    private void moderate(long job, ModerationState state) {
        tx.executeWithoutResult(s -> moderation.moderate(new ContentRef(ContentKind.JOB, job), state));
    }

    private void standing(CurrentMember member, Standing standing) {
        tx.executeWithoutResult(s -> moderation.applyStanding(member.id(), standing));
    }

    private int statusOf(String path, CurrentMember viewer) throws Exception {
        var request = get(path);
        if (viewer != null) {
            request.with(as(viewer));
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void aHiddenListingLeavesEveryReadPathAndComesBackWhenRestored() throws Exception {
        long job = listing();
        assertThat(board()).containsExactly("Gaffer " + marker);
        assertThat(jobsApi.visibleSummaries(seeker.id(), List.of(job))).containsKey(job);

        moderate(job, ModerationState.HIDDEN);
        assertThat(board()).as("board and word search").isEmpty();
        assertThat(statusOf("/jobs/" + job, null)).isEqualTo(404);
        assertThat(statusOf("/jobs/" + job, seeker)).isEqualTo(404);
        assertThat(jobsApi.visibleSummaries(seeker.id(), List.of(job)))
                .as("feed and notifications")
                .isEmpty();
        Document own = page(mvc.perform(get("/jobs/" + job).with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(own.select(".banner--warning").text()).contains("hidden by the moderators");
        assertThat(statusOf("/jobs/" + job, moderator)).isEqualTo(200);
        data.awaitEventListeners();
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from audit_log where action = 'content.opened' and actor_id = ? and target = ?",
                                Integer.class,
                                moderator.id().value(),
                                "job:" + job))
                .as("the moderator's opening is audited")
                .isOne();

        // The poster edits it: still off the board.
        Map<String, String> edit = JobsTestSupport.validJob();
        edit.put("title", "Gaffer " + marker + " (updated)");
        edit.put("description", "Night call " + marker + ".");
        mvc.perform(JobsTestSupport.form(post("/jobs/" + job + "/edit"), edit).with(as(poster)))
                .andExpect(status().is3xxRedirection());
        assertThat(board()).as("an edit does not put it back").isEmpty();
        // Nobody can apply to it.
        var refused = mvc.perform(post("/jobs/" + job + "/apply")
                        .with(csrf())
                        .with(as(seeker))
                        .param("coverNote", "Hello"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(refused.getFlashMap().get("flash").toString()).contains("application.refused.unavailable");
        assertThat(data.jdbc()
                        .queryForObject("select count(*) from job_applications where job_id = ?", Integer.class, job))
                .isZero();

        moderate(job, ModerationState.VISIBLE);
        assertThat(board()).containsExactly("Gaffer " + marker + " (updated)");
        assertThat(statusOf("/jobs/" + job, seeker)).isEqualTo(200);
        assertThat(jobsApi.visibleSummaries(seeker.id(), List.of(job))).containsKey(job);
    }

    @Test
    void aPostersStandingReachesTheirListings() throws Exception {
        long job = listing();
        long hiddenOnItsOwn = support.postJob(poster, Map.of("title", "Grip " + marker));
        moderate(hiddenOnItsOwn, ModerationState.HIDDEN);

        standing(poster, Standing.SUSPENDED);
        assertThat(board()).isEmpty();
        assertThat(statusOf("/jobs/" + job, seeker)).isEqualTo(404);
        assertThat(jobsApi.visibleSummaries(seeker.id(), List.of(job)))
                .as("nor in the feed")
                .isEmpty();

        standing(poster, Standing.LIMITED);
        assertThat(board()).as("a limited poster is off the public board").isEmpty();
        assertThat(statusOf("/jobs/" + job, seeker)).isEqualTo(404);
        assertThat(jobsApi.visibleSummaries(seeker.id(), List.of(job))).isEmpty();
        assertThat(jobsApi.visibleSummaries(poster.id(), List.of(job, hiddenOnItsOwn)))
                .as("the poster's own feed still shows what is theirs, hidden or not")
                .containsOnlyKeys(job, hiddenOnItsOwn);
        new TestMembers(data.jdbc(), null)
                .connect(
                        new TestMembers.Member(
                                poster.id().value(), poster.handle(), poster.email(), poster.displayName(), true),
                        new TestMembers.Member(
                                seeker.id().value(), seeker.handle(), seeker.email(), seeker.displayName(), true));
        assertThat(statusOf("/jobs/" + job, seeker))
                .as("but their connections still see it")
                .isEqualTo(200);
        assertThat(jobsApi.visibleSummaries(seeker.id(), List.of(job, hiddenOnItsOwn)))
                .as("in the feed too, though not the listing hidden on its own")
                .containsOnlyKeys(job);

        standing(poster, Standing.ACTIVE);
        assertThat(board())
                .as("reinstated, yet the listing hidden on its own stays hidden")
                .containsExactly("Gaffer " + marker);
    }

    @Test
    void aLimitedMemberCannotPostAJob() throws Exception {
        data.jdbc()
                .update(
                        "update accounts set limited = true where id = ?",
                        poster.id().value());
        Map<String, String> fields = JobsTestSupport.validJob();
        fields.put("title", "Limited " + marker);
        Document form = page(mvc.perform(JobsTestSupport.postJob(fields).with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.select(".form-errors").text()).contains("limited");
        assertThat(form.select("input[name=title]").val())
                .as("what was typed is kept")
                .isEqualTo("Limited " + marker);
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from job_listings where poster_id = ?",
                                Integer.class,
                                poster.id().value()))
                .isZero();
    }

    @Test
    void aHeldListingWaitsOffTheBoardAndGoesOutWhenApproved() throws Exception {
        data.jdbc()
                .update("insert into moderation_settings (name, value) values ('hold-first-items', 'true')"
                        + " on duplicate key update value = 'true'");
        try {
            long job = listing();
            assertThat(board()).isEmpty();
            assertThat(statusOf("/jobs/" + job, seeker)).isEqualTo(404);
            Document own =
                    page(mvc.perform(get("/jobs/" + job).with(as(poster))).andReturn());
            assertThat(own.select(".banner--warning").text()).contains("waits for a moderator");
            data.awaitEventListeners();
            assertThat(data.jdbc()
                            .queryForObject(
                                    "select reason from moderation_cases where open_key = ?",
                                    String.class,
                                    "job:" + job))
                    .isEqualTo("HELD");
            assertThat(data.jdbc()
                            .queryForObject(
                                    "select count(*) from feed_activities where actor_id = ?",
                                    Integer.class,
                                    poster.id().value()))
                    .as("not announced while held")
                    .isZero();

            moderate(job, ModerationState.VISIBLE);
            assertThat(board()).containsExactly("Gaffer " + marker);
            data.awaitEventListeners();
            assertThat(data.jdbc()
                            .queryForObject(
                                    "select count(*) from feed_activities where actor_id = ?",
                                    Integer.class,
                                    poster.id().value()))
                    .as("announced once approved")
                    .isOne();
        } finally {
            data.jdbc().update("update moderation_settings set value = 'false' where name = 'hold-first-items'");
        }
    }

    @Test
    void aMembersReportsAreOnePerListingAndTwentyADay() throws Exception {
        long job = listing();
        mvc.perform(post("/report/job/" + job)
                        .with(csrf())
                        .with(as(seeker))
                        .param("category", "SCAM")
                        .param("note", "Unpaid"))
                .andExpect(status().is3xxRedirection());
        Document again = page(mvc.perform(
                        post("/report/job/" + job).with(csrf()).with(as(seeker)).param("category", "SPAM"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(again.select(".form-errors").text()).contains("already reported");
        Document own = page(mvc.perform(
                        post("/report/job/" + job).with(csrf()).with(as(poster)).param("category", "SPAM"))
                .andReturn());
        assertThat(own.select(".form-errors").text()).contains("your own");
        Document noCategory = page(mvc.perform(
                        post("/report/job/" + job).with(csrf()).with(as(poster)).param("note", "x"))
                .andReturn());
        assertThat(noCategory.select(".field__error").text()).contains("Choose what is wrong");
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from moderation_reports where target_kind = 'JOB' and target_id = ?",
                                Integer.class,
                                job))
                .isOne();

        for (int i = 0; i < 19; i++) {
            // Posted "two days ago", so the poster's own limit of 10 listings a day does not stop the test.
            data.jdbc()
                    .update(
                            "update job_listings set created_at = created_at - interval 2 day where poster_id = ?",
                            poster.id().value());
            long another = support.postJob(poster, Map.of("title", "Call " + i + " " + marker));
            mvc.perform(post("/report/job/" + another)
                            .with(csrf())
                            .with(as(seeker))
                            .param("category", "SPAM"))
                    .andExpect(status().is3xxRedirection());
        }
        data.jdbc()
                .update(
                        "update job_listings set created_at = created_at - interval 2 day where poster_id = ?",
                        poster.id().value());
        long last = support.postJob(poster, Map.of("title", "Call 20 " + marker));
        mvc.perform(post("/report/job/" + last).with(csrf()).with(as(seeker)).param("category", "SPAM"))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/report/job/999999999").with(as(seeker))).andExpect(status().isOk());
        mvc.perform(post("/report/job/999999999")
                        .with(csrf())
                        .with(as(moderator))
                        .param("category", "SPAM"))
                .andExpect(status().isNotFound());
    }
}

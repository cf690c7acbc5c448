package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The demo board's listings, posted days ago, sort on "Newest" by the dates they show. */
@CinelyIntegrationTest
class DemoBoardIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    DemoJobs demoJobs;

    @BeforeEach
    void mark() {
        data.mark();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void newestOnTheBoardAgreesWithThePostedDatesOfBackdatedListings() throws Exception {
        JobsTestSupport support = new JobsTestSupport(mvc, data);
        CurrentMember poster = support.member("Rosa Ventura", true);
        String word = "zq" + Long.toString(System.nanoTime(), 36);
        // Posted in this order (today), then moved back as the demo seed does: 5, 1 and 9 days ago.
        long fiveDays = support.postJob(poster, Map.of("title", "Gaffer five " + word));
        long oneDay = support.postJob(poster, Map.of("title", "Gaffer one " + word));
        long nineDays = support.postJob(poster, Map.of("title", "Gaffer nine " + word));
        Instant now = Instant.now();
        demoJobs.backdate(fiveDays, now.minus(Duration.ofDays(5)));
        demoJobs.backdate(oneDay, now.minus(Duration.ofDays(1)));
        demoJobs.backdate(nineDays, now.minus(Duration.ofDays(9)));

        var page =
                JobsTestSupport.page(mvc.perform(get("/jobs").param("q", word).param("sort", "newest"))
                        .andReturn());
        List<String> titles = page.select(".job-card__title").eachText();
        assertThat(titles).containsExactly("Gaffer one " + word, "Gaffer five " + word, "Gaffer nine " + word);

        // "Posted within 7 days" reads the same dates: the nine-day-old listing is not in it.
        var recent = JobsTestSupport.page(mvc.perform(
                        get("/jobs").param("q", word).param("sort", "newest").param("posted", "7"))
                .andReturn());
        List<String> recentTitles =
                recent.select(".job-card__title").stream().map(Element::text).toList();
        assertThat(recentTitles).containsExactly("Gaffer one " + word, "Gaffer five " + word);
    }

    @Test
    void aDemoApplicantsReelJoinsTheirDemoApplicationOnceWatchable() throws Exception {
        JobsTestSupport support = new JobsTestSupport(mvc, data);
        CurrentMember poster = support.member("Maya Okafor", true);
        CurrentMember applicant = support.member("Priya Nair", true);
        CurrentMember stranger = support.member("Not A Demo Member", true);
        // Demo members are known by their handles (demo/members.tsv); tests run without demo data.
        data.jdbc()
                .update(
                        "update accounts set handle = 'maya-okafor' where id = ?",
                        poster.id().value());
        data.jdbc()
                .update(
                        "update accounts set handle = 'priya-nair' where id = ?",
                        applicant.id().value());
        long demoJob = support.postJob(poster);
        long otherJob = support.postJob(stranger);
        for (long job : List.of(demoJob, otherJob)) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                    "/jobs/" + job + "/apply")
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf())
                            .with(JobsTestSupport.as(applicant))
                            .param("coverNote", "Produced two series on the coast."))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                            .is3xxRedirection());
        }

        long work = org.cinely.works.WorksTestAccess.readyPublicWork(
                mvc, applicant, org.cinely.works.WorksTestAccess.clip(640, 360));
        data.awaitEventListeners();

        String query = "select work_count from job_applications where job_id = ? and applicant_id = ?";
        assertThat(data.jdbc()
                        .queryForObject(
                                query, Integer.class, demoJob, applicant.id().value()))
                .isEqualTo(1);
        assertThat(data.jdbc()
                        .queryForObject(
                                "select w.work_id from job_application_works w join job_applications a"
                                        + " on a.id = w.application_id where a.job_id = ?",
                                Long.class,
                                demoJob))
                .isEqualTo(work);
        // A listing of someone outside the demo community keeps the application as it was sent.
        assertThat(data.jdbc()
                        .queryForObject(
                                query, Integer.class, otherJob, applicant.id().value()))
                .isZero();
    }
}

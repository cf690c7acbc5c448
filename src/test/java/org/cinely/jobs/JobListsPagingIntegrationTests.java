package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinely.jobs.JobsTestSupport.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.stream.IntStream;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.Pages;
import org.cinely.test.TestData;
import org.cinely.works.WorksTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A busy poster's listings and applicants and a busy applicant's applications and works are all
 * reachable, page by page (the lists stopped at 200 listings, 1,000 applicants, 500 applications
 * and 100 attachable works, silently).
 */
@CinelyIntegrationTest
class JobListsPagingIntegrationTests {

    static final int LISTINGS = 130;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    WorksTestData works;

    JobsTestSupport support;
    CurrentMember poster;
    CurrentMember applicant;
    long firstListing;

    @BeforeEach
    void setUp() throws Exception {
        data.mark();
        support = new JobsTestSupport(mvc, data);
        poster = support.member("Busy Poster", true);
        applicant = support.member("Busy Applicant", true);
        firstListing = support.postJob(poster);
        // Copies of the posted listing, "Listing 000" the oldest; then the applicant applies to each
        // and as many others apply to the first.
        String columns = data.jdbc()
                .queryForObject(
                        "select group_concat(column_name order by ordinal_position) from information_schema.columns"
                                + " where table_schema = database() and table_name = 'job_listings'"
                                + " and column_name not in ('id', 'title', 'created_at')",
                        String.class);
        data.jdbc()
                .update(
                        "insert into job_listings (title, created_at, " + columns + ")"
                                + " select concat('Listing ', lpad(seq, 3, '0')), now(6) - interval (1000 - seq) minute, "
                                + columns + " from job_listings, seq_0_to_" + (LISTINGS - 1) + " where id = ?",
                        firstListing);
        data.jdbc()
                .update(
                        "insert into job_applications (job_id, applicant_id, applicant_handle, applicant_name,"
                                + " applicant_crafts, cover_note, work_count, status, created_at, updated_at)"
                                + " select id, ?, ?, ?, '', '', 0, 'NEW', created_at, created_at from job_listings"
                                + " where poster_id = ? and title like 'Listing %'",
                        applicant.id().value(),
                        applicant.handle(),
                        applicant.displayName(),
                        poster.id().value());
        data.jdbc()
                .update(
                        "insert into job_applications (job_id, applicant_id, applicant_handle, applicant_name,"
                                + " applicant_crafts, cover_note, work_count, status, created_at, updated_at)"
                                + " select ?, 2000000000 + seq, concat('crew-', seq), concat('Applicant ', lpad(seq, 3, '0')),"
                                + " '', '', 0, 'NEW', now(6) - interval (1000 - seq) minute, now(6) from seq_0_to_"
                                + (LISTINGS - 1),
                        firstListing);
    }

    @AfterEach
    void cleanUp() {
        data.jdbc().update("delete from job_applications where applicant_id >= 2000000000");
        data.cleanUp();
    }

    static List<String> newestFirst(String prefix) {
        return IntStream.range(0, LISTINGS)
                .mapToObj(i -> String.format("%s %03d", prefix, LISTINGS - 1 - i))
                .toList();
    }

    @Test
    void myListingsReachTheOldest() throws Exception {
        List<String> titles = Pages.all(mvc, "/jobs/mine", as(poster), ".job-card__title");
        assertThat(titles.subList(1, titles.size()))
                .as("after the listing posted last, every copy, newest first")
                .containsExactlyElementsOf(newestFirst("Listing"));
    }

    @Test
    void myApplicationsReachTheOldest() throws Exception {
        assertThat(Pages.all(mvc, "/jobs/applications", as(applicant), ".job-card__title"))
                .containsExactlyElementsOf(newestFirst("Listing"));
    }

    @Test
    void everyApplicantIsReachableAndFiltersStayOnEveryPage() throws Exception {
        List<String> rows = Pages.all(
                mvc, "/jobs/" + firstListing + "/applicants?sort=name", as(poster), "tr[data-applicant] td a");
        assertThat(rows).hasSize(LISTINGS).contains("Applicant 000", "Applicant " + (LISTINGS - 1));
        assertThat(rows).isSorted();
        String next = Pages.page(mvc, "/jobs/" + firstListing + "/applicants?sort=name&status=new", as(poster))
                .select("a[rel=next]")
                .attr("href");
        assertThat(next).contains("sort=name").contains("status=new").contains("page=1");
    }

    @Test
    void aWorkOlderThanTheNewestHundredCanBeAttached() throws Exception {
        List<Long> reel = works.playableWorks(applicant.id().value(), "Reel cut", 130);
        long oldest = reel.get(0);
        long fresh = firstListing; // the applicant applied only to its copies
        assertThat(Pages.page(mvc, "/jobs/" + fresh, as(applicant))
                        .select("input[name=workIds]")
                        .eachAttr("value"))
                .as("the picker offers every work")
                .hasSize(130)
                .contains(Long.toString(oldest));
        mvc.perform(post("/jobs/" + fresh + "/apply")
                .with(csrf())
                .with(as(applicant))
                .param("coverNote", "My first cut is the one.")
                .param("workIds", Long.toString(oldest)));
        assertThat(data.jdbc()
                        .queryForList(
                                "select w.work_id from job_application_works w join job_applications a"
                                        + " on a.id = w.application_id where a.job_id = ? and a.applicant_id = ?",
                                Long.class,
                                fresh,
                                applicant.id().value()))
                .containsExactly(oldest);
    }
}

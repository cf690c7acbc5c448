package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinely.jobs.JobsTestSupport.as;
import static org.cinely.jobs.JobsTestSupport.page;
import static org.cinely.jobs.JobsTestSupport.today;
import static org.cinely.jobs.JobsTestSupport.validJob;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@CinelyIntegrationTest
@RecordApplicationEvents
class JobPostingIntegrationTests {

    @Autowired
    ApplicationEvents events;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    JobsTestSupport support;
    CurrentMember poster;

    @BeforeEach
    void setUp() throws Exception {
        data.mark();
        support = new JobsTestSupport(mvc, data);
        poster = support.member("Rosa Ventura", true);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    /**
     * Found by the page speed load test: two postings at the same moment each locked the gap at
     * the end of the board's craft index (deleting the new listing's crafts, which were not there)
     * and then waited for the other's to insert; the database ended one with a deadlock, and its
     * poster saw an error instead of their listing.
     */
    @Test
    void membersPostingAtTheSameMomentAllGetTheirListingsOnTheBoard() throws Exception {
        int posters = 6;
        int each = 5;
        // Made as rows: signing this many up through the form would meet its rate limit.
        TestMembers rows = new TestMembers(data.jdbc(), encoder);
        List<CurrentMember> members = new ArrayList<>();
        for (int i = 0; i < posters; i++) {
            members.add(rows.create("Poster " + i).principal());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(posters);
        try {
            List<Future<List<Long>>> postings = new ArrayList<>();
            for (CurrentMember member : members) {
                postings.add(pool.submit(() -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (int n = 0; n < each; n++) {
                        ids.add(support.postJob(member, Map.of("crafts", n % 2 == 0 ? "gaffer" : "colorist")));
                    }
                    return ids;
                }));
            }
            start.countDown();
            List<Long> posted = new ArrayList<>();
            for (Future<List<Long>> future : postings) {
                posted.addAll(future.get(2, TimeUnit.MINUTES));
            }

            assertThat(posted).hasSize(posters * each).doesNotHaveDuplicates();
            assertThat(data.jdbc()
                            .queryForObject(
                                    "select count(*) from job_search_crafts where job_id in ("
                                            + String.join(
                                                    ",",
                                                    posted.stream()
                                                            .map(String::valueOf)
                                                            .toList()) + ")",
                                    Integer.class))
                    .as("every listing findable on the board by its craft")
                    .isEqualTo(posters * each);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void postsAListingThatShowsOnTheBoardAndItsPage() throws Exception {
        long id = support.postJob(poster);

        Document job =
                page(mvc.perform(get("/jobs/" + id)).andExpect(status().isOk()).andReturn());
        assertThat(job.select("h1").text()).isEqualTo("Gaffer for a five-day night shoot");
        assertThat(job.select(".job-pay").text()).isEqualTo("Paid · 450.00 EUR per day");
        assertThat(job.select(".status").first().text()).isEqualTo("Open");
        assertThat(job.select(".rich-text a").attr("href")).isEqualTo("https://example.org/call");
        assertThat(job.select(".rich-text a").attr("rel")).isEqualTo("nofollow ugc noopener");

        Document board = page(mvc.perform(get("/jobs")).andReturn());
        assertThat(board.select(".job-card__title a").eachText()).contains("Gaffer for a five-day night shoot");
    }

    @Test
    void theListingExpiresAfterThirtyDaysByDefaultAndAtMostNinety() throws Exception {
        long id = support.postJob(poster, Map.of("runsForDays", ""));
        Integer days = data.jdbc()
                .queryForObject(
                        "select datediff(expires_at, created_at) from job_listings where id = ?", Integer.class, id);
        assertThat(days).isEqualTo(30);

        Map<String, String> tooLong = validJob();
        tooLong.put("runsForDays", "91");
        Document form = page(mvc.perform(JobsTestSupport.postJob(tooLong).with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.select("#runsForDays-error").text()).isEqualTo("Choose between 1 and 90 days.");
    }

    @Test
    void datesThatMakeNoSenseAreRefusedBesideTheFieldAndTheRestIsKept() throws Exception {
        Map<String, String> fields = validJob();
        fields.put("startDate", today().plusDays(10).toString());
        fields.put("endDate", today().plusDays(5).toString());
        fields.put("applicationDeadline", today().minusDays(1).toString());
        Document form = page(mvc.perform(JobsTestSupport.postJob(fields).with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(form.select("#endDate-error").text()).isEqualTo("The end date is before the start date.");
        assertThat(form.select("#applicationDeadline-error").text()).isEqualTo("The deadline has already passed.");
        assertThat(form.select("#title").val()).isEqualTo("Gaffer for a five-day night shoot");
        assertThat(form.select("#description").text()).startsWith("Night exteriors on the river.");
        assertThat(form.select("input[name=crafts][value=gaffer]").hasAttr("checked"))
                .isTrue();
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from job_listings where poster_id = ?",
                                Integer.class,
                                poster.id().value()))
                .isZero();
    }

    static final String BAD_AMOUNT = "12<b>abc</b>\"";

    /**
     * Text that cannot be read (an amount, dates, days) gets its message, and every other problem
     * of the form shows in the same response: the member fixes everything in one go. What they
     * typed stays in the fields, the bad text too, escaped.
     */
    @Test
    void unreadableValuesAndEveryOtherProblemShowTogetherAndTheTypedTextIsKept() throws Exception {
        Map<String, String> fields = validJob();
        fields.put("payAmount", BAD_AMOUNT);
        fields.put("title", "");
        fields.put("crafts", null);
        fields.put("startDate", today().plusDays(10).toString());
        fields.put("endDate", today().plusDays(5).toString());
        fields.put("applicationDeadline", "2026-13-45");
        fields.put("runsForDays", "ten");
        fields.put("city", "");
        fields.put("country", "");
        String html = mvc.perform(JobsTestSupport.postJob(fields).with(as(poster)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Document form = org.jsoup.Jsoup.parse(html);

        // The values that could not be read...
        assertThat(form.select("#payAmount-error").text())
                .isEqualTo("Give the amount as a number, e.g. 450 or 450.50.");
        assertThat(form.select("#applicationDeadline-error").text()).isEqualTo("Give the date as year-month-day.");
        assertThat(form.select("#runsForDays-error").text()).isEqualTo("Give a whole number of days.");
        // ...and, in the same response, the rules of single fields and across fields.
        assertThat(form.select("#title-error").text()).isEqualTo("Give the job a title.");
        assertThat(form.select("#crafts-error").text()).isEqualTo("Pick at least one craft.");
        assertThat(form.select("#endDate-error").text()).isEqualTo("The end date is before the start date.");
        assertThat(form.select("#country-error").text()).isEqualTo("Give a city or country, or tick \"Remote\".");

        // Everything typed is kept, the unreadable text as typed and escaped.
        assertThat(form.select("#payAmount").val()).isEqualTo(BAD_AMOUNT);
        assertThat(form.select("#applicationDeadline").val()).isEqualTo("2026-13-45");
        assertThat(form.select("#runsForDays").val()).isEqualTo("ten");
        assertThat(html).doesNotContain("<b>abc</b>").contains("12&lt;b&gt;abc&lt;/b&gt;&quot;");
        assertThat(form.select("main b")).isEmpty();
        assertThat(form.select("#startDate").val())
                .isEqualTo(today().plusDays(10).toString());
        assertThat(form.select("#company").val()).isEqualTo("Northlight Pictures");
        assertThat(form.select("#description").text()).startsWith("Night exteriors on the river.");
        assertThat(form.select("input[name=compensation][value=PAID]").hasAttr("checked"))
                .isTrue();
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from job_listings where poster_id = ?",
                                Integer.class,
                                poster.id().value()))
                .isZero();
    }

    /** The brief's case: a bad amount, no title and an end before the start, all in one response. */
    @Test
    void aBadAmountNoTitleAndAnEndBeforeTheStartAreAllShownAtOnce() throws Exception {
        Map<String, String> fields = validJob();
        fields.put("payAmount", "abc");
        fields.put("title", "");
        fields.put("startDate", today().plusDays(10).toString());
        fields.put("endDate", today().plusDays(5).toString());
        fields.put("applicationDeadline", today().plusDays(3).toString());
        Document form = page(mvc.perform(JobsTestSupport.postJob(fields).with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.select(".field__error").eachText())
                .containsExactlyInAnyOrder(
                        "Give the job a title.",
                        "The end date is before the start date.",
                        "Give the amount as a number, e.g. 450 or 450.50.");
        assertThat(form.select("#payAmount").val()).isEqualTo("abc");
    }

    /** Editing works the same: one response with every problem, and the listing is unchanged. */
    @Test
    void editingWithUnreadableValuesShowsEveryProblemAtOnceAndChangesNothing() throws Exception {
        long id = support.postJob(poster);
        Map<String, String> fields = validJob();
        fields.put("payAmount", BAD_AMOUNT);
        fields.put("title", "");
        fields.put("startDate", today().plusDays(10).toString());
        fields.put("endDate", today().plusDays(5).toString());
        fields.put("applicationDeadline", "someday");
        Document form = page(mvc.perform(JobsTestSupport.form(post("/jobs/" + id + "/edit"), fields)
                        .with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.select(".field__error").eachText())
                .containsExactlyInAnyOrder(
                        "Give the job a title.",
                        "The end date is before the start date.",
                        "Give the date as year-month-day.",
                        "Give the amount as a number, e.g. 450 or 450.50.");
        assertThat(form.select("#payAmount").val()).isEqualTo(BAD_AMOUNT);
        assertThat(form.select("#applicationDeadline").val()).isEqualTo("someday");
        assertThat(form.select("form.job-form").attr("action")).isEqualTo("/jobs/" + id + "/edit");
        assertThat(data.jdbc().queryForObject("select title from job_listings where id = ?", String.class, id))
                .isEqualTo("Gaffer for a five-day night shoot");
    }

    @Test
    void onlyAGuaranteedPaymentIsPaid() throws Exception {
        Map<String, String> fields = validJob();
        fields.put("payAmount", "");
        fields.put("payCurrency", "XX");
        Document form = page(mvc.perform(JobsTestSupport.postJob(fields).with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.select("#payAmount-error").text()).isEqualTo("A paid job needs the amount.");
        assertThat(form.select("#payCurrency-error").text()).isEqualTo("Give a currency code such as USD, EUR or GBP.");

        long deferred = support.postJob(poster, Map.of("compensation", "DEFERRED"));
        Document job = page(mvc.perform(get("/jobs/" + deferred)).andReturn());
        assertThat(job.select(".job-pay").text()).isEqualTo("Deferred pay");
        assertThat(data.jdbc()
                        .queryForObject(
                                "select pay_amount from job_listings where id = ?",
                                java.math.BigDecimal.class,
                                deferred))
                .isNull();
    }

    @Test
    void aPlaceOrRemoteIsNeeded() throws Exception {
        Map<String, String> fields = validJob();
        fields.put("city", "");
        fields.put("country", "");
        Document form = page(mvc.perform(JobsTestSupport.postJob(fields).with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.select("#country-error").text()).isEqualTo("Give a city or country, or tick \"Remote\".");

        fields.put("remote", "true");
        mvc.perform(JobsTestSupport.postJob(fields).with(as(poster))).andExpect(redirectedUrlPattern("/jobs/*"));
    }

    @Test
    void unverifiedMembersCannotPost() throws Exception {
        CurrentMember unverified = support.member("Nico Lenz", false);
        Document form = page(mvc.perform(JobsTestSupport.postJob(validJob()).with(as(unverified)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.select(".form-errors").text()).contains("Confirm your e-mail address before you post");
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from job_listings where poster_id = ?",
                                Integer.class,
                                unverified.id().value()))
                .isZero();
    }

    @Test
    void visitorsAreSentToLogInToPost() throws Exception {
        mvc.perform(get("/jobs/new")).andExpect(redirectedUrl("/login"));
        mvc.perform(JobsTestSupport.postJob(validJob())).andExpect(redirectedUrl("/login"));
    }

    @Test
    void atMostTenNewListingsPerMemberPerDay() throws Exception {
        for (int i = 0; i < 10; i++) {
            support.postJob(poster);
        }
        mvc.perform(JobsTestSupport.postJob(validJob()).with(as(poster))).andExpect(status().isTooManyRequests());
    }

    @Test
    void posterEditsClosesReopensAndExtends() throws Exception {
        long id = support.postJob(poster);
        Map<String, String> fields = validJob();
        fields.put("title", "Best boy electric, five nights");
        mvc.perform(JobsTestSupport.form(post("/jobs/" + id + "/edit"), fields).with(as(poster)))
                .andExpect(redirectedUrl("/jobs/" + id));
        assertThat(page(mvc.perform(get("/jobs/" + id)).andReturn())
                        .select("h1")
                        .text())
                .isEqualTo("Best boy electric, five nights");

        mvc.perform(post("/jobs/" + id + "/close").with(csrf()).with(as(poster)))
                .andExpect(redirectedUrl("/jobs/" + id));
        Document closed =
                page(mvc.perform(get("/jobs/" + id)).andExpect(status().isOk()).andReturn());
        assertThat(closed.select(".job-detail__header .status").text()).isEqualTo("Closed");
        assertThat(page(mvc.perform(get("/jobs")).andReturn())
                        .select(".job-card__title a")
                        .eachText())
                .doesNotContain("Best boy electric, five nights");

        mvc.perform(post("/jobs/" + id + "/reopen").with(csrf()).with(as(poster)));
        assertThat(page(mvc.perform(get("/jobs/" + id)).andReturn())
                        .select(".job-detail__header .status")
                        .text())
                .isEqualTo("Open");

        // Past its end date: reopening is refused, extending brings it back.
        data.jdbc().update("update job_listings set expires_at = now(6) - interval 1 hour where id = ?", id);
        assertThat(page(mvc.perform(get("/jobs/" + id)).andReturn())
                        .select(".job-detail__header .status")
                        .text())
                .isEqualTo("Expired");
        mvc.perform(
                post("/jobs/" + id + "/extend").param("days", "14").with(csrf()).with(as(poster)));
        assertThat(page(mvc.perform(get("/jobs/" + id)).andReturn())
                        .select(".job-detail__header .status")
                        .text())
                .isEqualTo("Open");
        Integer days = data.jdbc()
                .queryForObject("select datediff(expires_at, now()) from job_listings where id = ?", Integer.class, id);
        assertThat(days).isBetween(13, 14);
    }

    @Test
    void extendingNeverRunsBeyondNinetyDaysFromToday() throws Exception {
        long id = support.postJob(poster, Map.of("runsForDays", "90"));
        mvc.perform(
                post("/jobs/" + id + "/extend").param("days", "30").with(csrf()).with(as(poster)));
        Integer days = data.jdbc()
                .queryForObject("select datediff(expires_at, now()) from job_listings where id = ?", Integer.class, id);
        assertThat(days).isBetween(89, 90);
    }

    @Test
    void duplicatePrefillsAFormWithoutDates() throws Exception {
        long id = support.postJob(poster);
        Document form = page(mvc.perform(get("/jobs/" + id + "/duplicate").with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.select("#title").val()).isEqualTo("Gaffer for a five-day night shoot");
        assertThat(form.select("#startDate").val()).isEmpty();
        assertThat(form.select("form.job-form").attr("action")).isEqualTo("/jobs/new");
    }

    @Test
    void closingPublishesJobClosedAndPostingJobPosted() throws Exception {
        long id = support.postJob(poster);
        mvc.perform(post("/jobs/" + id + "/close").with(csrf()).with(as(poster)));
        assertThat(events.stream(JobPosted.class).filter(e -> e.job().value() == id))
                .hasSize(1);
        assertThat(events.stream(JobClosed.class).filter(e -> e.job().value() == id))
                .hasSize(1);
    }
}

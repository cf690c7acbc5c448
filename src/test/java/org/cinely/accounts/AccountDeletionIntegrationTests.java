package org.cinely.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinely.accounts.LoginIntegrationTests.logIn;
import static org.cinely.accounts.LoginIntegrationTests.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cinely.media.MediaTestFiles;
import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.cinely.works.WorksTestData;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Deleting an account: the password, signing out everywhere, hiding the member's content, the
 * grace period in which logging in offers to cancel, and the erasure afterwards (rows and media
 * files), including the task running twice or on two nodes at once.
 */
@CinelyIntegrationTest
class AccountDeletionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AccountDeletions deletions;

    @Autowired
    WorksTestData works;

    @Autowired
    ApplicationContext context;

    TestMembers members;
    MediaTestFiles files;
    Member maya;
    Member jonas;

    @BeforeEach
    void createMembers() {
        data.mark();
        members = new TestMembers(jdbc(), encoder);
        files = new MediaTestFiles(context);
        maya = members.create("Maya Okafor");
        jonas = members.create("Jonas Berg");
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    JdbcTemplate jdbc() {
        return data.jdbc();
    }

    Cookie session(Member member) throws Exception {
        MvcResult result =
                mvc.perform(logIn(member.email(), TestMembers.PASSWORD)).andReturn();
        Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).as("a session for " + member.email()).isNotNull();
        return session;
    }

    MvcResult requestDeletion(Cookie session, String password) throws Exception {
        return mvc.perform(post("/settings/delete").with(csrf()).cookie(session).param("password", password))
                .andReturn();
    }

    Instant dueAt(Member member) {
        java.sql.Timestamp due = jdbc().queryForObject(
                        "select deletion_due_at from accounts where id = ?", java.sql.Timestamp.class, member.id());
        return due == null ? null : due.toInstant();
    }

    int count(String sql, Object... args) {
        return jdbc().queryForObject(sql, Integer.class, args);
    }

    // ---------------------------------------------------------------- asking

    @Test
    void aWrongPasswordDeletesNothingAndSaysWhy() throws Exception {
        Cookie session = session(maya);
        MvcResult result = requestDeletion(session, "not-my-password-at-all");

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        Document page = page(result);
        assertThat(page.select("#password-error").text()).isEqualTo("That isn’t your current password.");
        assertThat(dueAt(maya)).isNull();
        mvc.perform(get("/settings").cookie(session)).andExpect(status().isOk()); // still signed in
    }

    @Test
    void theFormExplainsWhatHappensAndNeedsASignedInMember() throws Exception {
        Document form = page(mvc.perform(get("/settings/delete").cookie(session(maya)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.select("main ol li")).hasSize(3);
        assertThat(form.select("main").text()).contains("14 days");

        mvc.perform(post("/settings/delete").with(csrf()).param("password", TestMembers.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(result ->
                        assertThat(result.getResponse().getRedirectedUrl()).contains("/login"));
        // without the CSRF token, even with the session and the password
        mvc.perform(post("/settings/delete").cookie(session(maya)).param("password", TestMembers.PASSWORD))
                .andExpect(status().isForbidden());
        assertThat(dueAt(maya)).isNull();
    }

    @Test
    void anotherMembersPasswordDeletesNeitherAccount() throws Exception {
        // The form acts on the signed-in member only: there is no member to name in it.
        MvcResult result = requestDeletion(session(jonas), TestMembers.PASSWORD + "-maya");
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(dueAt(maya)).isNull();
        assertThat(dueAt(jonas)).isNull();
    }

    @Test
    void deletingSignsOutEverywhereAndHidesTheMembersContent() throws Exception {
        long work = works.playableWorks(maya.id(), "Reel", 1).get(0);
        mvc.perform(get("/members/{handle}", maya.handle())).andExpect(status().isOk());
        mvc.perform(get("/works/{id}", work)).andExpect(status().isOk());
        Cookie laptop = session(maya);
        Cookie phone = session(maya);

        MvcResult result = requestDeletion(laptop, TestMembers.PASSWORD);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login");
        Instant due = dueAt(maya);
        assertThat(due)
                .isBetween(
                        Instant.now().plus(java.time.Duration.ofDays(14)).minusSeconds(60),
                        Instant.now().plus(java.time.Duration.ofDays(14)).plusSeconds(60));
        assertThat(count("select count(*) from SPRING_SESSION where PRINCIPAL_NAME = ?", maya.email()))
                .isZero();
        for (Cookie session : List.of(laptop, phone)) {
            mvc.perform(get("/settings").cookie(session)).andExpect(status().is3xxRedirection());
        }
        // Nobody else sees the profile or the work any more.
        mvc.perform(get("/members/{handle}", maya.handle())).andExpect(status().isNotFound());
        mvc.perform(get("/works/{id}", work)).andExpect(status().isNotFound());
        assertThat(data.latestMailBody(maya.email())).contains("will be deleted for good");
    }

    @Test
    void aDoubleSubmitSchedulesOneDeletionAndSendsOneMail() throws Exception {
        MemberId id = MemberId.of(maya.id());
        Callable<Instant> submit = () -> deletions
                .request(
                        id,
                        TestMembers.PASSWORD,
                        new org.springframework.validation.BeanPropertyBindingResult(
                                new AccountDataController.DeleteAccountForm(""), "form"))
                .orElseThrow();
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        try {
            Future<Instant> first = clicks.submit(submit);
            Future<Instant> second = clicks.submit(submit);
            assertThat(second.get()).isEqualTo(first.get()).isEqualTo(dueAt(maya));
        } finally {
            clicks.shutdownNow();
        }
        // and a third, later: the date stays the first one
        assertThat(submit.call()).isEqualTo(dueAt(maya));
        assertThat(data.mailCount(maya.email())).isEqualTo(1);
    }

    @Test
    void guessingThePasswordThroughTheFormIsHeldBackAfterFiveTries() throws Exception {
        Cookie session = session(maya);
        for (int i = 0; i < 5; i++) {
            assertThat(requestDeletion(session, "guess-" + i).getResponse().getStatus())
                    .isEqualTo(200);
        }
        assertThat(requestDeletion(session, TestMembers.PASSWORD).getResponse().getStatus())
                .isEqualTo(429);
        assertThat(dueAt(maya)).isNull();
    }

    @Test
    void theLastAdminCannotDeleteTheirAccount() throws Exception {
        // Maya is made the only admin for this test (the site's own admin steps aside meanwhile).
        List<Long> otherAdmins = jdbc().queryForList("select id from accounts where role = 'ADMIN'", Long.class);
        jdbc().update("update accounts set role = 'MEMBER' where role = 'ADMIN'");
        jdbc().update("update accounts set role = 'ADMIN' where id = ?", maya.id());
        try {
            Document page = page(requestDeletion(session(maya), TestMembers.PASSWORD));
            assertThat(page.select(".form-errors").text()).contains("You’re the only admin");
            assertThat(dueAt(maya)).isNull();

            jdbc().update("update accounts set role = 'ADMIN' where id = ?", jonas.id());
            assertThat(requestDeletion(session(maya), TestMembers.PASSWORD)
                            .getResponse()
                            .getRedirectedUrl())
                    .isEqualTo("/login");
            // and now Jonas is the last one who is staying
            Document jonasPage = page(requestDeletion(session(jonas), TestMembers.PASSWORD));
            assertThat(jonasPage.select(".form-errors").text()).contains("You’re the only admin");
        } finally {
            jdbc().update("update accounts set role = 'MEMBER' where id in (?, ?)", maya.id(), jonas.id());
            for (Long admin : otherAdmins) {
                jdbc().update("update accounts set role = 'ADMIN' where id = ?", admin);
            }
        }
    }

    // ---------------------------------------------------------------- the grace period

    @Test
    void loggingInDuringTheGracePeriodOffersToCancelWhichRestoresEverything() throws Exception {
        long work = works.playableWorks(maya.id(), "Reel", 1).get(0);
        requestDeletion(session(maya), TestMembers.PASSWORD);
        mvc.perform(get("/members/{handle}", maya.handle())).andExpect(status().isNotFound());

        MvcResult login = mvc.perform(logIn(maya.email(), TestMembers.PASSWORD))
                .andExpect(redirectedUrl("/settings/delete"))
                .andReturn();
        Cookie session = login.getResponse().getCookie("SESSION");
        Document pending = page(mvc.perform(get("/settings/delete").cookie(session))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(pending.select("form[action='/settings/delete/cancel'] button")
                        .text())
                .isEqualTo("Cancel the deletion and keep my account");
        // Any other page leads back to the offer while the deletion stands.
        mvc.perform(get("/jobs").cookie(session)).andExpect(redirectedUrl("/settings/delete"));

        mvc.perform(post("/settings/delete/cancel").with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/settings"));

        assertThat(dueAt(maya)).isNull();
        mvc.perform(get("/jobs").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/members/{handle}", maya.handle())).andExpect(status().isOk());
        mvc.perform(get("/works/{id}", work)).andExpect(status().isOk());
        // Erasure finds nothing to do for a cancelled deletion, even once its date has passed.
        assertThat(deletions.eraseDueBy(Instant.now().plus(java.time.Duration.ofDays(30))))
                .isZero();
        assertThat(count("select count(*) from profiles where member_id = ?", maya.id()))
                .isOne();
    }

    // ---------------------------------------------------------------- erasure

    @Test
    void afterTheGracePeriodTheMembersRowsAndFilesAreGoneOrAnonymised() throws Exception {
        Fixture fixture = everythingMayaHas();
        requestDeletion(session(maya), TestMembers.PASSWORD);
        assertThat(deletions.eraseDueBy(Instant.now()))
                .as("not before the date")
                .isZero();

        assertThat(deletions.eraseDueBy(Instant.now().plus(java.time.Duration.ofDays(15))))
                .isEqualTo(1);

        assertErased(fixture);
        // A second run (the next check, or another node) finds nothing.
        assertThat(deletions.eraseDueBy(Instant.now().plus(java.time.Duration.ofDays(15))))
                .isZero();
        // Jonas keeps what is his, without Maya in it.
        assertThat(count("select count(*) from works where id = ?", fixture.jonasWork))
                .isOne();
        assertThat(count("select like_count + comment_count from works where id = ?", fixture.jonasWork))
                .isZero();
        assertThat(count("select count(*) from job_listings where id = ?", fixture.jonasListing))
                .isOne();
        assertThat(count("select count(*) from accounts where id = ?", jonas.id()))
                .isOne();
    }

    @Test
    void twoNodesErasingAtOnceEraseEachAccountOnce() throws Exception {
        Fixture fixture = everythingMayaHas();
        requestDeletion(session(maya), TestMembers.PASSWORD);
        Instant later = Instant.now().plus(java.time.Duration.ofDays(15));

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            Callable<Integer> run = () -> deletions.eraseDueBy(later);
            runs.add(nodes.submit(run));
            runs.add(nodes.submit(run));
            int erased = 0;
            for (Future<Integer> future : runs) {
                erased += future.get();
            }
            assertThat(erased).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        assertErased(fixture);
    }

    record Fixture(long mayaWork, long mayaAsset, long jonasWork, long mayaListing, long jonasListing) {}

    /** Maya has made something of every kind, on her own and on Jonas's things. */
    Fixture everythingMayaHas() throws Exception {
        members.credit(maya, "Kreuzberg Nights", 2024);
        members.connect(maya, jonas);
        long mayaWork = works.playableWorks(maya.id(), "Maya reel", 1).get(0);
        long asset = files.assetWithSource(maya.id(), "reel final.mp4", "video bytes".getBytes());
        jdbc().update("update works set media_asset_id = ? where id = ?", asset, mayaWork);
        long jonasWork = works.playableWorks(jonas.id(), "Jonas short", 1).get(0);
        jdbc().update(
                        "insert into work_comments (work_id, author_id, body, created_at) values (?, ?, 'Lovely light', now(6))",
                        jonasWork,
                        maya.id());
        jdbc().update(
                        "insert into work_likes (work_id, member_id, created_at) values (?, ?, now(6))",
                        jonasWork,
                        maya.id());
        jdbc().update(
                        "insert into work_credits (work_id, member_id, craft, confirmed, created_at)"
                                + " values (?, ?, 'gaffer', true, now(6))",
                        jonasWork,
                        maya.id());
        jdbc().update("update works set like_count = 1, comment_count = 1 where id = ?", jonasWork);
        long mayaListing = listing(maya);
        long jonasListing = listing(jonas);
        apply(jonas, mayaListing);
        apply(maya, jonasListing);
        jdbc().update(
                        "insert into job_saved_searches (member_id, name, query, email_alerts, created_at)"
                                + " values (?, 'Gaffer jobs', 'craft=gaffer', true, now(6))",
                        maya.id());
        jdbc().update(
                        "insert into notifications (recipient_id, event_key, kind, actor_id, subject_type, subject_id, link,"
                                + " created_at) values (?, ?, 'WORK_LIKED', ?, 'WORK', ?, '/works', now(6))",
                        jonas.id(),
                        "test-like:" + maya.id(),
                        maya.id(),
                        jonasWork);
        return new Fixture(mayaWork, asset, jonasWork, mayaListing, jonasListing);
    }

    long listing(Member poster) {
        return JobRows.listing(jdbc(), poster);
    }

    void apply(Member applicant, long listing) {
        JobRows.apply(jdbc(), applicant, listing);
    }

    void assertErased(Fixture fixture) throws Exception {
        long id = maya.id();
        assertThat(count("select count(*) from profiles where member_id = ?", id))
                .isZero();
        assertThat(count("select count(*) from profile_credits where member_id = ?", id))
                .isZero();
        assertThat(count("select count(*) from works where owner_id = ?", id)).isZero();
        assertThat(count("select count(*) from work_comments where author_id = ?", id))
                .isZero();
        assertThat(count("select count(*) from work_likes where member_id = ?", id))
                .isZero();
        assertThat(count("select count(*) from work_credits where member_id = ?", id))
                .isZero();
        assertThat(count("select count(*) from media_assets where owner_id = ?", id))
                .isZero();
        assertThat(files.keys(fixture.mayaAsset()))
                .as("the stored video and its files")
                .isEmpty();
        assertThat(count("select count(*) from job_listings where poster_id = ?", id))
                .isZero();
        assertThat(count(
                        "select count(*) from job_applications where applicant_id = ? or job_id = ?",
                        id,
                        fixture.mayaListing()))
                .isZero();
        assertThat(count("select count(*) from job_saved_searches where member_id = ?", id))
                .isZero();
        assertThat(count("select count(*) from connections where member_id = ? or other_id = ?", id, id))
                .isZero();
        assertThat(count("select count(*) from notifications where actor_id = ? or recipient_id = ?", id, id))
                .isZero();
        assertThat(count("select count(*) from account_tokens where account_id = ?", id))
                .isZero();
        // The account row stays as a tombstone that names nobody (moderation records point to it).
        var tombstone = jdbc().queryForMap(
                        "select email, handle, display_name, email_verified_at, erased_at from accounts where id = ?",
                        id);
        assertThat(tombstone.get("email")).isEqualTo("erased:" + id);
        assertThat(tombstone.get("handle")).isEqualTo("_erased-" + id);
        assertThat(tombstone.get("display_name")).isEqualTo("Deleted member");
        assertThat(tombstone.get("email_verified_at")).isNull();
        assertThat(tombstone.get("erased_at")).isNotNull();
        // Nobody logs in with the old address any more; it and the handle are free for others.
        mvc.perform(logIn(maya.email(), TestMembers.PASSWORD))
                .andExpect(result ->
                        assertThat(result.getResponse().getCookie("SESSION")).isNull());
        assertThat(count("select count(*) from accounts where email = ? or handle = ?", maya.email(), maya.handle()))
                .isZero();
    }
}

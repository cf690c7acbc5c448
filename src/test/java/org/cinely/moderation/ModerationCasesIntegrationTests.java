package org.cinely.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A case from report to appeal over HTTP, on a real profile: one moderator takes it and another is
 * kept out, the decision takes effect and answers the reports, a second decision is refused, the
 * author appeals and another moderator reverses it; dismissing tells the author nothing; an item
 * deleted meanwhile can only be dismissed.
 */
@CinelyIntegrationTest
class ModerationCasesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    TestMembers members;
    TestMembers.Member maria;
    TestMembers.Member bob;
    TestMembers.Member mod1;
    TestMembers.Member mod2;

    @BeforeEach
    void setUp() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        maria = members.create("Maria Reporter");
        bob = members.create("Bob Impostor");
        mod1 = members.create("First Moderator");
        mod2 = members.create("Second Moderator");
        data.jdbc().update("update accounts set role = 'MODERATOR' where id in (?, ?)", mod1.id(), mod2.id());
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    private HttpTestClient logIn(TestMembers.Member who) {
        HttpTestClient http = new HttpTestClient(port);
        http.logIn(who.email(), TestMembers.PASSWORD);
        return http;
    }

    private long report(TestMembers.Member reporter, String category) {
        String form = "/report/profile/" + bob.id();
        assertThat(logIn(reporter)
                        .submit(form, form, Map.of("category", category, "note", "Pretends to be a DP I know"))
                        .statusCode())
                .isEqualTo(302);
        return data.jdbc()
                .queryForObject(
                        "select id from moderation_cases where open_key = ?", Long.class, "profile:" + bob.id());
    }

    private static Map<String, String> hide() {
        return Map.of(
                "action",
                "HIDE",
                "rule",
                "IMPERSONATION",
                "reason",
                "Same photos as the real DP",
                "statement",
                "Your profile impersonates another member.");
    }

    @Test
    void aCaseIsDecidedOnceByWhoeverTookItAndReversedOnAppealByAnother() {
        long caseId = report(maria, "IMPERSONATION");
        report(members.create("Second Reporter"), "SPAM");
        String page = "/admin/reports/" + caseId;
        HttpTestClient first = logIn(mod1);
        HttpTestClient second = logIn(mod2);
        Document queued =
                Jsoup.parse(first.get("/admin/reports?category=IMPERSONATION").body());
        assertThat(queued.select("tbody tr").text())
                .contains("Profile #" + bob.id())
                .contains("Bob Impostor");
        Document casePage = Jsoup.parse(first.get(page).body());
        assertThat(casePage.select("main").text()).contains("Reports (2)").contains("Pretends to be a DP I know");

        first.submit(page, page + "/assign", Map.of());
        Document kept =
                Jsoup.parse(second.submit(page, page + "/decide", hide()).body());
        assertThat(kept.select(".form-errors").text()).contains("Another moderator has taken this case");
        assertThat(new HttpTestClient(port).get("/members/" + bob.handle()).statusCode())
                .isEqualTo(200);

        assertThat(first.submit(page, page + "/decide", hide()).statusCode()).isEqualTo(302);
        assertThat(new HttpTestClient(port).get("/members/" + bob.handle()).statusCode())
                .isEqualTo(404);
        Document again =
                Jsoup.parse(first.submit(page, page + "/decide", hide()).body());
        assertThat(again.select(".form-errors").text()).contains("already decided");
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from moderation_decisions where member_id = ?",
                                Integer.class,
                                bob.id()))
                .isOne();
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from moderation_reports where case_id = ? and resolved_at is null",
                                Integer.class,
                                caseId))
                .isZero();
        data.awaitEventListeners();
        assertThat(Jsoup.parse(logIn(maria).get("/moderation/reports").body()).text())
                .contains("Resolved");

        // Bob reads the statement and appeals; the deciding moderator cannot answer, the other can.
        HttpTestClient bobSession = logIn(bob);
        Document own = Jsoup.parse(bobSession.get("/members/" + bob.handle()).body());
        assertThat(own.select(".banner--warning").text()).contains("hidden by the moderators");
        String link = data.jdbc()
                .queryForObject(
                        "select link from notifications where recipient_id = ? and kind = 'MODERATION_DECISION'",
                        String.class,
                        bob.id());
        Document statement = Jsoup.parse(bobSession.get(link).body());
        assertThat(statement.select(".facts").text())
                .contains("Your item was hidden")
                .contains("Be yourself")
                .contains("Your profile impersonates another member.");
        bobSession.submit(
                link, statement.select("form[action*=appeal]").attr("action"), Map.of("message", "I am that DP."));
        long appeal = data.jdbc()
                .queryForObject("select id from moderation_appeals where member_id = ?", Long.class, bob.id());
        first.submit("/admin/appeals", "/admin/appeals/" + appeal, Map.of("uphold", "true"));
        assertThat(new HttpTestClient(port).get("/members/" + bob.handle()).statusCode())
                .isEqualTo(404);
        second.submit(
                "/admin/appeals", "/admin/appeals/" + appeal, Map.of("uphold", "true", "reply", "Verified, sorry."));
        assertThat(new HttpTestClient(port).get("/members/" + bob.handle()).statusCode())
                .isEqualTo(200);
        Jsoup.parse(second.submit("/admin/appeals", "/admin/appeals/" + appeal, Map.of("uphold", "false"))
                .body());
        assertThat(data.jdbc()
                        .queryForObject("select status from moderation_appeals where id = ?", String.class, appeal))
                .as("answered once")
                .isEqualTo("APPROVED");
    }

    @Test
    void aDismissedCaseTellsTheAuthorNothingAndADeletedItemCanOnlyBeDismissed() {
        long caseId = report(maria, "OTHER");
        String page = "/admin/reports/" + caseId;
        HttpTestClient moderator = logIn(mod1);
        moderator.submit(page, page + "/decide", Map.of("action", "DISMISS", "reason", "Not a problem"));
        data.awaitEventListeners();
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from notifications where recipient_id = ?", Integer.class, bob.id()))
                .isZero();
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from notifications where recipient_id = ? and kind = 'REPORT_RESOLVED'",
                                Integer.class,
                                maria.id()))
                .isOne();

        long again = report(maria, "SPAM");
        data.jdbc().update("delete from profiles where member_id = ?", bob.id());
        String second = "/admin/reports/" + again;
        Document refused =
                Jsoup.parse(moderator.submit(second, second + "/decide", hide()).body());
        assertThat(refused.select(".form-errors").text()).contains("no longer exists");
        assertThat(moderator
                        .submit(second, second + "/decide", Map.of("action", "DISMISS", "reason", "Gone"))
                        .statusCode())
                .isEqualTo(302);
    }
}

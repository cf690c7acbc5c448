package org.cinely.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.Role;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.Standing;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin area end to end over HTTP: who reaches which route, decisions about members and their
 * effect on open sessions, roles, appeals, the audit chain and the dashboard.
 */
@CinelyIntegrationTest
class ModerationAdminIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AccountsApi accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    ModerationHousekeeping housekeeping;

    @Autowired
    AuditVerifyCommand command;

    @Autowired
    TransactionTemplate tx;

    TestMembers members;
    TestMembers.Member admin;
    TestMembers.Member otherAdmin;
    TestMembers.Member moderator;
    TestMembers.Member member;

    @BeforeEach
    void setUp() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        admin = withRole(members.create("Ada Admin"), "ADMIN");
        otherAdmin = withRole(members.create("Otto Admin"), "ADMIN");
        moderator = withRole(members.create("Mo Moderator"), "MODERATOR");
        member = members.create("Ben Member");
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    private TestMembers.Member withRole(TestMembers.Member who, String role) {
        data.jdbc().update("update accounts set role = ? where id = ?", role, who.id());
        return who;
    }

    private HttpTestClient logIn(TestMembers.Member who) {
        HttpTestClient http = new HttpTestClient(port);
        http.logIn(who.email(), TestMembers.PASSWORD);
        return http;
    }

    private static Map<String, String> decision(String action) {
        return Map.of(
                "action",
                action,
                "rule",
                "HARASSMENT",
                "reason",
                "Three reports, checked",
                "statement",
                "You insulted a crew member.");
    }

    @Test
    void everyAdminRouteChecksTheRole() {
        List<String> moderatorPages = List.of(
                "/admin",
                "/admin/reports",
                "/admin/appeals",
                "/admin/audit",
                "/admin/members",
                "/admin/members/" + member.id());
        HttpTestClient visitor = new HttpTestClient(port);
        HttpTestClient plain = logIn(member);
        HttpTestClient mod = logIn(moderator);
        HttpTestClient adm = logIn(admin);
        for (String page : moderatorPages) {
            assertThat(visitor.get(page).headers().firstValue("Location").orElse(""))
                    .as(page)
                    .endsWith("/login");
            assertThat(plain.get(page).statusCode()).as(page).isEqualTo(403);
            assertThat(mod.get(page).statusCode()).as(page).isEqualTo(200);
            assertThat(adm.get(page).statusCode()).as(page).isEqualTo(200);
        }
        assertThat(mod.get("/admin/outbox").statusCode()).isEqualTo(403);
        assertThat(adm.get("/admin/outbox").statusCode()).isEqualTo(200);

        // Writes: a member is refused every one; a moderator the admin-only ones.
        assertThat(plain.submit("/", "/admin/members/" + moderator.id() + "/decide", decision("WARN"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(plain.submit("/", "/admin/members/" + member.id() + "/role", Map.of("role", "ADMIN"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(mod.submit("/admin", "/admin/members/" + moderator.id() + "/role", Map.of("role", "ADMIN"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(mod.submit("/admin", "/admin/settings", Map.of("holdFirstItems", "true"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(accounts.findMember(MemberId.of(moderator.id()))
                        .orElseThrow()
                        .role())
                .isEqualTo(Role.MODERATOR);
        // Without the CSRF token nothing happens either.
        assertThat(adm.post("/admin/members/" + member.id() + "/decide", decision("BAN"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(accounts.standing(MemberId.of(member.id()))).isEqualTo(Standing.ACTIVE);
    }

    @Test
    void aSuspensionEndsOpenSessionsAtOnceAndShowsTheStatementAtLogIn() {
        HttpTestClient session = logIn(member);
        assertThat(session.get("/settings").statusCode()).isEqualTo(200);

        HttpResponse<String> done = logIn(moderator)
                .submit(
                        "/admin/members/" + member.id(),
                        "/admin/members/" + member.id() + "/decide",
                        decision("SUSPEND"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(accounts.standing(MemberId.of(member.id()))).isEqualTo(Standing.SUSPENDED);
        assertThat(session.get("/settings").statusCode())
                .as("the open session is gone")
                .isEqualTo(302);

        HttpResponse<String> again = new HttpTestClient(port)
                .submit("/login", "/login", Map.of("email", member.email(), "password", TestMembers.PASSWORD));
        assertThat(Jsoup.parse(again.body()).select(".form-errors").text())
                .contains("suspended")
                .contains("You insulted a crew member.");

        Document history =
                Jsoup.parse(logIn(admin).get("/admin/members/" + member.id()).body());
        assertThat(history.select(".history__item").text())
                .contains("Suspend the member")
                .contains("Three reports, checked");
    }

    @Test
    void aSuspendedMemberReadsTheStatementAndAppealsByTheSignedLinkInTheirMail() {
        logIn(moderator)
                .submit(
                        "/admin/members/" + member.id(),
                        "/admin/members/" + member.id() + "/decide",
                        decision("SUSPEND"));
        data.awaitEventListeners();
        String link = data.jdbc()
                .queryForObject(
                        "select link from notifications where recipient_id = ? and kind = 'MODERATION_DECISION'",
                        String.class,
                        member.id());
        assertThat(link).startsWith("/moderation/statement/").contains("?s=");

        HttpTestClient visitor = new HttpTestClient(port); // cannot log in: suspended
        Document statement = Jsoup.parse(visitor.get(link).body());
        assertThat(statement.select(".facts").text()).contains("suspended").contains("You insulted a crew member.");
        HttpResponse<String> appealed = visitor.submit(
                link, statement.select("form[action*=appeal]").attr("action"), Map.of("message", "Please look again."));
        assertThat(appealed.statusCode()).isEqualTo(302);
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from moderation_appeals where member_id = ?",
                                Integer.class,
                                member.id()))
                .isOne();

        String forged = link.substring(0, link.indexOf("?s=") + 3) + "A".repeat(32);
        assertThat(visitor.get(forged).statusCode()).isEqualTo(404);
        String otherDecision = link.replaceFirst("/statement/(\\d+)", "/statement/999999999");
        assertThat(visitor.get(otherDecision).statusCode()).isEqualTo(404);
    }

    @Test
    void aDatedSuspensionEndsByItself() {
        logIn(moderator)
                .submit(
                        "/admin/members/" + member.id(),
                        "/admin/members/" + member.id() + "/decide",
                        decision("SUSPEND"));
        data.jdbc().update("update accounts set suspended_until = now() - interval 1 minute where id = ?", member.id());
        housekeeping.endSuspensions();
        housekeeping.endSuspensions(); // a second node running the same check changes nothing more
        assertThat(accounts.standing(MemberId.of(member.id()))).isEqualTo(Standing.ACTIVE);
        assertThat(data.jdbc()
                        .queryForList(
                                "select action from moderation_decisions where member_id = ? order by id",
                                String.class,
                                member.id()))
                .containsExactly("SUSPEND", "SUSPENSION_ENDED");
        assertThat(logIn(member).get("/settings").statusCode()).isEqualTo(200);
    }

    @Test
    void nobodyDecidesAboutThemselfAndModeratorsNotAboutAdmins() {
        HttpTestClient mod = logIn(moderator);
        Document self =
                Jsoup.parse(mod.submit("/admin", "/admin/members/" + moderator.id() + "/decide", decision("WARN"))
                        .body());
        assertThat(self.select(".form-errors").text()).contains("about yourself");
        Document onAdmin = Jsoup.parse(mod.submit("/admin", "/admin/members/" + admin.id() + "/decide", decision("BAN"))
                .body());
        assertThat(onAdmin.select(".form-errors").text()).contains("about an admin");
        assertThat(accounts.standing(MemberId.of(admin.id()))).isEqualTo(Standing.ACTIVE);
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from moderation_decisions where member_id in (?, ?)",
                                Integer.class,
                                moderator.id(),
                                admin.id()))
                .isZero();
    }

    @Test
    void aGrantedRoleReachesTheOpenSessionAndTheLastAdminStays() {
        HttpTestClient session = logIn(member);
        assertThat(session.get("/admin/reports").statusCode()).isEqualTo(403);
        logIn(admin)
                .submit(
                        "/admin/members/" + member.id(),
                        "/admin/members/" + member.id() + "/role",
                        Map.of("role", "MODERATOR"));
        assertThat(session.get("/admin/reports").statusCode())
                .as("no new log-in needed")
                .isEqualTo(200);
        logIn(admin)
                .submit(
                        "/admin/members/" + member.id(),
                        "/admin/members/" + member.id() + "/role",
                        Map.of("role", "MEMBER"));
        assertThat(session.get("/admin/reports").statusCode()).isEqualTo(403);

        // With every other admin demoted (inside a transaction rolled back after), the last one stays.
        tx.executeWithoutResult(status -> {
            data.jdbc().update("update accounts set role = 'MEMBER' where role = 'ADMIN' and id <> ?", admin.id());
            assertThat(accounts.changeRole(MemberId.of(admin.id()), Role.MEMBER, MemberId.of(admin.id())))
                    .isFalse();
            assertThat(accounts.findMember(MemberId.of(admin.id()))
                            .orElseThrow()
                            .role())
                    .isEqualTo(Role.ADMIN);
            status.setRollbackOnly();
        });
    }

    @Test
    void anAppealIsHeardOnceWithinTwentyDaysByAnotherModerator() {
        logIn(admin)
                .submit(
                        "/admin/members/" + member.id(),
                        "/admin/members/" + member.id() + "/decide",
                        decision("LIMIT"));
        assertThat(accounts.standing(MemberId.of(member.id()))).isEqualTo(Standing.LIMITED);
        long decisionId = data.jdbc()
                .queryForObject("select id from moderation_decisions where member_id = ?", Long.class, member.id());

        HttpTestClient memberSession = logIn(member);
        Document statement = Jsoup.parse(
                memberSession.get("/moderation/decisions/" + decisionId).body());
        assertThat(statement.select(".facts").text())
                .contains("only your connections")
                .contains("Respect: no harassment")
                .contains("You insulted a crew member.");
        assertThat(logIn(moderator).get("/moderation/decisions/" + decisionId).statusCode())
                .as("another member's decision")
                .isEqualTo(404);

        String page = "/moderation/decisions/" + decisionId;
        memberSession.submit(page, page + "/appeal", Map.of("message", "It was a joke between friends."));
        Document second = Jsoup.parse(memberSession
                .submit(page, page + "/appeal", Map.of("message", "Again"))
                .body());
        assertThat(second.text()).contains("It was a joke between friends.");
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from moderation_appeals where decision_id = ?",
                                Integer.class,
                                decisionId))
                .isOne();
        long appealId = data.jdbc()
                .queryForObject("select id from moderation_appeals where decision_id = ?", Long.class, decisionId);

        HttpResponse<String> bySameAdmin =
                logIn(admin).submit("/admin/appeals", "/admin/appeals/" + appealId, Map.of("uphold", "true"));
        assertThat(Jsoup.parse(logIn(admin).get("/admin/appeals").body()).text())
                .contains("It was a joke");
        assertThat(bySameAdmin.statusCode()).isEqualTo(302);
        assertThat(accounts.standing(MemberId.of(member.id())))
                .as("the deciding admin cannot answer")
                .isEqualTo(Standing.LIMITED);

        logIn(otherAdmin)
                .submit(
                        "/admin/appeals",
                        "/admin/appeals/" + appealId,
                        Map.of("uphold", "true", "reply", "Fair enough."));
        assertThat(accounts.standing(MemberId.of(member.id()))).isEqualTo(Standing.ACTIVE);
        Document after = Jsoup.parse(memberSession.get(page).body());
        assertThat(after.text()).contains("reversed").contains("Fair enough.");
        data.awaitEventListeners();
        assertThat(Jsoup.parse(memberSession.get("/notifications").body()).text())
                .contains("Your appeal was answered");

        // A warning 21 days old can no longer be appealed.
        logIn(admin)
                .submit("/admin/members/" + member.id(), "/admin/members/" + member.id() + "/decide", decision("WARN"));
        long warning = data.jdbc()
                .queryForObject(
                        "select max(id) from moderation_decisions where member_id = ?", Long.class, member.id());
        data.jdbc()
                .update("update moderation_decisions set decided_at = now() - interval 21 day where id = ?", warning);
        String warningPage = "/moderation/decisions/" + warning;
        Document late = Jsoup.parse(memberSession.get(warningPage).body());
        assertThat(late.select("textarea[name=message]")).isEmpty();
        memberSession.post(warningPage + "/appeal", Map.of("message", "late"));
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from moderation_appeals where decision_id = ?",
                                Integer.class,
                                warning))
                .isZero();
    }

    @Test
    void theAuditChainNamesAChangedAndADeletedEntry() {
        logIn(admin)
                .submit("/admin/members/" + member.id(), "/admin/members/" + member.id() + "/decide", decision("WARN"));
        logIn(admin)
                .submit(
                        "/admin/members/" + member.id(),
                        "/admin/members/" + member.id() + "/decide",
                        decision("LIMIT"));
        logIn(admin)
                .submit(
                        "/admin/members/" + member.id(),
                        "/admin/members/" + member.id() + "/decide",
                        decision("UNLIMIT"));
        assertThat(audit.verify().intact()).isTrue();
        List<Map<String, Object>> last = data.jdbc().queryForList("select * from audit_log order by id desc limit 3");
        long newest = (Long) last.get(0).get("id");
        long middle = (Long) last.get(1).get("id");

        data.jdbc().update("update audit_log set reason = 'nothing happened' where id = ?", middle);
        AuditLog.Verification changed = audit.verify();
        assertThat(changed.intact()).isFalse();
        assertThat(changed.brokenAt()).isEqualTo(middle);
        assertThat(changed.problem()).isEqualTo("changed");
        Document page = Jsoup.parse(logIn(admin).get("/admin/audit?verify=true").body());
        assertThat(page.select("[role=status]").text()).contains("#" + middle).contains("changed");
        data.jdbc()
                .update(
                        "update audit_log set reason = ? where id = ?",
                        last.get(1).get("reason"),
                        middle);
        assertThat(audit.verify().intact()).isTrue();

        data.jdbc().update("delete from audit_log where id = ?", middle);
        AuditLog.Verification deleted = audit.verify();
        assertThat(deleted.brokenAt()).isEqualTo(newest);
        assertThat(deleted.problem()).isEqualTo("missing-before");
        reinsert(last.get(1));

        data.jdbc().update("delete from audit_log where id = ?", newest);
        AuditLog.Verification tail = audit.verify();
        assertThat(tail.intact()).isFalse();
        assertThat(tail.problem()).isEqualTo("missing-after");
        reinsert(last.get(0));
        assertThat(audit.verify().intact()).isTrue();
        assertThat(command.verify(new java.io.PrintStream(new java.io.ByteArrayOutputStream())))
                .isZero();
    }

    private void reinsert(Map<String, Object> row) {
        data.jdbc()
                .update(
                        "insert into audit_log (id, at, actor_id, action, target, reason, details, prev_hash, hash)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        row.get("id"),
                        row.get("at"),
                        row.get("actor_id"),
                        row.get("action"),
                        row.get("target"),
                        row.get("reason"),
                        row.get("details"),
                        row.get("prev_hash"),
                        row.get("hash"));
    }

    @Test
    void theDashboardShowsEveryModulesFigures() {
        Document dashboard = Jsoup.parse(logIn(moderator).get("/admin").body());
        assertThat(dashboard.select(".metric h2").eachText())
                .contains(
                        "Members",
                        "New members",
                        "Uploads",
                        "Transcode queue",
                        "Storage used",
                        "Open job listings",
                        "Applications",
                        "Open cases",
                        "Reports made",
                        "Reports resolved");
        assertThat(dashboard.select(".metric svg polyline").size()).isGreaterThanOrEqualTo(5);
        int total = Integer.parseInt(
                dashboard.select(".metric").first().select(".metric__value").text());
        assertThat(total).isEqualTo(data.jdbc().queryForObject("select count(*) from accounts", Integer.class));
        assertThat(dashboard.select("form[action=/admin/settings]"))
                .as("settings are for admins")
                .isEmpty();
        assertThat(Jsoup.parse(logIn(admin).get("/admin").body()).select("form[action=/admin/settings]"))
                .hasSize(1);
    }
}

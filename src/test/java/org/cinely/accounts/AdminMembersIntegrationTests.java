package org.cinely.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

@CinelyIntegrationTest
class AdminMembersIntegrationTests {

    static final String PASSWORD = "boom-pole-and-dead-cat-5";

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    PasswordEncoder passwordEncoder;

    Account admin;
    Account member;

    @BeforeEach
    void createAccounts() {
        data.mark();
        String hash = passwordEncoder.encode(PASSWORD);
        admin = accounts.createVerified(TestData.uniqueEmail(), TestData.uniqueHandle(), "Ada Admin", hash, Role.ADMIN);
        member = accounts.createVerified(
                TestData.uniqueEmail(), TestData.uniqueHandle(), "Ben Carter", hash, Role.MEMBER);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    HttpTestClient logIn(Account account) {
        HttpTestClient http = new HttpTestClient(port);
        http.logIn(account.getEmail(), PASSWORD);
        return http;
    }

    @Test
    void theFirstStartOfTheEmptyDatabaseCreatedAVerifiedAdmin() {
        Account first = repository.findByEmail("admin@test.cinely.local").orElseThrow();
        assertThat(first.getRole()).isEqualTo(Role.ADMIN);
        assertThat(first.isVerified()).isTrue();
        assertThat(first.getPasswordHash()).startsWith("{bcrypt}");
    }

    @Test
    void membersAndVisitorsCannotSeeTheAdminPages() {
        HttpTestClient visitor = new HttpTestClient(port);
        assertThat(visitor.get("/admin/members").statusCode()).isEqualTo(302);
        HttpTestClient memberClient = logIn(member);
        assertThat(memberClient.get("/admin/members").statusCode()).isEqualTo(403);
        assertThat(memberClient.get("/admin/outbox").statusCode()).isEqualTo(403);
        HttpResponse<String> attempt = memberClient.submit(
                "/settings",
                "/admin/members/" + admin.getId() + "/decide",
                Map.of("action", "BAN", "rule", "SPAM", "reason", "x", "statement", "x"));
        assertThat(attempt.statusCode()).isEqualTo(403);
        assertThat(repository.findById(admin.getId()).orElseThrow().getState()).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void adminFindsMembersBySearch() {
        HttpTestClient http = logIn(admin);
        Document page =
                Jsoup.parse(http.get("/admin/members?q=" + member.getHandle()).body());
        assertThat(page.select("tbody tr")).as(page.select("main").text()).hasSize(1);
        assertThat(page.select("tbody tr").text()).contains("Ben Carter").contains(member.getEmail());

        Document none = Jsoup.parse(http.get("/admin/members?q=%25").body());
        assertThat(none.select("tbody tr")).isEmpty(); // % is a literal, not a wildcard
    }

    @Test
    void adminPagesThroughASearchKeepingIt() {
        String hash = passwordEncoder.encode(PASSWORD);
        for (int i = 0; i < 52; i++) {
            accounts.createVerified(
                    TestData.uniqueEmail(), TestData.uniqueHandle(), "Pagewright " + i, hash, Role.MEMBER);
        }
        HttpTestClient http = logIn(admin);
        Document first = Jsoup.parse(http.get("/admin/members?q=pagewright").body());
        assertThat(first.select("tbody tr")).hasSize(50);
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).startsWith("/admin/members?q=pagewright&").endsWith("page=1");
        Document second = Jsoup.parse(http.get(next).body());
        assertThat(second.select("tbody tr")).hasSize(2);
        assertThat(second.select("a[rel=prev]").attr("href"))
                .startsWith("/admin/members?q=pagewright&")
                .endsWith("page=0");
        assertThat(second.select("a[rel=next]")).isEmpty();
    }

    @Test
    void adminSuspendsAMemberWhoThenCannotLogIn() {
        HttpTestClient http = logIn(admin);
        HttpResponse<String> response = http.submit(
                "/admin/members",
                "/admin/members/" + member.getId() + "/decide",
                Map.of(
                        "action",
                        "SUSPEND",
                        "rule",
                        "SPAM",
                        "reason",
                        "Seen in 12 job posts",
                        "statement",
                        "Repeated spam"));
        assertThat(response.statusCode()).isEqualTo(302);
        Account suspended = repository.findById(member.getId()).orElseThrow();
        assertThat(suspended.getState()).isEqualTo(AccountState.SUSPENDED);
        assertThat(suspended.getStateReason()).isEqualTo("Repeated spam");

        Document filtered = Jsoup.parse(http.get("/admin/members?state=SUSPENDED&q=" + member.getHandle())
                .body());
        assertThat(filtered.select("tbody tr").text()).contains("Suspended").contains("Repeated spam");

        HttpTestClient memberClient = new HttpTestClient(port);
        HttpResponse<String> login =
                memberClient.submit("/login", "/login", Map.of("email", member.getEmail(), "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(200); // the log-in form again, with why
        assertThat(Jsoup.parse(login.body()).select(".form-errors").text()).contains("suspended");
    }

    @Test
    void anAdminCannotSuspendThemselves() {
        HttpTestClient http = logIn(admin);
        HttpResponse<String> refused = http.submit(
                "/admin/members/" + admin.getId(),
                "/admin/members/" + admin.getId() + "/decide",
                Map.of("action", "SUSPEND", "rule", "SPAM", "reason", "x", "statement", "x"));
        assertThat(Jsoup.parse(refused.body()).select(".form-errors").text()).contains("about yourself");
        assertThat(repository.findById(admin.getId()).orElseThrow().getState()).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void theDevOutboxShowsSentMailToAdmins() {
        HttpTestClient visitor = new HttpTestClient(port);
        visitor.submit("/password-reset", "/password-reset", Map.of("email", member.getEmail()));
        Document outbox = Jsoup.parse(logIn(admin).get("/admin/outbox").body());
        assertThat(outbox.select(".mail").first().text())
                .contains("Reset your Cinely password")
                .contains(member.getEmail())
                .contains("/password-reset/confirm?token=");
    }
}

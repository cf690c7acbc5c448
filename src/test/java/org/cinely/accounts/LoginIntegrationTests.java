package org.cinely.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.cinely.platform.MemberId;
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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@CinelyIntegrationTest
class LoginIntegrationTests {

    static final String PASSWORD = "lens-cap-on-the-dolly-7";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    PasswordEncoder passwordEncoder;

    @LocalServerPort
    int port;

    HttpTestClient http;
    String email;
    Account account;

    @BeforeEach
    void createMember() {
        data.mark();
        http = new HttpTestClient(port);
        email = TestData.uniqueEmail();
        account = accounts.createVerified(
                email, TestData.uniqueHandle(), "Jonas Berg", passwordEncoder.encode(PASSWORD), Role.MEMBER);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    static MockHttpServletRequestBuilder logIn(String email, String password) {
        return post("/login").with(csrf()).param("email", email).param("password", password);
    }

    @Test
    void logsInWithEmailAndPasswordAndRecordsTheTime() throws Exception {
        MvcResult result = mvc.perform(logIn(email.toUpperCase(), PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        Cookie session = result.getResponse().getCookie("SESSION");
        Document home = page(mvc.perform(get("/").cookie(session)).andReturn());
        assertThat(home.select(".account-menu__name").text()).isEqualTo("Jonas Berg");
        assertThat(repository.findById(account.getId()).orElseThrow().getState())
                .isEqualTo(AccountState.ACTIVE);
        assertThat(data.jdbc()
                        .queryForObject(
                                "select last_login_at is not null from accounts where id = ?",
                                Boolean.class,
                                account.getId()))
                .isTrue();
    }

    /** Logs in through the real server (the failure page is rendered by a forward). */
    Document failedLogIn(String email, String password) {
        HttpResponse<String> response = http.submit("/login", "/login", Map.of("email", email, "password", password));
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    @Test
    void wrongPasswordShowsAPlainMessageAndKeepsTheEmail() throws Exception {
        Document page = failedLogIn(email, "not-the-password-at-all");
        // Under the error summary's heading ("There is a problem"), issue 17.
        assertThat(page.select(".error-summary__list").text())
                .isEqualTo("That e-mail and password don’t match. Check them and try again.");
        assertThat(page.select("input#email").val()).isEqualTo(email);
    }

    @Test
    void unknownEmailGetsTheSameMessageAsAWrongPassword() throws Exception {
        Document page = failedLogIn(TestData.uniqueEmail(), PASSWORD);
        // Under the error summary's heading ("There is a problem"), issue 17.
        assertThat(page.select(".error-summary__list").text())
                .isEqualTo("That e-mail and password don’t match. Check them and try again.");
    }

    @Test
    void suspendedMemberCannotLogInAndIsToldWhy() throws Exception {
        accounts.changeState(account.memberId(), AccountState.SUSPENDED, "Spam in job posts", MemberId.of(1));

        Document page = failedLogIn(email, PASSWORD);
        assertThat(page.select(".form-errors").text())
                .contains("Your account is suspended")
                .contains("Reason given: Spam in job posts");
        assertThat(http.get("/settings").statusCode()).isEqualTo(302);
    }

    @Test
    void suspendedStatusIsNotRevealedWithoutTheRightPassword() throws Exception {
        accounts.changeState(account.memberId(), AccountState.SUSPENDED, "Spam in job posts", MemberId.of(1));
        Document page = failedLogIn(email, "a-wrong-guess-here");
        assertThat(page.select(".form-errors").text())
                .doesNotContain("suspended")
                .doesNotContain("Spam");
    }

    @Test
    void bannedMemberCannotLogIn() throws Exception {
        accounts.changeState(account.memberId(), AccountState.BANNED, "Harassment", MemberId.of(1));
        Document page = failedLogIn(email, PASSWORD);
        assertThat(page.select(".form-errors").text()).contains("banned").contains("Harassment");
    }

    @Autowired
    List<SecurityFilterChain> filterChains;

    /**
     * MockMvc's csrf() swaps the site's CSRF token repository for a session-based test one, in
     * the filter shared with the real server; put back the one the site runs with.
     */
    void restoreCookieCsrfTokens() {
        filterChains.stream()
                .flatMap(chain -> chain.getFilters().stream())
                .filter(CsrfFilter.class::isInstance)
                .forEach(filter ->
                        ReflectionTestUtils.setField(filter, "tokenRepository", new CookieCsrfTokenRepository()));
    }

    /** A visitor reading the log-in page and failing to log in leaves no session behind. */
    @Test
    void aFailedLogInCreatesNoSession() {
        restoreCookieCsrfTokens();
        int before = sessions();
        HttpResponse<String> loginPage = http.get("/login");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(http.cookie("SESSION")).as("after GET /login").isNull();
        failedLogIn(email, "not-the-password-at-all");
        failedLogIn(TestData.uniqueEmail(), "not-the-password-at-all");
        assertThat(http.cookie("SESSION")).isNull();
        assertThat(sessions()).isEqualTo(before);
    }

    /** A member's session lasts 30 days without use; one made for a visitor only the short default. */
    @Test
    void aSignedInSessionLastsThirtyDays() {
        http.logIn(email, PASSWORD);
        assertThat(http.get("/settings").statusCode()).isEqualTo(200);
        Integer seconds = data.jdbc()
                .queryForObject(
                        "select MAX_INACTIVE_INTERVAL from SPRING_SESSION where PRINCIPAL_NAME = ?",
                        Integer.class,
                        email);
        assertThat(seconds).isEqualTo(30 * 24 * 3600);
    }

    int sessions() {
        return data.jdbc().queryForObject("select count(*) from SPRING_SESSION", Integer.class);
    }

    @Test
    void suspendingAMemberEndsTheSessionTheyAlreadyHave() throws Exception {
        Cookie session =
                mvc.perform(logIn(email, PASSWORD)).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/settings").cookie(session)).andExpect(status().isOk());

        accounts.changeState(account.memberId(), AccountState.SUSPENDED, "Spam", MemberId.of(1));

        mvc.perform(get("/settings").cookie(session)).andExpect(status().is3xxRedirection());
    }

    /** 50 tries in a burst, then one every 6 s (50 per 5 minutes); bcrypt makes the burst take a while. */
    @Test
    void allows50TriesFromOneAddressThenAnswers429() throws Exception {
        int allowed = 0;
        MvcResult refused = null;
        while (refused == null && allowed < 60) {
            MvcResult result = mvc.perform(logIn(TestData.uniqueEmail(), "wrong-password-" + allowed)
                            .with(SignUpIntegrationTests.remoteAddr("198.51.100.4")))
                    .andReturn();
            if (result.getResponse().getStatus() == 429) {
                refused = result;
            } else {
                allowed++;
            }
        }
        assertThat(allowed).isBetween(50, 54);
        assertThat(refused).isNotNull();
        assertThat(refused.getResponse().getHeader("Retry-After")).isNotNull();
    }

    @Test
    void allows10TriesAgainstOneAccountFromOneAddress() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(logIn(email, "wrong-password-" + i).with(SignUpIntegrationTests.remoteAddr("198.51.100.5")))
                    .andExpect(forwardedUrl(LoginController.FAILED_PATH));
        }
        mvc.perform(logIn(email, PASSWORD).with(SignUpIntegrationTests.remoteAddr("198.51.100.5")))
                .andExpect(status().isTooManyRequests());
    }

    /**
     * Before: 25 wrong passwords from anywhere locked the owner out for 5 minutes, again and again.
     * Now guessing from many addresses holds back only browsers the account does not know; the
     * owner's own browser (it logged in before) still gets in, and a new browser is told how.
     */
    @Test
    void guessingFromManyAddressesNeverLocksTheOwnerOutOfTheirOwnBrowser() throws Exception {
        Cookie device = mvc.perform(logIn(email, PASSWORD).with(SignUpIntegrationTests.remoteAddr("203.0.113.9")))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getResponse()
                .getCookie(TrustedDevices.COOKIE);
        assertThat(device).isNotNull();
        assertThat(device.isHttpOnly()).isTrue();

        for (int i = 0; i < 100; i++) {
            mvc.perform(logIn(email, "guess-" + i).with(SignUpIntegrationTests.remoteAddr("192.0.2." + (i % 200 + 1))));
        }
        // A browser the account does not know: held back, and told to reset the password to get in.
        MvcResult stranger = mvc.perform(
                        logIn(email, PASSWORD).with(SignUpIntegrationTests.remoteAddr("198.51.100.77")))
                .andExpect(status().isTooManyRequests())
                .andReturn();
        assertThat(stranger.getRequest().getAttribute("cinely.rateLimit")).isEqualTo("login-account");

        // The owner's own browser logs in.
        mvc.perform(logIn(email, PASSWORD).cookie(device).with(SignUpIntegrationTests.remoteAddr("203.0.113.9")))
                .andExpect(redirectedUrl("/"));
        // A device cookie for another account, or a forged one, does not count as known.
        Cookie forged = new Cookie(TrustedDevices.COOKIE, "0".repeat(32) + ".abc");
        mvc.perform(logIn(email, PASSWORD).cookie(forged).with(SignUpIntegrationTests.remoteAddr("198.51.100.78")))
                .andExpect(status().isTooManyRequests());
    }

    /** The page an untrusted browser gets says how to get in now, through real Tomcat. */
    @Test
    void aHeldBackBrowserIsOfferedAPasswordReset() throws Exception {
        for (int i = 0; i < 25; i++) {
            mvc.perform(logIn(email, "guess-" + i).with(SignUpIntegrationTests.remoteAddr("192.0.2." + (i + 1))));
        }
        HttpResponse<String> refused = http.submit("/login", "/login", Map.of("email", email, "password", PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(429);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("main").text()).contains("If it’s yours, you can get in right now");
        assertThat(page.select("main a[href=/password-reset]")).isNotEmpty();
    }

    @Test
    void rememberMeKeepsTheMemberLoggedInWithoutASession() throws Exception {
        MvcResult result = mvc.perform(logIn(email, PASSWORD).param("remember-me", "true"))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        Cookie rememberMe = result.getResponse().getCookie("remember-me");
        assertThat(rememberMe).isNotNull();
        assertThat(rememberMe.isHttpOnly()).isTrue();

        // A new visit with only the remember-me cookie (the session is gone) is signed in.
        mvc.perform(get("/settings").cookie(rememberMe)).andExpect(status().isOk());
    }

    @Test
    void logOutIsAPostAndEndsTheSession() throws Exception {
        Cookie session =
                mvc.perform(logIn(email, PASSWORD)).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(post("/logout").cookie(session)).andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/logout").with(csrf()).cookie(session)).andExpect(redirectedUrl("/?loggedOut"));
        mvc.perform(get("/settings").cookie(session)).andExpect(status().is3xxRedirection());
    }

    static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}

package org.cinely.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
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

    String email;
    Account account;

    @BeforeEach
    void createMember() {
        data.mark();
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

    @Test
    void wrongPasswordShowsAPlainMessageAndKeepsTheEmail() throws Exception {
        MvcResult failed = mvc.perform(logIn(email, "not-the-password-at-all"))
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        Document page =
                page(mvc.perform(get("/login?error").cookie(failed.getResponse().getCookie("SESSION")))
                        .andReturn());
        assertThat(page.select(".form-errors").text())
                .isEqualTo("That e-mail and password don’t match. Check them and try again.");
        assertThat(page.select("input#email").val()).isEqualTo(email);
    }

    @Test
    void unknownEmailGetsTheSameMessageAsAWrongPassword() throws Exception {
        MvcResult failed = mvc.perform(logIn(TestData.uniqueEmail(), PASSWORD)).andReturn();
        Document page =
                page(mvc.perform(get("/login?error").cookie(failed.getResponse().getCookie("SESSION")))
                        .andReturn());
        assertThat(page.select(".form-errors").text())
                .isEqualTo("That e-mail and password don’t match. Check them and try again.");
    }

    @Test
    void suspendedMemberCannotLogInAndIsToldWhy() throws Exception {
        accounts.changeState(account.memberId(), AccountState.SUSPENDED, "Spam in job posts", MemberId.of(1));

        MvcResult failed = mvc.perform(logIn(email, PASSWORD))
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        Document page =
                page(mvc.perform(get("/login?error").cookie(failed.getResponse().getCookie("SESSION")))
                        .andReturn());
        assertThat(page.select(".form-errors").text())
                .contains("Your account is suspended")
                .contains("Reason given: Spam in job posts");
        mvc.perform(get("/settings").cookie(failed.getResponse().getCookie("SESSION")))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void suspendedStatusIsNotRevealedWithoutTheRightPassword() throws Exception {
        accounts.changeState(account.memberId(), AccountState.SUSPENDED, "Spam in job posts", MemberId.of(1));
        MvcResult failed = mvc.perform(logIn(email, "a-wrong-guess-here")).andReturn();
        Document page =
                page(mvc.perform(get("/login?error").cookie(failed.getResponse().getCookie("SESSION")))
                        .andReturn());
        assertThat(page.select(".form-errors").text())
                .doesNotContain("suspended")
                .doesNotContain("Spam");
    }

    @Test
    void bannedMemberCannotLogIn() throws Exception {
        accounts.changeState(account.memberId(), AccountState.BANNED, "Harassment", MemberId.of(1));
        MvcResult failed = mvc.perform(logIn(email, PASSWORD))
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        Document page =
                page(mvc.perform(get("/login?error").cookie(failed.getResponse().getCookie("SESSION")))
                        .andReturn());
        assertThat(page.select(".form-errors").text()).contains("banned").contains("Harassment");
    }

    @Test
    void suspendingAMemberEndsTheSessionTheyAlreadyHave() throws Exception {
        Cookie session =
                mvc.perform(logIn(email, PASSWORD)).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/settings").cookie(session)).andExpect(status().isOk());

        accounts.changeState(account.memberId(), AccountState.SUSPENDED, "Spam", MemberId.of(1));

        mvc.perform(get("/settings").cookie(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void allows25TriesPer5MinutesFromOneAddressThenAnswers429() throws Exception {
        for (int i = 0; i < 25; i++) {
            mvc.perform(logIn(TestData.uniqueEmail(), "wrong-password-" + i)
                            .with(SignUpIntegrationTests.remoteAddr("198.51.100.4")))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(logIn(email, PASSWORD).with(SignUpIntegrationTests.remoteAddr("198.51.100.4")))
                .andExpect(status().isTooManyRequests())
                .andExpect(result -> assertThat(result.getResponse().getHeader("Retry-After"))
                        .isNotNull());
    }

    @Test
    void allows25TriesPer5MinutesAgainstOneAccountFromAnyAddress() throws Exception {
        for (int i = 0; i < 25; i++) {
            mvc.perform(logIn(email, "wrong-password-" + i)
                            .with(SignUpIntegrationTests.remoteAddr("192.0.2." + (i + 1))))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(logIn(email, PASSWORD).with(SignUpIntegrationTests.remoteAddr("192.0.2.200")))
                .andExpect(status().isTooManyRequests());
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

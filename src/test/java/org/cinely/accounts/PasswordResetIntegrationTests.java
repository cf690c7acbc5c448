package org.cinely.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinely.accounts.LoginIntegrationTests.logIn;
import static org.cinely.accounts.LoginIntegrationTests.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@CinelyIntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class PasswordResetIntegrationTests {

    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    /**
     * Before: a known address took 37 ms, an unknown one 14 ms (the token and the mail were made
     * in the request). Now both requests do exactly the same: hand the address on, and answer.
     */
    @Test
    void aKnownAndAnUnknownAddressTakeTheSamePathThroughTheRequest() throws Exception {
        String unknown = TestData.uniqueEmail();
        long tokensBefore = data.jdbc().queryForObject("select count(*) from account_tokens", Long.class);
        events.clear();
        mvc.perform(requestReset(email)).andExpect(status().isOk());
        mvc.perform(requestReset(unknown)).andExpect(status().isOk());
        assertThat(events.stream(PasswordResetRequested.class))
                .extracting(PasswordResetRequested::email)
                .containsExactly(email, unknown);
        // The link is made after the answer, for the known address only.
        assertThat(data.latestLinkPath(email)).contains("/password-reset/confirm?token=");
        assertThat(data.jdbc().queryForObject("select count(*) from account_tokens", Long.class))
                .isEqualTo(tokensBefore + 1);
    }

    static final String OLD_PASSWORD = "old-gaffer-tape-roll-9";
    static final String NEW_PASSWORD = "new-apple-box-stack-42";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    AccountService accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    String email;

    @BeforeEach
    void createMember() {
        data.mark();
        email = TestData.uniqueEmail();
        accounts.createVerified(
                email, TestData.uniqueHandle(), "Sam Whitfield", passwordEncoder.encode(OLD_PASSWORD), Role.MEMBER);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    static MockHttpServletRequestBuilder requestReset(String email) {
        return post("/password-reset").with(csrf()).param("email", email);
    }

    MockHttpServletRequestBuilder chooseNewPassword(String token, String password, String again) {
        return post("/password-reset/confirm")
                .with(csrf())
                .param("token", token)
                .param("password", password)
                .param("passwordConfirmation", again);
    }

    String token() {
        return data.latestLinkPath(email).replaceFirst(".*token=", "");
    }

    @Test
    void answersTheSameWhetherOrNotTheAddressHasAnAccount() throws Exception {
        String unknown = TestData.uniqueEmail();
        Document known =
                page(mvc.perform(requestReset(email)).andExpect(status().isOk()).andReturn());
        Document other = page(
                mvc.perform(requestReset(unknown)).andExpect(status().isOk()).andReturn());

        assertThat(known.select("main").text().replace(email, "X"))
                .isEqualTo(other.select("main").text().replace(unknown, "X"));
        assertThat(data.mailCount(email)).isEqualTo(1);
        assertThat(data.mailCount(unknown)).isZero();
    }

    @Test
    void theLinkSetsANewPasswordOnceAndTheOldOneStopsWorking() throws Exception {
        mvc.perform(requestReset(email));
        String token = token();
        mvc.perform(get("/password-reset/confirm").param("token", token)).andExpect(status().isOk());

        mvc.perform(chooseNewPassword(token, NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/login"));

        mvc.perform(logIn(email, OLD_PASSWORD)).andExpect(forwardedUrl(LoginController.FAILED_PATH));
        mvc.perform(logIn(email, NEW_PASSWORD)).andExpect(redirectedUrl("/"));

        Document reused = page(mvc.perform(chooseNewPassword(token, "yet-another-password-7", "yet-another-password-7"))
                .andReturn());
        assertThat(reused.select("h1").text()).isEqualTo("This link can’t be used");
        mvc.perform(logIn(email, NEW_PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void theLinkExpiresAfterAnHour() throws Exception {
        mvc.perform(requestReset(email));
        String token = token();
        data.jdbc()
                .update(
                        "update account_tokens set expires_at = ? where token_hash = ?",
                        LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1),
                        AccountTokens.hash(token));
        Document page = page(mvc.perform(chooseNewPassword(token, NEW_PASSWORD, NEW_PASSWORD))
                .andReturn());
        assertThat(page.select("h1").text()).isEqualTo("This link can’t be used");
        mvc.perform(logIn(email, OLD_PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void aNewPasswordFollowsThePolicyAndMustBeTypedTwice() throws Exception {
        mvc.perform(requestReset(email));
        String token = token();
        Document mismatch = page(mvc.perform(chooseNewPassword(token, NEW_PASSWORD, NEW_PASSWORD + "x"))
                .andReturn());
        assertThat(mismatch.select("#passwordConfirmation-error").text()).isEqualTo("The two passwords don’t match.");
        Document common = page(mvc.perform(chooseNewPassword(token, "password1234", "password1234"))
                .andReturn());
        assertThat(common.select("#password-error").text()).contains("too common");
        // The link was not spent by the failed tries.
        mvc.perform(chooseNewPassword(token, NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void resettingEndsSessionsStartedWithTheOldPassword() throws Exception {
        Cookie session = mvc.perform(logIn(email, OLD_PASSWORD))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        mvc.perform(get("/settings").cookie(session)).andExpect(status().isOk());

        mvc.perform(requestReset(email));
        mvc.perform(chooseNewPassword(token(), NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/login"));

        mvc.perform(get("/settings").cookie(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void allowsFiveRequestsPerAddressIn30MinutesThenAnswers429() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(requestReset(email).with(SignUpIntegrationTests.remoteAddr("198.51.100." + (10 + i))))
                    .andExpect(status().isOk());
        }
        mvc.perform(requestReset(email).with(SignUpIntegrationTests.remoteAddr("198.51.100.99")))
                .andExpect(status().isTooManyRequests());
        // The mails are written by listeners after each request's commit: wait for them (loudly).
        data.awaitEventListeners();
        assertThat(data.mailCount(email)).isEqualTo(5);
    }

    @Test
    void signedInMemberChangesTheirPasswordWithTheCurrentOne() throws Exception {
        Cookie session = mvc.perform(logIn(email, OLD_PASSWORD))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        Document wrong = page(mvc.perform(post("/settings/password")
                        .with(csrf())
                        .cookie(session)
                        .param("currentPassword", "not-my-password-x")
                        .param("newPassword", NEW_PASSWORD)
                        .param("newPasswordConfirmation", NEW_PASSWORD))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(wrong.select("#currentPassword-error").text()).isEqualTo("That isn’t your current password.");

        mvc.perform(post("/settings/password")
                        .with(csrf())
                        .cookie(session)
                        .param("currentPassword", OLD_PASSWORD)
                        .param("newPassword", NEW_PASSWORD)
                        .param("newPasswordConfirmation", NEW_PASSWORD))
                .andExpect(redirectedUrl("/settings"));
        mvc.perform(get("/settings").cookie(session)).andExpect(status().isOk());
        mvc.perform(logIn(email, NEW_PASSWORD)).andExpect(redirectedUrl("/"));
    }
}

package org.cinely.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinely.accounts.LoginIntegrationTests.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@CinelyIntegrationTest
class EmailVerificationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    AccountRepository accounts;

    String email;
    Cookie session;

    @BeforeEach
    void signUp() throws Exception {
        data.mark();
        email = TestData.uniqueEmail();
        session = mvc.perform(SignUpIntegrationTests.signUp(
                        email, "Lucía Ferrante", TestData.uniqueHandle(), SignUpIntegrationTests.GOOD_PASSWORD))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    String token() {
        return data.latestLinkPath(email).replaceFirst(".*token=", "");
    }

    @Test
    void openingTheLinkChangesNothingUntilTheMemberConfirms() throws Exception {
        Document page = page(mvc.perform(get("/verify-email").param("token", token()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("h1").text()).isEqualTo("Confirm your e-mail address");
        assertThat(accounts.findByEmail(email).orElseThrow().isVerified()).isFalse();
    }

    @Test
    void confirmingVerifiesTheAddressAndUpdatesTheSignedInSession() throws Exception {
        mvc.perform(post("/verify-email").with(csrf()).cookie(session).param("token", token()))
                .andExpect(redirectedUrl("/"));

        assertThat(accounts.findByEmail(email).orElseThrow().isVerified()).isTrue();
        Document settings = page(mvc.perform(get("/settings").cookie(session)).andReturn());
        assertThat(settings.select(".status--ok").text()).isEqualTo("Confirmed");
        assertThat(settings.select(".banner--warning")).isEmpty();
    }

    @Test
    void theLinkWorksOnlyOnce() throws Exception {
        String token = token();
        mvc.perform(post("/verify-email").with(csrf()).param("token", token)).andExpect(redirectedUrl("/login"));

        Document again = page(mvc.perform(post("/verify-email").with(csrf()).param("token", token))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(again.select("h1").text()).isEqualTo("This link was already used");
    }

    @Test
    void aForgedOrTruncatedLinkIsRefused() throws Exception {
        String token = token();
        for (String forged : new String[] {token.substring(0, 20), token + "x", "", "' or 1=1 --"}) {
            Document page = page(mvc.perform(post("/verify-email").with(csrf()).param("token", forged))
                    .andExpect(status().isOk())
                    .andReturn());
            assertThat(page.select("h1").text()).isEqualTo("This link doesn’t work");
        }
        assertThat(accounts.findByEmail(email).orElseThrow().isVerified()).isFalse();
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        data.jdbc()
                .update(
                        "update account_tokens set expires_at = ? where token_hash = ?",
                        java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1),
                        AccountTokens.hash(token()));
        Document page = page(mvc.perform(post("/verify-email").with(csrf()).param("token", token()))
                .andReturn());
        assertThat(page.select("h1").text()).isEqualTo("This link has expired");
        assertThat(accounts.findByEmail(email).orElseThrow().isVerified()).isFalse();
    }

    @Test
    void aMemberCanAskForANewLinkAFewTimesAnHour() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/settings/resend-verification").with(csrf()).cookie(session))
                    .andExpect(redirectedUrl("/settings"));
        }
        assertThat(data.mailCount(email)).isEqualTo(4);
        mvc.perform(post("/settings/resend-verification").with(csrf()).cookie(session))
                .andExpect(status().isTooManyRequests());
        assertThat(data.mailCount(email)).isEqualTo(4);
    }
}

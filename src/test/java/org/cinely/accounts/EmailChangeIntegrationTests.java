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
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Changing the e-mail address: confirmed at the new address, the old one told, sessions kept in step. */
@CinelyIntegrationTest
class EmailChangeIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    Member maya;
    Member jonas;
    String newEmail;

    @BeforeEach
    void createMembers() {
        data.mark();
        TestMembers members = new TestMembers(data.jdbc(), encoder);
        maya = members.create("Maya Okafor");
        jonas = members.create("Jonas Berg");
        newEmail = TestData.uniqueEmail();
    }

    @AfterEach
    void cleanUp() {
        // the account's address changed: its sessions are found by the new one
        data.jdbc().update("delete from SPRING_SESSION where PRINCIPAL_NAME = ?", newEmail);
        data.cleanUp();
    }

    Cookie session(String email) throws Exception {
        return mvc.perform(logIn(email, TestMembers.PASSWORD))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
    }

    MvcResult requestChange(Cookie session, String address, String password) throws Exception {
        return mvc.perform(post("/settings/email")
                        .with(csrf())
                        .cookie(session)
                        .param("newEmail", address)
                        .param("currentPassword", password))
                .andReturn();
    }

    String token() {
        return data.latestLinkPath(newEmail).replaceFirst(".*token=", "");
    }

    String emailOf(Member member) {
        return data.jdbc().queryForObject("select email from accounts where id = ?", String.class, member.id());
    }

    @Test
    void theAddressChangesOnlyOnceTheNewInboxConfirmsAndTheOldOneIsTold() throws Exception {
        Cookie laptop = session(maya.email());
        Cookie phone = session(maya.email());

        MvcResult asked = requestChange(laptop, newEmail.toUpperCase(), TestMembers.PASSWORD);
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/settings");
        assertThat(emailOf(maya)).isEqualTo(maya.email()); // nothing yet
        assertThat(data.mailCount(maya.email())).isZero();
        String link = data.latestLinkPath(newEmail);
        assertThat(link).startsWith("/settings/email/confirm?token=");

        // Opening the link shows a button; only the POST changes anything.
        Document confirm = page(
                mvc.perform(get(link).cookie(phone)).andExpect(status().isOk()).andReturn());
        assertThat(confirm.select("form[action='/settings/email/confirm'] button")
                        .text())
                .isEqualTo("Use this address");
        assertThat(emailOf(maya)).isEqualTo(maya.email());
        mvc.perform(post("/settings/email/confirm").with(csrf()).cookie(phone).param("token", token()))
                .andExpect(redirectedUrl("/settings"));

        assertThat(emailOf(maya)).isEqualTo(newEmail);
        String notice = data.latestMailBody(maya.email());
        assertThat(notice).contains("was changed to").doesNotContain(newEmail);
        assertThat(notice).contains(EmailChanges.mask(newEmail));
        // Both open sessions show the new address from their next page.
        for (Cookie session : new Cookie[] {laptop, phone}) {
            Document settings = page(mvc.perform(get("/settings").cookie(session))
                    .andExpect(status().isOk())
                    .andReturn());
            assertThat(settings.select("main dd").first().text()).contains(newEmail);
        }
        // The new address logs in; the old one no longer does.
        assertThat(session(newEmail)).isNotNull();
        assertThat(session(maya.email())).isNull();
    }

    @Test
    void aWrongPasswordSendsNothingAndKeepsWhatWasTyped() throws Exception {
        MvcResult result = requestChange(session(maya.email()), newEmail, "wrong-password-entirely");

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        Document form = page(result);
        assertThat(form.select("#currentPassword-error").text()).isEqualTo("That isn’t your current password.");
        assertThat(form.select("input[name=newEmail]").val()).isEqualTo(newEmail);
        assertThat(form.select("input[name=currentPassword]").val()).isEmpty();
        assertThat(data.mailCount(newEmail)).isZero();
    }

    @Test
    void anInvalidOrTakenAddressIsRefusedBesideTheField() throws Exception {
        Cookie session = session(maya.email());
        Document invalid = page(requestChange(session, "not-an-address", TestMembers.PASSWORD));
        assertThat(invalid.select("#newEmail-error").text()).isEqualTo("That doesn’t look like an e-mail address.");

        Document taken = page(requestChange(session, jonas.email(), TestMembers.PASSWORD));
        // The same words sign-up uses for a taken address: nothing more is revealed here.
        assertThat(taken.select("#newEmail-error").text())
                .isEqualTo("An account with this e-mail already exists. Log in, or reset your password.");
        Document same = page(requestChange(session, maya.email(), TestMembers.PASSWORD));
        assertThat(same.select("#newEmail-error").text()).isEqualTo("That’s already your address.");
        assertThat(data.mailCount(jonas.email())).isZero();
    }

    @Test
    void aLinkWorksOnceAndNotAfterItExpires() throws Exception {
        Cookie session = session(maya.email());
        requestChange(session, newEmail, TestMembers.PASSWORD);
        String token = token();
        mvc.perform(post("/settings/email/confirm").with(csrf()).cookie(session).param("token", token))
                .andExpect(redirectedUrl("/settings"));

        Document reused = page(mvc.perform(post("/settings/email/confirm")
                        .with(csrf())
                        .cookie(session)
                        .param("token", token))
                .andReturn());
        assertThat(reused.select("h1").text()).isEqualTo("This link was already used");

        // A second change, whose link has run out.
        String third = TestData.uniqueEmail();
        Cookie again = session(newEmail);
        requestChange(again, third, TestMembers.PASSWORD);
        String expired = data.latestLinkPath(third).replaceFirst(".*token=", "");
        data.jdbc()
                .update(
                        "update account_tokens set expires_at = now(6) - interval 1 minute where account_id = ?"
                                + " and purpose = 'CHANGE_EMAIL' and used_at is null",
                        maya.id());
        Document late = page(mvc.perform(post("/settings/email/confirm")
                        .with(csrf())
                        .cookie(again)
                        .param("token", expired))
                .andReturn());
        assertThat(late.select("h1").text()).isEqualTo("This link has expired");
        assertThat(emailOf(maya)).isEqualTo(newEmail);

        Document forged =
                page(mvc.perform(get("/settings/email/confirm").cookie(again).param("token", "forged"))
                        .andReturn());
        assertThat(forged.select("h1").text()).isEqualTo("This link doesn’t work");
    }

    @Test
    void anAddressTakenAfterTheLinkWasSentIsNotStolen() throws Exception {
        Cookie session = session(maya.email());
        requestChange(session, newEmail, TestMembers.PASSWORD);
        String token = token();
        // Someone signs up with that address before Maya opens the link.
        new AccountsTestData(data.jdbc()).create(newEmail, TestData.uniqueHandle(), "Someone", "x", true);

        Document page = page(mvc.perform(post("/settings/email/confirm")
                        .with(csrf())
                        .cookie(session)
                        .param("token", token))
                .andReturn());
        assertThat(page.select("h1").text()).isEqualTo("This address is taken now");
        assertThat(emailOf(maya)).isEqualTo(maya.email());
    }

    @Test
    void onlyTheNewestLinkWorks() throws Exception {
        Cookie session = session(maya.email());
        String mistyped = TestData.uniqueEmail();
        requestChange(session, mistyped, TestMembers.PASSWORD);
        String first = data.latestLinkPath(mistyped).replaceFirst(".*token=", "");
        requestChange(session, newEmail, TestMembers.PASSWORD);

        Document old = page(mvc.perform(post("/settings/email/confirm")
                        .with(csrf())
                        .cookie(session)
                        .param("token", first))
                .andReturn());
        assertThat(old.select("h1").text()).isEqualTo("This link was already used");
        assertThat(emailOf(maya)).isEqualTo(maya.email());
    }

    @Test
    void aLinkDoesNothingForAnotherSignedInMemberOrAVisitor() throws Exception {
        requestChange(session(maya.email()), newEmail, TestMembers.PASSWORD);
        String token = token();

        // Opened in Jonas's signed-in browser: not his link, so nothing happens and it stays good.
        Cookie jonasSession = session(jonas.email());
        Document other = page(mvc.perform(post("/settings/email/confirm")
                        .with(csrf())
                        .cookie(jonasSession)
                        .param("token", token))
                .andReturn());
        assertThat(other.select("h1").text()).isEqualTo("This link doesn’t work");
        // A visitor is asked to log in first.
        mvc.perform(get("/settings/email/confirm").param("token", token)).andExpect(status().is3xxRedirection());
        assertThat(emailOf(maya)).isEqualTo(maya.email());
        assertThat(emailOf(jonas)).isEqualTo(jonas.email());

        mvc.perform(post("/settings/email/confirm")
                        .with(csrf())
                        .cookie(session(maya.email()))
                        .param("token", token))
                .andExpect(redirectedUrl("/settings"));
        assertThat(emailOf(maya)).isEqualTo(newEmail);
    }

    @Test
    void fiveRequestsAnHourThenA429() throws Exception {
        Cookie session = session(maya.email());
        for (int i = 0; i < 5; i++) {
            requestChange(session, TestData.uniqueEmail(), TestMembers.PASSWORD);
        }
        assertThat(requestChange(session, newEmail, TestMembers.PASSWORD)
                        .getResponse()
                        .getStatus())
                .isEqualTo(429);
        assertThat(data.mailCount(newEmail)).isZero();
    }
}

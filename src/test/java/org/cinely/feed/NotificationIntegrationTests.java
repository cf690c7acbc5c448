package org.cinely.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.cinely.connections.ConnectionRequested;
import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications end to end: the bell's count, the page, marking read (one's own only), e-mail
 * through the outbox with a working one-click unsubscribe, the daily digest, retraction, and an
 * event delivered twice giving one notification and one mail.
 */
@CinelyIntegrationTest
class NotificationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    TestMembers members;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    NotificationMailer mailer;

    TestMembers.Member asker;
    TestMembers.Member recipient;
    TestMembers.Member other;

    @BeforeEach
    void setUp() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        asker = members.create("Asking Member");
        recipient = members.create("Asked Member");
        other = members.create("Other Member");
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    Document page(TestMembers.Member viewer, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(viewer.principal())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    String bell(TestMembers.Member viewer) throws Exception {
        return page(viewer, "/").select("[data-bell-count]").first().outerHtml();
    }

    long requestConnection() throws Exception {
        mvc.perform(post("/connections/requests")
                        .with(user(asker.principal()))
                        .with(csrf())
                        .param("handle", recipient.handle()))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        return data.jdbc()
                .queryForObject(
                        "select id from notifications where recipient_id = ? order by id desc limit 1",
                        Long.class,
                        recipient.id());
    }

    List<Map<String, Object>> mailTo(TestMembers.Member member) {
        return data.jdbc()
                .queryForList(
                        "select subject, body, headers from outbox_mail where recipient = ? order by id",
                        member.email());
    }

    void awaitMail(TestMembers.Member member, int count) {
        Awaitility.await("mail to " + member.email())
                .atMost(Duration.ofSeconds(10))
                .until(() -> mailTo(member).size() >= count);
    }

    @Test
    void aRequestRingsTheBellAndOpeningItMarksItReadAndLeadsToIt() throws Exception {
        assertThat(bell(recipient)).contains("hidden");
        long id = requestConnection();

        Document bellPage = page(recipient, "/");
        assertThat(bellPage.select("[data-bell-count]").text()).isEqualTo("1");
        assertThat(bellPage.select("[data-bell]").attr("aria-label")).isEqualTo("Notifications, 1 unread");

        Document list = page(recipient, "/notifications");
        assertThat(list.select(".notification--unread .notification__text").eachText())
                .containsExactly("Asking Member wants to connect with you");

        // Someone else's notification: not found, and still unread.
        mvc.perform(post("/notifications/" + id + "/open")
                        .with(user(other.principal()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/notifications/" + id + "/read")
                        .with(user(other.principal()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/notifications/999999999/open")
                        .with(user(recipient.principal()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(page(recipient, "/").select("[data-bell-count]").text()).isEqualTo("1");

        mvc.perform(post("/notifications/" + id + "/open")
                        .with(user(recipient.principal()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/connections/requests"));
        assertThat(bell(recipient)).contains("hidden");
        assertThat(page(recipient, "/notifications").select(".notification--read"))
                .hasSize(1);
    }

    @Test
    void markAllReadLeavesWhatArrivedAfterThePageWasShown() throws Exception {
        requestConnection();
        Document list = page(recipient, "/notifications");
        String upTo = list.select("input[name=upTo]").val();
        // Arrives after the page was rendered.
        mvc.perform(post("/connections/requests")
                        .with(user(other.principal()))
                        .with(csrf())
                        .param("handle", recipient.handle()))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();

        mvc.perform(post("/notifications/read-all")
                        .with(user(recipient.principal()))
                        .with(csrf())
                        .param("upTo", upTo))
                .andExpect(status().is3xxRedirection());
        assertThat(page(recipient, "/").select("[data-bell-count]").text()).isEqualTo("1");
    }

    @Test
    void aWithdrawnRequestTakesItsNotificationBack() throws Exception {
        requestConnection();
        Long request = data.jdbc()
                .queryForObject("select id from connection_requests where requester_id = ?", Long.class, asker.id());
        mvc.perform(post("/connections/requests/" + request + "/withdraw")
                        .with(user(asker.principal()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        assertThat(page(recipient, "/notifications").select(".notification")).isEmpty();
        assertThat(bell(recipient)).contains("hidden");
    }

    @Test
    void anImportantNotificationIsMailedOnceWithAOneClickUnsubscribeThatNeedsNoLogIn() throws Exception {
        requestConnection();
        awaitMail(recipient, 1);
        // Delivered again (a restart, another node): still one notification, one mail.
        long requestId = data.jdbc()
                .queryForObject("select id from connection_requests where requester_id = ?", Long.class, asker.id());
        tx.executeWithoutResult(status -> events.publishEvent(
                new ConnectionRequested(requestId, MemberId.of(asker.id()), MemberId.of(recipient.id()))));
        data.awaitEventListeners();
        mailer.sendDue(); // a sender round of our own: a second mail would be queued now
        data.awaitMailSent(); // ... and sent
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from notifications where recipient_id = ?",
                                Integer.class,
                                recipient.id()))
                .isEqualTo(1);
        List<Map<String, Object>> mail = mailTo(recipient);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).get("subject")).isEqualTo("Asking Member wants to connect with you on Cinely");
        String headers = (String) mail.get(0).get("headers");
        assertThat(headers).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        String link = headers.replaceAll("(?s).*List-Unsubscribe: <([^>]+)>.*", "$1");
        String path = link.replaceFirst("^https?://[^/]+", "");
        assertThat(path).startsWith("/notifications/unsubscribe/" + recipient.id() + "/connection-requested/");
        assertThat((String) mail.get(0).get("body")).contains(link);

        // A forged signature, or another member's id with this signature: not found, nothing changed.
        mvc.perform(post(path.substring(0, path.lastIndexOf('/') + 1) + "forged"))
                .andExpect(status().isNotFound());
        mvc.perform(post(path.replace("/" + recipient.id() + "/", "/" + other.id() + "/")))
                .andExpect(status().isNotFound());

        // The mail client's one-click POST: no session, no CSRF token.
        mvc.perform(get(path)).andExpect(status().isOk());
        mvc.perform(post(path).param("List-Unsubscribe", "One-Click")).andExpect(status().isOk());
        assertThat(data.jdbc()
                        .queryForObject(
                                "select email from notification_preferences where member_id = ? and kind = 'connection-requested'",
                                String.class,
                                recipient.id()))
                .isEqualTo("OFF");
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from notification_preferences where member_id = ?",
                                Integer.class,
                                recipient.id()))
                .isEqualTo(1);

        // The next request still rings the bell, but mails nothing.
        mvc.perform(post("/connections/requests")
                        .with(user(other.principal()))
                        .with(csrf())
                        .param("handle", recipient.handle()))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        mailer.sendDue(); // a sender round of our own: a mail due now would be queued
        data.awaitMailSent(); // ... and sent
        assertThat(mailTo(recipient)).hasSize(1);
        assertThat(page(recipient, "/").select("[data-bell-count]").text()).isEqualTo("2");
    }

    @Test
    void settingsChooseHowEachKindIsMailedAndIgnoreUnknownValues() throws Exception {
        mvc.perform(post("/settings/notifications")
                        .with(user(recipient.principal()))
                        .with(csrf())
                        .param("email-connection-requested", "daily")
                        .param("email-work-liked", "instant")
                        .param("email-work-commented", "sometimes"))
                .andExpect(redirectedUrl("/settings/notifications"));
        Document settings = page(recipient, "/settings/notifications");
        assertThat(settings.select("input[name=email-connection-requested][checked]")
                        .val())
                .isEqualTo("daily");
        assertThat(settings.select("input[name=email-work-liked][checked]").val())
                .isEqualTo("instant");
        assertThat(settings.select("input[name=email-work-commented][checked]").val())
                .isEqualTo("daily");
        // A visitor changes nothing: refused without a token, sent to log in with one.
        mvc.perform(post("/settings/notifications").param("email-work-liked", "off"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/notifications").with(csrf()).param("email-work-liked", "off"))
                .andExpect(redirectedUrl("/login"));
        assertThat(page(recipient, "/settings/notifications")
                        .select("input[name=email-work-liked][checked]")
                        .val())
                .isEqualTo("instant");
    }

    long work(TestMembers.Member owner, String credits) throws Exception {
        String location = mvc.perform(post("/works")
                        .with(user(owner.principal()))
                        .with(csrf())
                        .param("title", "Retracted Reel")
                        .param("type", "SHORT")
                        .param("credits", credits)
                        .param("visibility", "PUBLIC"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D", ""));
        data.jdbc().update("update works set playable = true, published_at = now(6) where id = ?", id);
        return id;
    }

    List<String> notifications(TestMembers.Member member) throws Exception {
        return page(member, "/notifications").select(".notification__text").eachText();
    }

    @Test
    void notificationsGoWhenTheirWorkIsNarrowedDeletedOrTheirAuthorBlocked() throws Exception {
        // A credit tag, seen by the credited member, goes when the owner makes the work private.
        long tagged = work(asker, "@" + recipient.handle() + " editor");
        data.awaitEventListeners();
        assertThat(notifications(recipient)).containsExactly("Asking Member credited you on Retracted Reel");
        mvc.perform(post("/works/" + tagged)
                        .with(user(asker.principal()))
                        .with(csrf())
                        .param("title", "Retracted Reel")
                        .param("type", "SHORT")
                        .param("credits", "@" + recipient.handle() + " editor")
                        .param("visibility", "PRIVATE"))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        assertThat(notifications(recipient)).isEmpty();
        assertThat(bell(recipient)).contains("hidden");

        // A like, seen by the owner, goes when the owner blocks the liker.
        long liked = work(recipient, "");
        mvc.perform(
                post("/works/" + liked + "/like").with(user(other.principal())).with(csrf()));
        data.awaitEventListeners();
        assertThat(notifications(recipient)).containsExactly("Other Member liked Retracted Reel");
        mvc.perform(post("/members/" + other.handle() + "/block")
                        .with(user(recipient.principal()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        assertThat(notifications(recipient)).isEmpty();

        // A comment, seen by the owner, goes with the work.
        mvc.perform(post("/works/" + liked + "/comments")
                        .with(user(asker.principal()))
                        .with(csrf())
                        .param("body", "Lovely light"))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        assertThat(notifications(recipient)).containsExactly("Asking Member commented on Retracted Reel");
        mvc.perform(post("/works/" + liked + "/delete")
                        .with(user(recipient.principal()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        assertThat(notifications(recipient)).isEmpty();
        // In the trash for 30 days: the row stays, unseen, for an undo (the purge removes it).
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from notifications where recipient_id = ?",
                                Integer.class,
                                recipient.id()))
                .isEqualTo(1);
    }

    @Test
    void theDailyDigestGathersWhatTheMemberWantsThatWayOnceADay() throws Exception {
        mvc.perform(post("/settings/notifications")
                        .with(user(recipient.principal()))
                        .with(csrf())
                        .param("email-connection-requested", "daily"))
                .andExpect(status().is3xxRedirection());
        requestConnection();
        mvc.perform(post("/connections/requests")
                        .with(user(other.principal()))
                        .with(csrf())
                        .param("handle", recipient.handle()))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        mailer.sendDue(); // a sender round of our own: a mail due now would be queued
        data.awaitMailSent(); // ... and sent
        assertThat(mailTo(recipient)).isEmpty();

        assertThat(mailer.sendDigest(MemberId.of(recipient.id()), Instant.now()))
                .isTrue();
        awaitMail(recipient, 1);
        List<Map<String, Object>> mail = mailTo(recipient);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).get("subject")).isEqualTo("2 updates on Cinely today");
        assertThat((String) mail.get(0).get("body"))
                .contains("Asking Member wants to connect with you on Cinely")
                .contains("Other Member wants to connect with you on Cinely")
                .contains("/settings/notifications");
        // Not twice in a day, on this node or another.
        assertThat(mailer.sendDigest(MemberId.of(recipient.id()), Instant.now()))
                .isFalse();
        data.awaitMailSent();
        assertThat(mailTo(recipient)).hasSize(1);
    }
}

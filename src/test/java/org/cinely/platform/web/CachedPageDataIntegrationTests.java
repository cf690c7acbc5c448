package org.cinely.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What pages keep between requests (the header's counts, "people you may know", the planner's
 * samples; see platform.cache) changes on the next page after the member's own action, as it
 * did when every page read it afresh.
 */
@CinelyIntegrationTest
class CachedPageDataIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    TestMembers members;

    @BeforeEach
    void mark() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    Document page(Member viewer, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(viewer.principal())))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    static String requestBadge(Document page) {
        Element badge = page.selectFirst(".account-menu__panel a[href=/connections/requests] .badge");
        return badge == null ? "" : badge.text();
    }

    static String bell(Document page) {
        Element count = page.selectFirst("[data-bell-count]");
        return count == null || count.hasAttr("hidden") ? "" : count.text();
    }

    @Test
    void theHeaderCountsFollowRequestsAndNotificationsOnTheNextPage() throws Exception {
        Member asker = members.create("Asker");
        Member asked = members.create("Asked");
        Document before = page(asked, "/");
        assertThat(requestBadge(before)).isEmpty();
        assertThat(bell(before)).isEmpty();

        mvc.perform(post("/connections/requests")
                .param("handle", asked.handle())
                .with(csrf())
                .with(user(asker.principal())));

        assertThat(requestBadge(page(asked, "/")))
                .as("the request counts at once")
                .isEqualTo("1");
        // The notification is written by a listener after the request commits.
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(bell(page(asked, "/"))).isEqualTo("1"));

        mvc.perform(post("/notifications/read-all").with(csrf()).with(user(asked.principal())));
        assertThat(bell(page(asked, "/"))).as("read: the bell clears at once").isEmpty();

        long request = data.jdbc()
                .queryForObject("select id from connection_requests where recipient_id = ?", Long.class, asked.id());
        mvc.perform(
                post("/connections/requests/{id}/accept", request).with(csrf()).with(user(asked.principal())));
        assertThat(requestBadge(page(asked, "/")))
                .as("answered: no longer counted")
                .isEmpty();
    }

    @Test
    void peopleYouMayKnowDropsWhomTheMemberActedOnAtOnce() throws Exception {
        Member me = members.create("Me");
        Member friend = members.create("Friend");
        Member toDismiss = members.create("Dismissed one");
        Member toBlock = members.create("Blocked one");
        Member toAsk = members.create("Asked one");
        members.connect(me, friend);
        for (Member other : List.of(toDismiss, toBlock, toAsk)) {
            members.connect(friend, other);
        }
        assertThat(suggested(me)).contains("Dismissed one", "Blocked one", "Asked one");

        mvc.perform(post("/members/suggestions/{handle}/dismiss", toDismiss.handle())
                .with(csrf())
                .with(user(me.principal())));
        mvc.perform(
                post("/members/{handle}/block", toBlock.handle()).with(csrf()).with(user(me.principal())));
        mvc.perform(post("/connections/requests")
                .param("handle", toAsk.handle())
                .with(csrf())
                .with(user(me.principal())));

        assertThat(suggested(me)).doesNotContain("Dismissed one", "Blocked one", "Asked one");
        assertThat(page(me, "/").select(".suggestion .member-card__name").eachText())
                .as("the home page's sidebar agrees")
                .doesNotContain("Dismissed one", "Blocked one", "Asked one");
    }

    @Test
    void aNewConnectionOfTheMemberChangesTheirSuggestionsAtOnce() throws Exception {
        Member me = members.create("Me");
        Member newFriend = members.create("New friend");
        Member theirFriend = members.create("Their friend");
        members.connect(newFriend, theirFriend);
        assertThat(suggested(me)).doesNotContain("Their friend");

        mvc.perform(post("/connections/requests")
                .param("handle", newFriend.handle())
                .with(csrf())
                .with(user(me.principal())));
        long request = data.jdbc()
                .queryForObject(
                        "select id from connection_requests where recipient_id = ?", Long.class, newFriend.id());
        mvc.perform(
                post("/connections/requests/{id}/accept", request).with(csrf()).with(user(newFriend.principal())));

        assertThat(suggested(me)).contains("Their friend");
    }

    @Test
    void newOnCinelyLeavesOutTheViewer() throws Exception {
        Member me = members.create("Newest of all");
        data.jdbc().update("update profiles set last_active_at = now(6) + interval 1 day where member_id = ?", me.id());

        assertThat(page(me, "/").select(".member-card__name").eachText()).doesNotContain("Newest of all");
        assertThat(Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse().getContentAsString())
                        .select(".member-card__name")
                        .eachText())
                .as("a visitor sees them")
                .contains("Newest of all");
    }

    @Test
    void pagesViewedWithinAMinuteDoNotRewriteTheStoredSession() {
        Member member = members.create("Session keeper");
        HttpTestClient browser = new HttpTestClient(port);
        browser.logIn(member.email(), TestMembers.PASSWORD);
        assertThat(browser.get("/").body()).contains("Session keeper");
        Long touched = lastAccess(member);

        for (String path : List.of("/", "/members", "/jobs", "/connections")) {
            assertThat(browser.get(path).statusCode()).isEqualTo(200);
        }

        assertThat(lastAccess(member))
                .as("no UPDATE for a page viewed within the minute")
                .isEqualTo(touched);
        // What does change a session is still saved: a flash message survives the redirect.
        browser.submit("/notifications", "/notifications/read-all", java.util.Map.of());
        assertThat(browser.get("/notifications").body()).contains("every notification is marked as read");
    }

    Long lastAccess(Member member) {
        return data.jdbc()
                .queryForObject(
                        "select LAST_ACCESS_TIME from SPRING_SESSION where PRINCIPAL_NAME = ?",
                        Long.class,
                        member.email());
    }

    List<String> suggested(Member me) throws Exception {
        return page(me, "/members/suggestions")
                .select(".suggestion .member-card__name")
                .eachText();
    }
}

package org.cinely.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

@CinelyIntegrationTest
@RecordApplicationEvents
class ConnectionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationEvents events;

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

    ResultActions connect(Member from, Member to, String note) throws Exception {
        var request = post("/connections/requests")
                .with(csrf())
                .with(user(from.principal()))
                .param("handle", to.handle());
        if (note != null) {
            request.param("note", note);
        }
        return mvc.perform(request);
    }

    static String flashKey(org.springframework.test.web.servlet.MvcResult result) {
        return ((org.cinely.platform.web.Flash) result.getFlashMap().get("flash")).messageKey();
    }

    long requestId(Member from, Member to) {
        return data.jdbc()
                .queryForObject(
                        "select id from connection_requests where requester_id = ? and recipient_id = ?",
                        Long.class,
                        from.id(),
                        to.id());
    }

    boolean connected(Member a, Member b) {
        Integer rows = data.jdbc()
                .queryForObject(
                        "select count(*) from connections where (member_id = ? and other_id = ?) or (member_id = ? and other_id = ?)",
                        Integer.class,
                        a.id(),
                        b.id(),
                        b.id(),
                        a.id());
        return rows == 2;
    }

    int pendingBetween(Member a, Member b) {
        return data.jdbc()
                .queryForObject(
                        "select count(*) from connection_requests where pair_low = ? and pair_high = ?",
                        Integer.class,
                        Math.min(a.id(), b.id()),
                        Math.max(a.id(), b.id()));
    }

    Document page(Member viewer, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(viewer.principal())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void myConnectionsPageThroughTheirSearch() throws Exception {
        Member me = members.create("Paging Viewer");
        for (int i = 0; i < ConnectionsController.PAGE_SIZE + 2; i++) {
            members.connect(me, members.create("Pager Friend " + i));
        }
        members.connect(me, members.create("Someone Else"));

        Document first = page(me, "/connections?q=pager");
        assertThat(first.select(".member-card__name")).hasSize(ConnectionsController.PAGE_SIZE);
        assertThat(first.select("a[rel=prev]")).isEmpty();
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/connections?q=pager&page=1");

        Document second = page(me, next);
        assertThat(second.select(".member-card__name").eachText())
                .hasSize(2)
                .allMatch(name -> name.startsWith("Pager Friend"));
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/connections?q=pager&page=0");
        assertThat(second.select("a[rel=next]")).isEmpty();
    }

    @Test
    void requestWithNoteThenAcceptConnectsBothAndPublishesEvents() throws Exception {
        Member maya = members.create("Maya Okafor");
        Member jonas = members.create("Jonas Berg");

        connect(maya, jonas, "We met on the Lagos shoot")
                .andExpect(redirectedUrl("/members/" + jonas.handle()))
                .andExpect(flash().attributeExists("flash"));
        assertThat(events.stream(ConnectionRequested.class)).hasSize(1);

        // Jonas sees it with its note and a badge in the header.
        Document requests = page(jonas, "/connections/requests");
        assertThat(requests.select(".request .member-card__name").text()).isEqualTo("Maya Okafor");
        assertThat(requests.select(".request__note").text()).isEqualTo("We met on the Lagos shoot");
        assertThat(requests.select(".account-menu__toggle .badge").text()).isEqualTo("1");

        mvc.perform(post("/connections/requests/{id}/accept", requestId(maya, jonas))
                        .with(csrf())
                        .with(user(jonas.principal())))
                .andExpect(redirectedUrl("/connections/requests"));

        assertThat(connected(maya, jonas)).isTrue();
        assertThat(pendingBetween(maya, jonas)).isZero();
        assertThat(events.stream(ConnectionAccepted.class)).hasSize(1);
        assertThat(page(maya, "/connections").select(".member-card__name").text())
                .isEqualTo("Jonas Berg");
        assertThat(page(jonas, "/connections").select(".member-card__name").text())
                .isEqualTo("Maya Okafor");
        assertThat(page(jonas, "/members/" + maya.handle())
                        .select(".status--ok")
                        .text())
                .isEqualTo("Connected");
    }

    @Test
    void requestsBetweenMembersWhoAskedEachOtherBecomeAConnection() throws Exception {
        Member a = members.create("Ana");
        Member b = members.create("Ben");
        connect(a, b, null);
        connect(b, a, null);
        assertThat(connected(a, b)).isTrue();
        assertThat(pendingBetween(a, b)).isZero();
    }

    /**
     * Two members who press "Connect" on each other's profile at the same moment: both inserts
     * race for the pair's unique key (and, before the fix, could deadlock into a 500). Every pair
     * must end connected exactly once, with no request left over and no failed call.
     */
    @Test
    void membersWhoAskEachOtherAtTheSameMomentEndUpConnectedOnce() throws Exception {
        List<Member[]> couples = couples(20);
        List<List<String>> outcomes = requestAtOnce(couples, pair -> List.of(pair[0], pair[1]));

        for (int i = 0; i < couples.size(); i++) {
            Member[] pair = couples.get(i);
            assertThat(connectionRows(pair[0], pair[1])).isEqualTo(2);
            assertThat(pendingBetween(pair[0], pair[1])).isZero();
            // One sent the request, the other accepted it; nobody saw an error.
            assertThat(outcomes.get(i)).containsExactlyInAnyOrder("connection.sent", "connection.accepted");
        }
        assertThat(events.stream(ConnectionAccepted.class)).hasSize(couples.size());
    }

    /** The same with a double click on one side: three requests for one pair at once. */
    @Test
    void aDoubleClickMeetingTheOtherSidesRequestStillEndsInOneConnection() throws Exception {
        List<Member[]> couples = couples(10);
        List<List<String>> outcomes = requestAtOnce(couples, pair -> List.of(pair[0], pair[0], pair[1]));

        for (int i = 0; i < couples.size(); i++) {
            Member[] pair = couples.get(i);
            assertThat(connectionRows(pair[0], pair[1])).isEqualTo(2);
            assertThat(pendingBetween(pair[0], pair[1])).isZero();
            assertThat(outcomes.get(i))
                    .containsOnlyOnce("connection.accepted")
                    .allMatch(key -> List.of(
                                    "connection.sent",
                                    "connection.accepted",
                                    "connection.already-requested",
                                    "connection.already-connected")
                            .contains(key));
        }
        assertThat(events.stream(ConnectionAccepted.class)).hasSize(couples.size());
    }

    /** Accept pressed twice (double click, two tabs): one connection, one event, no error page. */
    @Test
    void acceptingTheSameRequestTwiceAtOnceConnectsOnce() throws Exception {
        List<Member[]> couples = couples(10);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (Member[] pair : couples) {
                connect(pair[0], pair[1], null);
                long id = requestId(pair[0], pair[1]);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<String>> clicks = new ArrayList<>();
                for (int click = 0; click < 2; click++) {
                    clicks.add(threads.submit(() -> {
                        var accept = post("/connections/requests/{id}/accept", id)
                                .with(csrf())
                                .with(user(pair[1].principal()))
                                .param("from", pair[0].handle());
                        together.await(10, TimeUnit.SECONDS);
                        return flashKey(mvc.perform(accept)
                                .andExpect(status().is3xxRedirection())
                                .andReturn());
                    }));
                }
                for (Future<String> click : clicks) {
                    assertThat(click.get(30, TimeUnit.SECONDS)).isEqualTo("connection.accepted");
                }
                assertThat(connectionRows(pair[0], pair[1])).isEqualTo(2);
                assertThat(pendingBetween(pair[0], pair[1])).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(events.stream(ConnectionAccepted.class)).hasSize(couples.size());
    }

    @Test
    void withdrawingWhileTheOtherAcceptsEndsInOneStateAndBothAreToldTheTruth() throws Exception {
        List<Member[]> couples = couples(10);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (Member[] pair : couples) {
                connect(pair[0], pair[1], null);
                long id = requestId(pair[0], pair[1]);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<String> withdrawal = threads.submit(() -> {
                    var withdraw = post("/connections/requests/{id}/withdraw", id)
                            .with(csrf())
                            .with(user(pair[0].principal()))
                            .param("to", pair[1].handle());
                    together.await(10, TimeUnit.SECONDS);
                    return flashKey(mvc.perform(withdraw)
                            .andExpect(status().is3xxRedirection())
                            .andReturn());
                });
                Future<String> acceptance = threads.submit(() -> {
                    var accept = post("/connections/requests/{id}/accept", id)
                            .with(csrf())
                            .with(user(pair[1].principal()))
                            .param("from", pair[0].handle());
                    together.await(10, TimeUnit.SECONDS);
                    return flashKey(mvc.perform(accept)
                            .andExpect(status().is3xxRedirection())
                            .andReturn());
                });
                String withdrawn = withdrawal.get(30, TimeUnit.SECONDS);
                String accepted = acceptance.get(30, TimeUnit.SECONDS);
                assertThat(pendingBetween(pair[0], pair[1])).isZero();
                if (connectionRows(pair[0], pair[1]) == 2) {
                    // The accept went first: the requester is told they are connected.
                    assertThat(accepted).isEqualTo("connection.accepted");
                    assertThat(withdrawn).isEqualTo("connection.accepted-before-withdrawal");
                } else {
                    assertThat(connectionRows(pair[0], pair[1])).isZero();
                    assertThat(withdrawn).isEqualTo("connection.withdrawn");
                    assertThat(accepted).isEqualTo("connection.withdrawn-before-acceptance");
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private List<Member[]> couples(int count) {
        List<Member[]> couples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            couples.add(new Member[] {members.create("Ana " + i), members.create("Ben " + i)});
        }
        return couples;
    }

    /**
     * For each pair, sends the given members' requests (each to the other member of the pair) in
     * threads released together; returns the flash message keys they got, per pair. Any failed
     * request (an exception, a 500) fails the test.
     */
    private List<List<String>> requestAtOnce(
            List<Member[]> couples, java.util.function.Function<Member[], List<Member>> senders) throws Exception {
        List<List<String>> outcomes = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            for (Member[] pair : couples) {
                List<Member> from = senders.apply(pair);
                CyclicBarrier together = new CyclicBarrier(from.size());
                List<Future<String>> calls = new ArrayList<>();
                for (Member sender : from) {
                    Member recipient = sender.equals(pair[0]) ? pair[1] : pair[0];
                    calls.add(threads.submit(() -> requestTogether(together, sender, recipient)));
                }
                List<String> keys = new ArrayList<>();
                for (Future<String> call : calls) {
                    keys.add(call.get(30, TimeUnit.SECONDS));
                }
                outcomes.add(keys);
            }
        } finally {
            threads.shutdownNow();
        }
        return outcomes;
    }

    private String requestTogether(CyclicBarrier together, Member from, Member to) throws Exception {
        var request = post("/connections/requests")
                .with(csrf())
                .with(user(from.principal()))
                .param("handle", to.handle());
        together.await(10, TimeUnit.SECONDS);
        MvcResult result =
                mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
        return flashKey(result);
    }

    int connectionRows(Member a, Member b) {
        return data.jdbc()
                .queryForObject(
                        "select count(*) from connections where (member_id = ? and other_id = ?) or (member_id = ? and other_id = ?)",
                        Integer.class,
                        a.id(),
                        b.id(),
                        b.id(),
                        a.id());
    }

    @Test
    void askingTwiceKeepsOneRequestAndConnectingToYourselfIsRefused() throws Exception {
        Member a = members.create("Ana");
        Member b = members.create("Ben");
        connect(a, b, null);
        connect(a, b, null);
        assertThat(pendingBetween(a, b)).isEqualTo(1);
        connect(a, a, null);
        assertThat(pendingBetween(a, a)).isZero();
    }

    @Test
    void onlyTheRecipientCanAcceptOrDeclineAndOnlyTheRequesterCanWithdraw() throws Exception {
        Member a = members.create("Ana");
        Member b = members.create("Ben");
        Member mallory = members.create("Mallory");
        connect(a, b, null);
        long id = requestId(a, b);

        for (String action : new String[] {"accept", "decline", "withdraw"}) {
            mvc.perform(post("/connections/requests/{id}/" + action, id)
                            .with(csrf())
                            .with(user(mallory.principal())))
                    .andExpect(status().isNotFound());
        }
        // The requester cannot accept their own request; the recipient cannot withdraw it.
        mvc.perform(post("/connections/requests/{id}/accept", id).with(csrf()).with(user(a.principal())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/connections/requests/{id}/withdraw", id).with(csrf()).with(user(b.principal())))
                .andExpect(status().isNotFound());
        assertThat(pendingBetween(a, b)).isEqualTo(1);
        assertThat(connected(a, b)).isFalse();

        mvc.perform(post("/connections/requests/{id}/withdraw", id).with(csrf()).with(user(a.principal())))
                .andExpect(status().is3xxRedirection());
        assertThat(pendingBetween(a, b)).isZero();
    }

    @Test
    void declineRemovesTheRequestWithoutConnecting() throws Exception {
        Member a = members.create("Ana");
        Member b = members.create("Ben");
        connect(a, b, null);
        mvc.perform(post("/connections/requests/{id}/decline", requestId(a, b))
                        .with(csrf())
                        .with(user(b.principal())))
                .andExpect(status().is3xxRedirection());
        assertThat(pendingBetween(a, b)).isZero();
        assertThat(connected(a, b)).isFalse();
    }

    @Test
    void eitherSideCanRemoveAConnection() throws Exception {
        Member a = members.create("Ana");
        Member b = members.create("Ben");
        members.connect(a, b);
        mvc.perform(post("/connections/{handle}/remove", a.handle())
                        .with(csrf())
                        .with(user(b.principal())))
                .andExpect(redirectedUrl("/connections"));
        assertThat(connected(a, b)).isFalse();
    }

    @Test
    void blockingRemovesConnectionAndRequestsHidesDetailsAndRefusesNewRequests() throws Exception {
        Member a = members.create("Ana");
        Member b = members.create("Ben");
        Member c = members.create("Cleo");
        members.connect(a, b);
        connect(c, a, null);
        members.describe(a, "Director of night shoots", "Lagos", "Nigeria", "director");

        mvc.perform(post("/members/{handle}/block", b.handle()).with(csrf()).with(user(a.principal())))
                .andExpect(redirectedUrl("/members/" + b.handle()));
        mvc.perform(post("/members/{handle}/block", c.handle()).with(csrf()).with(user(a.principal())));

        assertThat(events.stream(MemberBlocked.class)).hasSize(2);
        assertThat(connected(a, b)).isFalse();
        assertThat(pendingBetween(a, c)).isZero();

        // The blocked member can't ask again and doesn't see the blocker's details.
        connect(b, a, null).andExpect(result -> assertThat(flashKey(result)).isEqualTo("connection.unavailable"));
        assertThat(pendingBetween(a, b)).isZero();
        Document profile = page(b, "/members/" + a.handle());
        assertThat(profile.select("h1").text()).isEqualTo("Ana");
        assertThat(profile.text()).doesNotContain("Director of night shoots").doesNotContain("Lagos");
        assertThat(profile.select("form[action*=connections/requests]")).isEmpty();
        // ... nor find them in the directory.
        assertThat(page(b, "/members?q=Ana").select(".member-card__name").eachText())
                .doesNotContain("Ana");

        // The blocker sees them in their blocked list and can unblock.
        assertThat(page(a, "/connections/blocked").select(".member-card__name").eachText())
                .contains("Ben", "Cleo");
        mvc.perform(post("/members/{handle}/unblock", b.handle()).with(csrf()).with(user(a.principal())));
        assertThat(page(a, "/connections/blocked").select(".member-card__name").eachText())
                .containsExactly("Cleo");
    }

    @Test
    void atMostFiftyRequestsADayThenAFriendly429() throws Exception {
        Member sender = members.create("Sender");
        for (int i = 0; i < 50; i++) {
            connect(sender, members.create("Target " + i), null).andExpect(status().is3xxRedirection());
        }
        Member oneMore = members.create("One more");
        String body = connect(sender, oneMore, null)
                .andExpect(status().isTooManyRequests())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(pendingBetween(sender, oneMore)).isZero();
        assertThat(body).doesNotContain("Exception");
    }

    @Test
    void membersWhoHaveNotConfirmedTheirEmailCannotSendRequests() throws Exception {
        Member unverified = members.create("New", false);
        Member b = members.create("Ben");
        connect(unverified, b, null)
                .andExpect(result -> assertThat(flashKey(result)).isEqualTo("connection.verify-first"));
        assertThat(pendingBetween(unverified, b)).isZero();
    }

    @Test
    void overLongNotesAreRefusedNotCut() throws Exception {
        Member a = members.create("Ana");
        Member b = members.create("Ben");
        connect(a, b, "x".repeat(301))
                .andExpect(result -> assertThat(flashKey(result)).isEqualTo("connection.note.too-long"));
        assertThat(pendingBetween(a, b)).isZero();
    }

    @Test
    void actionsWithoutACsrfTokenAreRefused() throws Exception {
        Member a = members.create("Ana");
        Member b = members.create("Ben");
        mvc.perform(post("/connections/requests").with(user(a.principal())).param("handle", b.handle()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/members/{handle}/block", b.handle()).with(user(a.principal())))
                .andExpect(status().isForbidden());
        assertThat(pendingBetween(a, b)).isZero();
    }

    @Test
    void visitorsAreSentToLogInForConnectionPages() throws Exception {
        mvc.perform(get("/connections")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/members/suggestions")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void returnToNeverLeavesTheSite() throws Exception {
        Member a = members.create("Ana");
        Member b = members.create("Ben");
        mvc.perform(post("/connections/requests")
                        .with(csrf())
                        .with(user(a.principal()))
                        .param("handle", b.handle())
                        .param("returnTo", "//evil.example/steal"))
                .andExpect(redirectedUrl("/members/" + b.handle()));
    }

    /** A path with braces used to answer 500 after the action ran (the redirect expanded "{x}"). */
    @Test
    void returnToWithBracesIsSentBackAsIs() throws Exception {
        Member a = members.create("Ana Brace");
        Member b = members.create("Ben Brace");
        MvcResult sent = mvc.perform(post("/connections/requests")
                        .with(csrf())
                        .with(user(a.principal()))
                        .param("handle", b.handle())
                        .param("returnTo", "/{x}"))
                .andExpect(status().isFound())
                .andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/{x}");
        assertThat(flashKey(sent)).isEqualTo("connection.sent");
        long id = requestId(a, b);
        mvc.perform(post("/connections/requests/" + id + "/decline")
                        .with(csrf())
                        .with(user(b.principal()))
                        .param("returnTo", "/members/{handle}?q={q}"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/members/{handle}?q={q}"));
    }

    @Test
    void myConnectionsAreSearchable() throws Exception {
        Member me = members.create("Me");
        Member gaffer = members.create("Sam Whitfield");
        Member editor = members.create("Lucía Ferrante");
        members.connect(me, gaffer);
        members.connect(me, editor);
        assertThat(page(me, "/connections?q=whit").select(".member-card__name").eachText())
                .containsExactly("Sam Whitfield");
        assertThat(page(me, "/connections").select(".member-card__name").eachText())
                .containsExactly("Lucía Ferrante", "Sam Whitfield");
    }
}

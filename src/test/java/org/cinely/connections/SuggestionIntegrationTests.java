package org.cinely.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@CinelyIntegrationTest
class SuggestionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ConnectionsApi api;

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

    List<String> suggestedNames(Member me) {
        return api.suggestions(MemberId.of(me.id()), 20).stream()
                .map(s -> s.card().displayName())
                .toList();
    }

    @Test
    void suggestsMembersTwoStepsAwayRankedByMutualConnectionsAndSharedCredits() throws Exception {
        Member me = members.create("Me");
        Member f1 = members.create("Friend 1");
        Member f2 = members.create("Friend 2");
        Member f3 = members.create("Friend 3");
        Member twoMutual = members.create("Two mutual");
        Member oneMutual = members.create("One mutual");
        Member oneMutualSharedCredit = members.create("One mutual and a shared credit");
        Member stranger = members.create("Stranger");
        members.credit(stranger, "The Night Shift", 2024);
        for (Member f : List.of(f1, f2, f3)) {
            members.connect(me, f);
        }
        members.connect(f1, twoMutual);
        members.connect(f2, twoMutual);
        members.connect(f1, oneMutual);
        members.connect(f3, oneMutualSharedCredit);
        members.connect(f1, f2); // friends of each other: already my connections, never suggested
        members.credit(me, "The Night Shift", 2024);
        members.credit(oneMutualSharedCredit, "the  night shift", 2024);
        members.credit(oneMutual, "The Night Shift", 2023); // another year: another production

        List<String> names = suggestedNames(me);
        // Scores: two mutual = 2; one mutual + one shared credit = 2 (a tie goes to more mutual
        // connections); one mutual = 1. The stranger shares a credit but is not two steps away.
        assertThat(names).containsExactly("Two mutual", "One mutual and a shared credit", "One mutual");

        var found = api.suggestions(MemberId.of(me.id()), 20);
        assertThat(found.get(0).mutualConnections()).isEqualTo(2);
        assertThat(found.get(1).mutualConnections()).isEqualTo(1);
        assertThat(found.get(1).sharedCredits()).isEqualTo(1);
        assertThat(found.get(2).sharedCredits()).isZero();
    }

    @Test
    void leavesOutPendingRequestsBlockedAndDismissedMembers() throws Exception {
        Member me = members.create("Me");
        Member friend = members.create("Friend");
        Member asked = members.create("Asked by me");
        Member asking = members.create("Asking me");
        Member blocked = members.create("Blocked by me");
        Member blocker = members.create("Blocks me");
        Member dismissed = members.create("Dismissed");
        Member kept = members.create("Kept");
        members.connect(me, friend);
        for (Member m : List.of(asked, asking, blocked, blocker, dismissed, kept)) {
            members.connect(friend, m);
        }
        post(me, "/connections/requests?handle=" + asked.handle());
        post(asking, "/connections/requests?handle=" + me.handle());
        post(me, "/members/" + blocked.handle() + "/block");
        post(blocker, "/members/" + me.handle() + "/block");
        // Blocking removed the friend-of-friend link? No: only links between the two members.
        post(me, "/members/suggestions/" + dismissed.handle() + "/dismiss");

        assertThat(suggestedNames(me)).containsExactly("Kept");
    }

    @Test
    void suspendedMembersAreNotSuggested() throws Exception {
        Member me = members.create("Me");
        Member friend = members.create("Friend");
        Member suspended = members.create("Suspended");
        Member kept = members.create("Kept");
        members.connect(me, friend);
        members.connect(friend, suspended);
        members.connect(friend, kept);
        assertThat(suggestedNames(me)).containsExactlyInAnyOrder("Suspended", "Kept");

        mvc.perform(TestMembers.adminSetsState(suspended, "BANNED", "harassment"))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        assertThat(suggestedNames(me)).containsExactly("Kept");
    }

    @Test
    void suggestionsPageAndFeedSidebarShowThemWithWhy() throws Exception {
        Member me = members.create("Me");
        Member friend = members.create("Friend");
        Member candidate = members.create("Candidate <b>bold</b>");
        members.connect(me, friend);
        members.connect(friend, candidate);

        var page = Jsoup.parse(mvc.perform(get("/members/suggestions").with(user(me.principal())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select(".suggestion .member-card__name").text()).isEqualTo("Candidate <b>bold</b>");
        assertThat(page.select(".suggestion .member-card__name b")).isEmpty();
        assertThat(page.select(".suggestion__why").text()).isEqualTo("1 mutual connection");
        // The dismiss button's accessible name starts with what it shows (WCAG 2.5.3, axe's
        // label-content-name-mismatch): a voice user says "Not now".
        var dismiss = page.selectFirst(".suggestion form[action$=/dismiss] button");
        assertThat(dismiss.text()).isEqualTo("Not now");
        assertThat(dismiss.attr("aria-label")).startsWith("Not now").contains("Candidate <b>bold</b>");

        var home = Jsoup.parse(mvc.perform(get("/").with(user(me.principal())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(home.select(".side-section .member-card__name").text()).isEqualTo("Candidate <b>bold</b>");
    }

    private void post(Member as, String path) throws Exception {
        this.as(as, path);
    }

    private void as(Member as, String path) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .with(csrf())
                        .with(user(as.principal())))
                .andExpect(status().is3xxRedirection());
    }
}

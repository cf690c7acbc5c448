package org.cinely.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.works.Visibility;
import org.cinely.works.WorkPublished;
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
 * The home feed against the embedded MariaDB, driven through the real pages and events: what a
 * connection shares shows up, privacy holds (connections-only, narrowed, deleted, blocked), likes
 * group, a redelivered event adds nothing, and paging by "Older" neither repeats nor skips.
 */
@CinelyIntegrationTest
class FeedIntegrationTests {

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

    TestMembers.Member owner;
    TestMembers.Member friend;
    TestMembers.Member stranger;

    @BeforeEach
    void setUp() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        owner = members.create("Jonas Feed");
        friend = members.create("Maria Feed");
        stranger = members.create("Stranger Feed");
        members.connect(owner, friend);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    /** A work made through the form and, as if its video had been transcoded, made playable. */
    long publishedWork(TestMembers.Member by, String title, String visibility) throws Exception {
        String location = mvc.perform(post("/works")
                        .with(user(by.principal()))
                        .with(csrf())
                        .param("title", title)
                        .param("type", "SHORT")
                        .param("credits", "")
                        .param("visibility", visibility))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D", ""));
        data.jdbc().update("update works set playable = true, published_at = now(6) where id = ?", id);
        tx.executeWithoutResult(status -> events.publishEvent(
                new WorkPublished(id, MemberId.of(by.id()), title, Visibility.valueOf(visibility))));
        data.awaitEventListeners();
        return id;
    }

    Document home(TestMembers.Member viewer) throws Exception {
        return home(viewer.principal(), "/");
    }

    Document home(CurrentMember viewer, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    List<String> entries(Document page) {
        return page.select("[data-feed-entries] .feed-entry__text").eachText();
    }

    @Test
    void aConnectionsNewWorkShowsInTheFeedWithItsPosterLinkAndNotToStrangers() throws Exception {
        long work = publishedWork(owner, "Kreuzberg Nights", "PUBLIC");

        Document page = home(friend);
        assertThat(entries(page)).containsExactly("Jonas Feed shared a new work: Kreuzberg Nights");
        assertThat(page.select("[data-feed-entries] a.feed-entry__link").attr("href"))
                .isEqualTo("/works/" + work);
        assertThat(page.text()).doesNotContain("Your feed is quiet for now");
        assertThat(entries(home(owner))).containsExactly("Jonas Feed shared a new work: Kreuzberg Nights");

        assertThat(entries(home(stranger))).isEmpty();
        assertThat(home(stranger).text()).contains("Your feed is quiet for now");
    }

    @Test
    void whatTheViewerMayNoLongerSeeLeavesTheFeed() throws Exception {
        long narrowed = publishedWork(owner, "Harbour Lights", "CONNECTIONS");
        long deleted = publishedWork(owner, "Salt Flats", "PUBLIC");
        assertThat(entries(home(friend)))
                .containsExactly(
                        "Jonas Feed shared a new work: Salt Flats", "Jonas Feed shared a new work: Harbour Lights");

        // Narrowed to private: gone for the connection, still there for the owner.
        mvc.perform(post("/works/" + narrowed)
                        .with(user(owner.principal()))
                        .with(csrf())
                        .param("title", "Harbour Lights")
                        .param("type", "SHORT")
                        .param("credits", "")
                        .param("visibility", "PRIVATE"))
                .andExpect(status().is3xxRedirection());
        // Deleted: gone for everyone.
        mvc.perform(post("/works/" + deleted + "/delete")
                        .with(user(owner.principal()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();

        assertThat(entries(home(friend))).isEmpty();
        assertThat(entries(home(owner))).containsExactly("Jonas Feed shared a new work: Harbour Lights");
        // Deleting puts the work in its owner's trash for 30 days: the entry stays, unseen, so an
        // undo brings it back instead of announcing the work again (the purge removes it for good:
        // WorkTrashIntegrationTests).
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from feed_activities where subject_type = 'WORK' and subject_id = ?",
                                Integer.class,
                                deleted))
                .isEqualTo(1);
    }

    @Test
    void aBlockHidesEachFromTheOthersFeed() throws Exception {
        publishedWork(owner, "Night Shift", "PUBLIC");
        assertThat(entries(home(friend))).hasSize(1);

        mvc.perform(post("/members/" + owner.handle() + "/block")
                        .with(user(friend.principal()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();

        assertThat(entries(home(friend))).isEmpty();
        // Even an entry that reached the timeline before is hidden by the rule when read.
        publishedWork(owner, "After The Block", "PUBLIC");
        assertThat(entries(home(friend))).isEmpty();
    }

    @Test
    void likesOnOneWorkAreOneEntryForItsOwnerAndAnUnlikeTakesItsPartBack() throws Exception {
        long work = publishedWork(owner, "Kreuzberg Nights", "PUBLIC");
        TestMembers.Member second = members.create("Second Liker");
        TestMembers.Member third = members.create("Third Liker");
        for (TestMembers.Member liker : List.of(friend, second, third)) {
            mvc.perform(post("/works/" + work + "/like")
                            .with(user(liker.principal()))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        data.awaitEventListeners();
        assertThat(entries(home(owner)))
                .containsExactly(
                        "Third Liker and 2 others liked your work Kreuzberg Nights",
                        "Jonas Feed shared a new work: Kreuzberg Nights");

        mvc.perform(
                post("/works/" + work + "/like").with(user(third.principal())).with(csrf()));
        data.awaitEventListeners();
        assertThat(entries(home(owner)).get(0)).isEqualTo("Second Liker and 1 other liked your work Kreuzberg Nights");
    }

    @Test
    void anEventHandledTwiceGivesOneEntry() throws Exception {
        long work = publishedWork(owner, "Once Only", "PUBLIC");
        // As the publication registry does after a restart, or a second node would.
        tx.executeWithoutResult(status ->
                events.publishEvent(new WorkPublished(work, MemberId.of(owner.id()), "Once Only", Visibility.PUBLIC)));
        data.awaitEventListeners();

        assertThat(entries(home(friend))).containsExactly("Jonas Feed shared a new work: Once Only");
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from feed_timeline t join feed_activities a on a.id = t.activity_id"
                                        + " where a.subject_id = ? and t.member_id = ?",
                                Integer.class,
                                work,
                                friend.id()))
                .isEqualTo(1);
    }

    @Test
    void olderPagesNeitherRepeatNorSkipWhenNewEntriesArriveWhileReading() throws Exception {
        for (int i = 1; i <= 25; i++) {
            long id = 9_000_000L + owner.id() * 100 + (long) i;
            int n = i;
            tx.executeWithoutResult(status -> events.publishEvent(
                    new WorkPublished(id, MemberId.of(owner.id()), "Work " + n, Visibility.PUBLIC)));
            // One at a time: listeners run in parallel, and the feed orders by when it recorded.
            data.awaitEventListeners();
        }
        // These works do not exist: the works module's rule hides them. Give them rows to show.
        data.jdbc()
                .update(
                        "insert into works (id, owner_id, title, production_type, visibility, playable, published_at,"
                                + " created_at, updated_at) select subject_id, ?, title, 'SHORT', 'PUBLIC', true, now(6),"
                                + " now(6), now(6) from feed_activities where actor_id = ? and verb = 'WORK_PUBLISHED'",
                        owner.id(),
                        owner.id());

        Document first = home(friend);
        assertThat(entries(first)).hasSize(20).first().isEqualTo("Jonas Feed shared a new work: Work 25");
        String older = first.select("a[rel=next]").attr("href");
        assertThat(older).startsWith("/?before=");

        publishedWork(owner, "Arrived While Reading", "PUBLIC");

        Document second = home(friend.principal(), older);
        assertThat(entries(second))
                .containsExactly(
                        "Jonas Feed shared a new work: Work 5",
                        "Jonas Feed shared a new work: Work 4",
                        "Jonas Feed shared a new work: Work 3",
                        "Jonas Feed shared a new work: Work 2",
                        "Jonas Feed shared a new work: Work 1");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(entries(home(friend)).get(0)).isEqualTo("Jonas Feed shared a new work: Arrived While Reading");
        data.jdbc().update("delete from works where owner_id = ?", owner.id());
    }

    @Test
    void aSuspendedMembersEntriesDisappearAndComeBackWhenReinstated() throws Exception {
        publishedWork(owner, "Reinstated", "PUBLIC");
        mvc.perform(TestMembers.adminSetsState(owner, "SUSPENDED", "spam")).andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        assertThat(entries(home(friend))).isEmpty();

        mvc.perform(TestMembers.adminSetsState(owner, "ACTIVE", "")).andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        assertThat(entries(home(friend))).containsExactly("Jonas Feed shared a new work: Reinstated");
    }

    @Test
    void aPostedJobAndANewConnectionShowToTheNetwork() throws Exception {
        TestMembers.Member newcomer = members.create("New Comer");
        mvc.perform(post("/connections/requests")
                        .with(user(newcomer.principal()))
                        .with(csrf())
                        .param("handle", owner.handle()))
                .andExpect(status().is3xxRedirection());
        Long request = data.jdbc()
                .queryForObject("select id from connection_requests where requester_id = ?", Long.class, newcomer.id());
        mvc.perform(post("/connections/requests/" + request + "/accept")
                        .with(user(owner.principal()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();

        assertThat(entries(home(friend))).containsExactly("Jonas Feed connected with New Comer");
        assertThat(entries(home(newcomer))).containsExactly("Jonas Feed connected with New Comer");
    }
}

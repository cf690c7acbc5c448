package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deleting a work asks first, then moves it to the owner's trash: gone from every read path at
 * once (its page, browse, the profile, a connection's feed, WorksApi, its media URLs), with an
 * Undo and "Recently deleted"; restoring brings it back as it was, without announcing it again;
 * 30 days later the purge removes its row and its media files. Nobody else can restore it.
 */
@CinelyIntegrationTest
@RecordApplicationEvents
class WorkTrashIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    ApplicationEvents events;

    @Autowired
    WorksApi worksApi;

    @Autowired
    WorkTrash trash;

    ModerationFixtures fx;
    TestMembers.Member owner;
    TestMembers.Member friend;
    TestMembers.Member stranger;

    @BeforeEach
    void setUp() {
        data.mark();
        TestMembers members = new TestMembers(data.jdbc(), encoder);
        fx = new ModerationFixtures(mvc, data, tx, publisher, members);
        owner = members.create("Tara Trash");
        friend = members.create("Finn Friend");
        stranger = members.create("Sid Stranger");
        members.connect(owner, friend);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    /** Every way another member or the network reaches the work, and its owner's own pages. */
    void assertReachable(long work, String poster, boolean reachable) throws Exception {
        CurrentMember other = stranger.principal();
        int expected = reachable ? 200 : 404;
        assertThat(fx.statusOf("/works/" + work, other)).as("work page").isEqualTo(expected);
        assertThat(fx.statusOf("/works/" + work, owner.principal()))
                .as("work page, its owner")
                .isEqualTo(expected);
        assertThat(fx.statusOf("/works/" + work + "/edit", owner.principal()))
                .as("edit page")
                .isEqualTo(expected);
        assertThat(fx.page("/works", null).select("a[href=\"/works/" + work + "\"]"))
                .as("browse")
                .hasSize(reachable ? 1 : 0);
        assertThat(fx.page("/members/" + owner.handle(), owner.principal()).select("a[href=\"/works/" + work + "\"]"))
                .as("the owner's own profile")
                .hasSize(reachable ? 1 : 0);
        assertThat(fx.feed(friend)).as("a connection's feed").hasSize(reachable ? 1 : 0);
        assertThat(worksApi.visibleCards(MemberId.of(owner.id()), List.of(work)))
                .as("visibleCards, even for the owner")
                .containsOnlyKeys(reachable ? List.of(work) : List.of());
        assertThat(worksApi.everyoneMayWatchOf(MemberId.of(owner.id())))
                .as("what a job application may attach")
                .extracting(WorkCard::id)
                .containsExactlyElementsOf(reachable ? List.of(work) : List.of());
        assertThat(fx.statusOf(poster, other)).as("the poster URL it had").isEqualTo(reachable ? 200 : 404);
        assertThat(fx.statusOf(MediaPaths.playlist(work, fx.mediaVersion(work)), owner.principal()))
                .as("the playlist at its current URL, its owner")
                .isEqualTo(expected);
        assertThat(fx.statusOf(post("/works/" + work + "/like").with(csrf()), other))
                .as("like")
                .isEqualTo(reachable ? 302 : 404);
    }

    @Test
    void aDeletedWorkIsGoneEverywhereUntilUndoneThenPurgedWithItsMediaAfter30Days() throws Exception {
        long work = fx.publishedWork(owner, "Salt Flats", "PUBLIC");
        long asset = data.jdbc().queryForObject("select media_asset_id from works where id = ?", Long.class, work);
        Path files = ModerationFixtures.MEDIA.resolve("assets/" + asset);
        String poster = MediaPaths.poster(work, fx.mediaVersion(work));
        assertReachable(work, poster, true);

        // The edit page links to a confirmation page (no JavaScript needed), which posts.
        Document edit = fx.page("/works/" + work + "/edit", owner.principal());
        assertThat(edit.select("a[href=\"/works/" + work + "/delete\"]")).hasSize(1);
        Document confirm = fx.page("/works/" + work + "/delete", owner.principal());
        assertThat(confirm.select("form[action=\"/works/" + work + "/delete\"][method=post]"))
                .hasSize(1);
        assertThat(confirm.text()).contains("Delete “Salt Flats”?").contains("30 days");
        assertThat(fx.statusOf("/works/" + work + "/delete", stranger.principal()))
                .isEqualTo(404);
        assertThat(fx.statusOf(post("/works/" + work + "/delete").with(csrf()), stranger.principal()))
                .as("someone else's delete")
                .isEqualTo(404);
        assertThat(fx.statusOf(post("/works/" + work + "/delete"), owner.principal()))
                .as("without the CSRF token")
                .isEqualTo(403);

        events.clear();
        MvcResult deleted = mvc.perform(
                        post("/works/" + work + "/delete").with(csrf()).with(user(owner.principal())))
                .andReturn();
        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/works/trash");
        Flash flash = (Flash) deleted.getFlashMap().get("flash");
        assertThat(flash.undoAction()).isEqualTo("/works/" + work + "/restore");
        data.awaitEventListeners();
        assertReachable(work, poster, false);
        assertThat(events.stream(WorkDeleted.class)).as("not gone for good yet").isEmpty();
        assertThat(Files.exists(files))
                .as("its files are kept while it can be restored")
                .isTrue();

        // "Recently deleted" lists it for its owner only.
        Document list = fx.page("/works/trash", owner.principal());
        assertThat(list.select(".trash-item").text()).contains("Salt Flats").contains("30 days");
        assertThat(fx.page("/works/trash", stranger.principal()).select(".trash-item"))
                .isEmpty();

        // Nobody else can restore it (nor find out it exists).
        assertThat(fx.statusOf(post("/works/" + work + "/restore").with(csrf()), stranger.principal()))
                .isEqualTo(404);
        assertReachable(work, poster, false);

        // Undo: back as it was, in the feed too, without a second announcement.
        String publishedSql = "select count(*) from feed_activities where verb = 'WORK_PUBLISHED' and subject_id = ?";
        int published = data.jdbc().queryForObject(publishedSql, Integer.class, work);
        assertThat(published).isEqualTo(1);
        assertThat(fx.statusOf(post("/works/" + work + "/restore").with(csrf()), owner.principal()))
                .isEqualTo(302);
        data.awaitEventListeners();
        String newPoster = MediaPaths.poster(work, fx.mediaVersion(work));
        assertThat(newPoster)
                .as("a cached copy of the old URL is never linked again")
                .isNotEqualTo(poster);
        assertReachable(work, newPoster, true);
        assertThat(fx.statusOf(poster, null)).isEqualTo(404);
        assertThat(events.stream(WorkPublished.class)).isEmpty();
        assertThat(data.jdbc().queryForObject(publishedSql, Integer.class, work))
                .as("the one announcement, kept")
                .isEqualTo(1);
        assertThat(fx.page("/works/trash", owner.principal()).select(".trash-item"))
                .isEmpty();

        // Deleted again; the purge leaves it for 30 days, then removes the row and the files.
        mvc.perform(post("/works/" + work + "/delete").with(csrf()).with(user(owner.principal())));
        Instant now = Instant.now();
        assertThat(trash.purge(now.plus(Duration.ofDays(29)))).isZero();
        assertThat(data.jdbc().queryForObject("select count(*) from works where id = ?", Integer.class, work))
                .isEqualTo(1);
        assertThat(trash.purge(now.plus(Duration.ofDays(31)))).isEqualTo(1);
        data.awaitEventListeners();
        assertThat(data.jdbc().queryForObject("select count(*) from works where id = ?", Integer.class, work))
                .isZero();
        assertThat(data.jdbc().queryForObject("select count(*) from media_assets where id = ?", Integer.class, asset))
                .isZero();
        assertThat(Files.exists(files)).as("its media files").isFalse();
        assertThat(events.stream(WorkDeleted.class))
                .extracting(WorkDeleted::workId)
                .containsExactly(work);
        assertThat(fx.statusOf(post("/works/" + work + "/restore").with(csrf()), owner.principal()))
                .as("too late to restore")
                .isEqualTo(404);
    }
}

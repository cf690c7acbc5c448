package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentHeldForReview;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ContentSnapshot;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.ModeratorOpenedContent;
import org.cinely.platform.moderation.ReviewPolicy;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A work hidden by the moderators vanishes from every read path (its page, browse, the profile,
 * the feed, WorksApi, the portfolio, its media, likes and comments) and comes back when restored;
 * its media URLs change so a cached copy is never linked again; held works wait for review.
 */
@CinelyIntegrationTest
@RecordApplicationEvents
class WorksModerationIntegrationTests {

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
    WorksContentModeration moderation;

    @Autowired
    WorksApi worksApi;

    @Autowired
    ConfigurableApplicationContext context;

    ModerationFixtures fx;
    TestMembers.Member owner;
    TestMembers.Member friend;
    TestMembers.Member stranger;
    CurrentMember moderator;

    @BeforeEach
    void setUp() {
        data.mark();
        TestMembers members = new TestMembers(data.jdbc(), encoder);
        fx = new ModerationFixtures(mvc, data, tx, publisher, members);
        owner = members.create("Ida Owner");
        friend = members.create("Fritz Friend");
        stranger = members.create("Stella Stranger");
        members.connect(owner, friend);
        moderator = fx.moderator();
    }

    @AfterEach
    void cleanUp() {
        data.jdbc().update("delete from work_author_standings where member_id >= ?", owner.id());
        data.cleanUp();
    }

    void moderate(long work, ModerationState state) {
        assertThat(moderation.moderate(new ContentRef(ContentKind.WORK, work), state))
                .isTrue();
    }

    /** What a member who is not the owner, and the network, can reach of the work, path by path. */
    void assertReachable(long work, String title, boolean reachable) throws Exception {
        CurrentMember other = stranger.principal();
        int expected = reachable ? 200 : 404;
        assertThat(fx.statusOf("/works/" + work, other)).as("work page").isEqualTo(expected);
        assertThat(fx.statusOf("/works/" + work, null)).as("work page, visitor").isEqualTo(expected);
        assertThat(fx.page("/works", null).select("a[href=\"/works/" + work + "\"]"))
                .as("browse")
                .hasSize(reachable ? 1 : 0);
        assertThat(fx.page("/members/" + owner.handle(), other).select("a[href=\"/works/" + work + "\"]"))
                .as("profile's works")
                .hasSize(reachable ? 1 : 0);
        assertThat(fx.feed(friend)).as("a connection's feed").hasSize(reachable ? 1 : 0);
        assertThat(worksApi.visibleCards(MemberId.of(stranger.id()), List.of(work)))
                .as("visibleCards")
                .containsOnlyKeys(reachable ? List.of(work) : List.of());
        assertThat(worksApi.everyoneMayWatchOf(MemberId.of(owner.id())))
                .as("the portfolio a job application shows")
                .extracting(WorkCard::id)
                .containsExactlyElementsOf(reachable ? List.of(work) : List.of());
        assertThat(worksApi.confirmedCreditsOf(MemberId.of(friend.id()), 0, 20).items())
                .as("credits on the credited member's profile")
                .extracting(CreditedWork::workId)
                .containsExactlyElementsOf(reachable ? List.of(work) : List.of());
        String media = MediaPaths.playlist(work, fx.mediaVersion(work));
        assertThat(fx.statusOf(media, other)).as("playlist").isEqualTo(expected);
        assertThat(fx.statusOf(MediaPaths.poster(work, fx.mediaVersion(work)), other))
                .as("poster")
                .isEqualTo(expected);
        assertThat(fx.statusOf(post("/works/" + work + "/like").with(csrf()), other))
                .as("like")
                .isEqualTo(reachable ? 302 : 404);
        assertThat(fx.statusOf(post("/works/" + work + "/comments").with(csrf()).param("body", "Lovely"), other))
                .as("comment")
                .isEqualTo(reachable ? 302 : 404);
        // Either way, the author still has their page and their upload status.
        assertThat(fx.page("/works/" + work, owner.principal()).select("h1").text())
                .isEqualTo(title);
        assertThat(fx.statusOf("/works/" + work + "/status", owner.principal())).isEqualTo(200);
    }

    @Test
    void aHiddenWorkVanishesFromEveryReadPathAndComesBackWhenRestored() throws Exception {
        long work = fx.publishedWork(owner, "Harbour Lights", "PUBLIC");
        fx.jdbc()
                .update(
                        "insert into work_credits (work_id, member_id, craft, confirmed, created_at)"
                                + " values (?, ?, 'editor', true, now(6))",
                        work,
                        friend.id());
        String oldPoster = MediaPaths.poster(work, fx.mediaVersion(work));
        assertReachable(work, "Harbour Lights", true);
        assertThat(fx.statusOf(oldPoster, null)).isEqualTo(200);

        moderate(work, ModerationState.HIDDEN);
        assertReachable(work, "Harbour Lights", false);
        Document own = fx.page("/works/" + work, owner.principal());
        assertThat(own.text()).contains("Hidden by the moderators — nobody else can see it");
        // The URLs a cache may keep are dead, even for the author, who is served privately.
        assertThat(fx.statusOf(oldPoster, owner.principal())).isEqualTo(404);
        String poster = MediaPaths.poster(work, fx.mediaVersion(work));
        assertThat(poster).isNotEqualTo(oldPoster);
        assertThat(own.select("video").attr("poster")).isEqualTo(poster);
        assertThat(own.select("video").attr("data-src")).isEqualTo(MediaPaths.playlist(work, fx.mediaVersion(work)));
        assertThat(cacheControl(poster, owner.principal())).contains("private").doesNotContain("public");

        // A moderator sees it, is told why, and the opening is recorded (the page and the player).
        events.clear();
        Document staff = fx.page("/works/" + work, moderator);
        assertThat(staff.text()).contains("Only your moderator role lets you see this work");
        assertThat(fx.statusOf(MediaPaths.playlist(work, fx.mediaVersion(work)), moderator))
                .isEqualTo(200);
        assertThat(events.stream(ModeratorOpenedContent.class)).hasSize(2).allSatisfy(opened -> {
            assertThat(opened.moderator()).isEqualTo(moderator.id());
            assertThat(opened.ref()).isEqualTo(new ContentRef(ContentKind.WORK, work));
        });

        moderate(work, ModerationState.VISIBLE);
        assertReachable(work, "Harbour Lights", true);
        assertThat(fx.page("/works/" + work, owner.principal()).text()).doesNotContain("Hidden by the moderators");
        // Public again, at its new URL, cached for good; the old URL stays dead.
        assertThat(cacheControl(MediaPaths.poster(work, fx.mediaVersion(work)), null))
                .contains("public")
                .contains("immutable");
        assertThat(fx.statusOf(oldPoster, null)).isEqualTo(404);
        // A moderator opening a visible work is nothing to record.
        events.clear();
        fx.page("/works/" + work, moderator);
        assertThat(events.stream(ModeratorOpenedContent.class)).isEmpty();
    }

    @Test
    void moderatorsSeeAWorkAndACommentAsTheyAreNowInAnyState() throws Exception {
        long work = fx.publishedWork(owner, "Harbour Lights", "PUBLIC");
        long comment = fx.comment(work, friend, "Lovely grade");
        moderate(work, ModerationState.HIDDEN);

        ContentSnapshot shot =
                moderation.snapshot(new ContentRef(ContentKind.WORK, work)).orElseThrow();
        assertThat(shot.author()).isEqualTo(MemberId.of(owner.id()));
        assertThat(shot.title()).isEqualTo("Harbour Lights");
        assertThat(shot.path()).isEqualTo("/works/" + work);
        assertThat(shot.imagePath()).isEqualTo(MediaPaths.poster(work, fx.mediaVersion(work)));
        assertThat(shot.state()).isEqualTo(ModerationState.HIDDEN);
        assertThat(fx.statusOf(shot.imagePath(), moderator)).isEqualTo(200);

        ContentSnapshot said = moderation
                .snapshot(new ContentRef(ContentKind.COMMENT, comment))
                .orElseThrow();
        assertThat(said.author()).isEqualTo(MemberId.of(friend.id()));
        assertThat(said.text()).isEqualTo("Lovely grade");
        assertThat(said.path()).isEqualTo("/works/" + work + "#comment-" + comment);
        assertThat(said.state()).isEqualTo(ModerationState.VISIBLE);
        assertThat(fx.page(said.path(), moderator).select("#comment-" + comment).text())
                .contains("Lovely grade");

        assertThat(moderation.snapshot(new ContentRef(ContentKind.WORK, Long.MAX_VALUE)))
                .isEmpty();
        assertThat(moderation.moderate(new ContentRef(ContentKind.COMMENT, Long.MAX_VALUE), ModerationState.HIDDEN))
                .isFalse();
    }

    @Test
    void aRemovedWorkIsGoneForItsAuthorToo() throws Exception {
        long work = fx.publishedWork(owner, "Evidence", "PUBLIC");
        moderate(work, ModerationState.REMOVED);
        assertThat(fx.statusOf("/works/" + work, owner.principal())).isEqualTo(404);
        assertThat(fx.statusOf("/works/" + work + "/status", owner.principal())).isEqualTo(404);
        assertThat(fx.statusOf("/works/" + work + "/edit", owner.principal())).isEqualTo(404);
        assertThat(worksApi.worksOf(MemberId.of(owner.id()), MemberId.of(owner.id()), 0, 12)
                        .items())
                .isEmpty();
        assertThat(fx.statusOf("/works/" + work, moderator)).isEqualTo(200);
    }

    @Test
    void narrowingAWorksVisibilityChangesItsMediaUrlsAndCachesThemPrivately() throws Exception {
        long work = fx.publishedWork(owner, "Night Exterior", "PUBLIC");
        String segment = MediaPaths.base(work, fx.mediaVersion(work)) + "hls/360/seg_00000.m4s";
        assertThat(cacheControl(segment, friend.principal())).contains("public", "immutable");

        mvc.perform(post("/works/" + work)
                .with(user(owner.principal()))
                .with(csrf())
                .param("title", "Night Exterior")
                .param("type", "SHORT")
                .param("visibility", "CONNECTIONS"));
        assertThat(fx.statusOf(segment, friend.principal())).isEqualTo(404);
        String current = MediaPaths.base(work, fx.mediaVersion(work)) + "hls/360/seg_00000.m4s";
        assertThat(cacheControl(current, friend.principal()))
                .contains("private")
                .doesNotContain("public");
        assertThat(fx.page("/", friend.principal())
                        .select("[data-feed-entries] img")
                        .attr("src"))
                .isEqualTo(MediaPaths.poster(work, fx.mediaVersion(work)));
    }

    @Test
    void aHeldWorkWaitsForReviewSeenOnlyByItsAuthor() throws Exception {
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        RootBeanDefinition holdsEverything =
                new RootBeanDefinition(ReviewPolicy.class, () -> (author, kind) -> kind == ContentKind.WORK);
        holdsEverything.setPrimary(true); // wins over a real policy, should the context have one
        beans.registerBeanDefinition("holdEverythingForTest", holdsEverything);
        long work;
        try {
            events.clear();
            work = fx.publishedWork(owner, "First Cut", "PUBLIC");
        } finally {
            beans.removeBeanDefinition("holdEverythingForTest");
        }
        assertThat(fx.state(work)).isEqualTo("HELD");
        assertThat(events.stream(ContentHeldForReview.class))
                .containsExactly(
                        new ContentHeldForReview(new ContentRef(ContentKind.WORK, work), MemberId.of(owner.id())));
        assertThat(fx.page("/works/" + work, owner.principal()).text())
                .contains("Waiting for review — only you can see it until a moderator approves it");
        // Published (its video plays), yet only its author's own feed shows it and nobody else
        // reaches it.
        assertReachable(work, "First Cut", false);
        assertThat(fx.feed(owner)).containsExactly("Ida Owner shared a new work: First Cut");

        moderate(work, ModerationState.VISIBLE);
        assertThat(fx.feed(friend)).containsExactly("Ida Owner shared a new work: First Cut");
        assertThat(fx.statusOf("/works/" + work, stranger.principal())).isEqualTo(200);
    }

    String cacheControl(String path, CurrentMember viewer) throws Exception {
        var request = get(path);
        if (viewer != null) {
            request = request.with(user(viewer));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getHeader("Cache-Control");
    }
}

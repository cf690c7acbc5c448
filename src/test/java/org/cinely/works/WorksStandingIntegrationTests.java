package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.cinely.platform.security.CurrentMember;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hidden comments vanish from the work page, the owner's feed and notifications; an author's
 * standing reaches all they wrote (suspended: nothing shows; limited: connections only) and
 * reinstating them leaves what moderators hid one by one hidden.
 */
@CinelyIntegrationTest
class WorksStandingIntegrationTests {

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
    WorksContentModeration moderation;

    @Autowired
    WorksApi worksApi;

    @Autowired
    WorkSocial social;

    @Autowired
    WorkRepository repository;

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

    String comments(long work, CurrentMember viewer) throws Exception {
        return fx.page("/works/" + work, viewer).select("#comments").text();
    }

    @Test
    void aHiddenCommentLeavesThePageTheFeedAndTheNotificationsUntilRestored() throws Exception {
        long work = fx.publishedWork(owner, "Harbour Lights", "PUBLIC");
        long comment = fx.comment(work, friend, "Great light in the second shot");
        assertThat(comments(work, stranger.principal())).contains("Great light", "Comments (1)");
        assertThat(fx.notifications(owner)).containsExactly("Fritz Friend commented on Harbour Lights");
        assertThat(fx.feed(owner)).contains("Fritz Friend commented on your work Harbour Lights");

        moderation.moderate(new ContentRef(ContentKind.COMMENT, comment), ModerationState.HIDDEN);
        assertThat(comments(work, stranger.principal()))
                .doesNotContain("Great light")
                .contains("Comments (0)");
        assertThat(comments(work, owner.principal())).doesNotContain("Great light");
        assertThat(fx.notifications(owner)).isEmpty();
        assertThat(fx.feed(owner)).noneMatch(entry -> entry.contains("commented"));
        assertThat(worksApi.visibleComments(MemberId.of(owner.id()), List.of(comment)))
                .isEmpty();
        // Its author and the moderators still see it, marked.
        assertThat(comments(work, friend.principal())).contains("Great light", "Hidden by the moderators");
        assertThat(comments(work, moderator)).contains("Great light", "Hidden by the moderators");

        moderation.moderate(new ContentRef(ContentKind.COMMENT, comment), ModerationState.VISIBLE);
        assertThat(comments(work, stranger.principal())).contains("Great light").doesNotContain("Hidden by");
        assertThat(fx.notifications(owner)).containsExactly("Fritz Friend commented on Harbour Lights");
        assertThat(worksApi.visibleComments(MemberId.of(owner.id()), List.of(comment)))
                .containsExactly(comment);
    }

    /** The mail goes out after the notification was written: it asks again, and a hidden comment's is dropped. */
    @Test
    void aCommentHiddenBeforeItsMailWentIsNotMailed() throws Exception {
        long work = fx.publishedWork(owner, "Harbour Lights", "PUBLIC");
        mvc.perform(post("/settings/notifications")
                .with(user(owner.principal()))
                .with(csrf())
                .param("email-work-commented", "instant"));
        fx.comment(work, friend, "A fair comment");
        awaitMailStates("SENT");

        tx.executeWithoutResult(status -> {
            long spam = social.comment(repository.findById(work).orElseThrow(), stranger.principal(), "Buy followers");
            moderation.moderate(new ContentRef(ContentKind.COMMENT, spam), ModerationState.HIDDEN);
        });
        awaitMailStates("SENT", "FAILED");
        assertThat(data.jdbc()
                        .queryForList(
                                "select last_error from notification_mail where recipient_id = ? and state = 'FAILED'",
                                String.class,
                                owner.id()))
                .containsExactly("no longer visible to the recipient");
    }

    void awaitMailStates(String... states) {
        Awaitility.await("notification mail to the owner")
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> data.jdbc()
                                .queryForList(
                                        "select state from notification_mail where recipient_id = ? order by id",
                                        String.class,
                                        owner.id()),
                        List.of(states)::equals);
    }

    @Test
    void suspensionHidesAllTheMembersWorkAndReinstatementLeavesIndividualDecisions() throws Exception {
        long shown = fx.publishedWork(owner, "Kept", "PUBLIC");
        long hidden = fx.publishedWork(owner, "Taken Down", "PUBLIC");
        long friendsWork = fx.publishedWork(friend, "Friend's Film", "PUBLIC");
        fx.comment(friendsWork, owner, "Proud to have crewed this");
        moderation.moderate(new ContentRef(ContentKind.WORK, hidden), ModerationState.HIDDEN);
        int version = fx.mediaVersion(shown);

        moderation.applyStanding(MemberId.of(owner.id()), Standing.SUSPENDED);
        assertThat(fx.statusOf("/works/" + shown, stranger.principal())).isEqualTo(404);
        assertThat(fx.statusOf("/works/" + shown, friend.principal())).isEqualTo(404);
        assertThat(worksApi.visibleCards(MemberId.of(friend.id()), List.of(shown, hidden)))
                .isEmpty();
        assertThat(comments(friendsWork, stranger.principal())).doesNotContain("Proud to have crewed");
        assertThat(fx.mediaVersion(shown)).isGreaterThan(version);
        assertThat(fx.statusOf("/works/" + shown, moderator)).isEqualTo(200);

        moderation.applyStanding(MemberId.of(owner.id()), Standing.ACTIVE);
        assertThat(fx.statusOf("/works/" + shown, stranger.principal())).isEqualTo(200);
        assertThat(fx.statusOf("/works/" + hidden, stranger.principal())).isEqualTo(404);
        assertThat(comments(friendsWork, stranger.principal())).contains("Proud to have crewed");
        assertThat(worksApi.visibleCards(MemberId.of(friend.id()), List.of(shown, hidden)))
                .containsOnlyKeys(shown);
    }

    @Test
    void aLimitedMembersPublicWorkAndCommentsReachOnlyTheirConnections() throws Exception {
        long work = fx.publishedWork(owner, "Small Circle", "PUBLIC");
        long strangersWork = fx.publishedWork(stranger, "Open Film", "PUBLIC");
        TestMembers.Member third = new TestMembers(data.jdbc(), encoder).create("Theo Third");

        moderation.applyStanding(MemberId.of(owner.id()), Standing.LIMITED);
        fx.comment(strangersWork, owner, "Nice framing");
        assertThat(fx.statusOf("/works/" + work, friend.principal())).isEqualTo(200);
        assertThat(fx.statusOf("/works/" + work, stranger.principal())).isEqualTo(404);
        assertThat(fx.statusOf("/works/" + work, null)).isEqualTo(404);
        assertThat(fx.page("/works", null).select("a[href=\"/works/" + work + "\"]"))
                .isEmpty();
        assertThat(worksApi.visibleCards(MemberId.of(friend.id()), List.of(work)))
                .containsOnlyKeys(work);
        assertThat(worksApi.visibleCards(MemberId.of(third.id()), List.of(work)))
                .isEmpty();
        // Served privately now, since not everyone may watch it.
        Document page = fx.page("/works/" + work, friend.principal());
        assertThat(fx.statusOf(page.select("video").attr("poster"), friend.principal()))
                .isEqualTo(200);
        // A comment written while limited starts limited: the commenter's connections see it.
        assertThat(comments(strangersWork, friend.principal())).contains("Nice framing");
        assertThat(comments(strangersWork, third.principal())).doesNotContain("Nice framing");
        assertThat(comments(strangersWork, owner.principal())).contains("Nice framing");

        // A work made while limited starts limited too.
        long later = fx.publishedWork(owner, "Made While Limited", "PUBLIC");
        assertThat(fx.statusOf("/works/" + later, third.principal())).isEqualTo(404);
        assertThat(fx.statusOf("/works/" + later, friend.principal())).isEqualTo(200);
    }
}

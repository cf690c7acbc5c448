package org.cinely.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.cinely.accounts.AccountsApi;
import org.cinely.connections.ConnectionRequested;
import org.cinely.connections.ConnectionWithdrawn;
import org.cinely.connections.ConnectionsApi;
import org.cinely.jobs.JobsApi;
import org.cinely.platform.MemberId;
import org.cinely.profiles.ProfilesApi;
import org.cinely.works.WorkLiked;
import org.cinely.works.WorkUnliked;
import org.cinely.works.WorksApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The feed module alone (with platform), driven by other modules' events: each becomes one
 * notification for the member it concerns (a redelivered event adds none), queued for e-mail by
 * the kind's default, and an undone action takes its notification back. The modules feed reads
 * are stand-ins here; the full-stack tests use the real ones.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class FeedModuleIntegrationTests {

    @MockitoBean
    AccountsApi accounts;

    @MockitoBean
    ConnectionsApi connections;

    @MockitoBean
    JobsApi jobs;

    @MockitoBean
    ProfilesApi profiles;

    @MockitoBean
    WorksApi works;

    @Autowired
    JdbcTemplate jdbc;

    final MemberId asker = someMember();
    final MemberId recipient = someMember();

    private static MemberId someMember() {
        return MemberId.of(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));
    }

    @AfterEach
    void removeTheirRows() {
        new FeedTestData(jdbc).removeMembersAfter(999_999_999L);
    }

    private boolean everyListenerDone() {
        Integer open = jdbc.queryForObject(
                "select count(*) from EVENT_PUBLICATION where COMPLETION_DATE is null", Integer.class);
        return open != null && open == 0;
    }

    private List<Map<String, Object>> notificationsOf(MemberId member) {
        return jdbc.queryForList(
                "select kind, actor_id, link from notifications where recipient_id = ? order by id", member.value());
    }

    private int mailQueuedFor(MemberId member) {
        return jdbc.queryForObject(
                "select count(*) from notification_mail where recipient_id = ?", Integer.class, member.value());
    }

    @Test
    void aConnectionRequestRingsOnceAndIsTakenBackWhenWithdrawn(Scenario scenario) {
        long request = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        scenario.publish(new ConnectionRequested(request, asker, recipient))
                .andWaitForStateChange(() -> notificationsOf(recipient), rows -> !rows.isEmpty())
                .andVerify(rows -> {
                    assertThat(rows).singleElement().satisfies(row -> {
                        assertThat(row.get("kind")).isEqualTo("CONNECTION_REQUESTED");
                        assertThat(row.get("actor_id")).isEqualTo(asker.value());
                        assertThat(row.get("link")).isEqualTo("/connections/requests");
                    });
                    // A request is mailed at once by default.
                    assertThat(mailQueuedFor(recipient)).isEqualTo(1);
                });

        scenario.publish(new ConnectionRequested(request, asker, recipient))
                .andWaitForStateChange(this::everyListenerDone)
                .andVerify(done -> {
                    assertThat(notificationsOf(recipient)).hasSize(1);
                    assertThat(mailQueuedFor(recipient)).isEqualTo(1);
                });

        scenario.publish(new ConnectionWithdrawn(request, asker, recipient))
                .andWaitForStateChange(() -> notificationsOf(recipient), List::isEmpty)
                .andVerify(rows -> assertThat(rows).isEmpty());
    }

    @Test
    void aLikeNotifiesTheOwnerButNotALikerOfTheirOwnWorkAndAnUnlikeTakesItBack(Scenario scenario) {
        long work = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        scenario.publish(new WorkLiked(work, recipient, recipient, "Night Exterior"))
                .andWaitForStateChange(this::everyListenerDone)
                .andVerify(done -> assertThat(notificationsOf(recipient)).isEmpty());

        scenario.publish(new WorkLiked(work, recipient, asker, "Night Exterior"))
                .andWaitForStateChange(() -> notificationsOf(recipient), rows -> !rows.isEmpty())
                .andVerify(rows -> {
                    assertThat(rows).singleElement().satisfies(row -> {
                        assertThat(row.get("kind")).isEqualTo("WORK_LIKED");
                        assertThat(row.get("link")).isEqualTo("/works/" + work + "#likes");
                    });
                    assertThat(mailQueuedFor(recipient))
                            .as("likes are not mailed by default")
                            .isZero();
                });

        scenario.publish(new WorkUnliked(work, recipient, asker))
                .andWaitForStateChange(() -> notificationsOf(recipient), List::isEmpty)
                .andVerify(rows -> assertThat(rows).isEmpty());
    }
}

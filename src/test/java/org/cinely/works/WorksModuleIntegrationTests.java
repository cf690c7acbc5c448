package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.cinely.accounts.AccountsApi;
import org.cinely.media.MediaApi;
import org.cinely.media.MediaBecamePlayable;
import org.cinely.media.TranscodeFailed;
import org.cinely.platform.MemberId;
import org.cinely.platform.ProductionType;
import org.cinely.platform.moderation.Standing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The works module alone (with platform), driven by what media tells it about a work's video:
 * playable publishes the work once, a failed or refused transcode reaches its owner, and the work
 * itself announces a visibility change. The modules works calls are stand-ins here.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class WorksModuleIntegrationTests {

    /** Every WorkPublished this context saw, to count a redelivery's. */
    static class Published {
        final List<WorkPublished> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(WorkPublished event) {
            events.add(event);
        }
    }

    @TestConfiguration
    static class Listening {
        @Bean
        Published published() {
            return new Published();
        }
    }

    @MockitoBean
    AccountsApi accounts;

    @MockitoBean
    MediaApi media;

    @Autowired
    WorkRepository works;

    @Autowired
    Published published;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    private final List<Long> made = new CopyOnWriteArrayList<>();

    @AfterEach
    void removeWorks() {
        made.forEach(id -> jdbc.update("delete from works where id = ?", id));
    }

    private boolean everyListenerDone() {
        Integer open = jdbc.queryForObject(
                "select count(*) from EVENT_PUBLICATION where COMPLETION_DATE is null", Integer.class);
        return open != null && open == 0;
    }

    /** A public work by a random member with a video being transcoded (asset id = a random number). */
    private Work workWithVideo(long assetId) {
        MemberId owner = MemberId.of(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));
        Work work = tx.execute(status -> {
            Work fresh = new Work(owner, Standing.ACTIVE, Instant.now());
            fresh.describe(
                    new WorkForm("Night Exterior", "", ProductionType.SHORT, 2026, "", "", Visibility.PUBLIC),
                    Instant.now());
            fresh = works.save(fresh);
            fresh.attach(assetId, Instant.now());
            return works.save(fresh);
        });
        made.add(work.getId());
        return work;
    }

    private static long someAsset() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
    }

    @Test
    void aPlayableVideoPublishesItsWorkOnceEvenWhenTheEventComesTwice(Scenario scenario) {
        long asset = someAsset();
        Work work = workWithVideo(asset);
        scenario.publish(new MediaBecamePlayable(asset, "work:" + work.getId()))
                .andWaitForEventOfType(WorkPublished.class)
                .matching(event -> event.workId() == work.getId())
                .toArriveAndVerify(event -> {
                    assertThat(event.owner()).isEqualTo(work.getOwner());
                    assertThat(event.title()).isEqualTo("Night Exterior");
                    assertThat(event.visibility()).isEqualTo(Visibility.PUBLIC);
                });
        Instant firstPublished = works.findById(work.getId()).orElseThrow().getPublishedAt();
        assertThat(firstPublished).isNotNull();

        scenario.publish(new MediaBecamePlayable(asset, "work:" + work.getId()))
                .andWaitForStateChange(this::everyListenerDone)
                .andVerify(done -> {
                    assertThat(published.events.stream().filter(e -> e.workId() == work.getId()))
                            .hasSize(1);
                    assertThat(works.findById(work.getId()).orElseThrow().getPublishedAt())
                            .isEqualTo(firstPublished);
                });
    }

    @Test
    void aFailedTranscodeIsPassedOnToTheWorksOwnerWithItsReason(Scenario scenario) {
        long asset = someAsset();
        Work work = workWithVideo(asset);
        scenario.publish(new TranscodeFailed(asset, work.getOwner(), "work:" + work.getId(), "media.failed.corrupt"))
                .andWaitForEventOfType(WorkTranscodeFailed.class)
                .matching(event -> event.workId() == work.getId())
                .toArriveAndVerify(event -> {
                    assertThat(event.owner()).isEqualTo(work.getOwner());
                    assertThat(event.reasonKey()).isEqualTo("media.failed.corrupt");
                });
        assertThat(works.findById(work.getId()).orElseThrow().isPlayable()).isFalse();
    }

    @Test
    void aWorkAnnouncesItsOwnVisibilityChangeWhenSaved(Scenario scenario) {
        Work work = workWithVideo(someAsset());
        scenario.stimulate(() -> tx.executeWithoutResult(status -> {
                    Work loaded = works.findById(work.getId()).orElseThrow();
                    loaded.describe(
                            new WorkForm(
                                    "Night Exterior", "", ProductionType.SHORT, 2026, "", "", Visibility.CONNECTIONS),
                            Instant.now());
                    works.save(loaded);
                }))
                .andWaitForEventOfType(WorkVisibilityChanged.class)
                .matching(event -> event.workId() == work.getId())
                .toArriveAndVerify(event -> {
                    assertThat(event.before()).isEqualTo(Visibility.PUBLIC);
                    assertThat(event.after()).isEqualTo(Visibility.CONNECTIONS);
                    assertThat(event.narrowed()).isTrue();
                });
        // Narrowed: its media URLs moved on, so a shared cache's public copy is never linked again.
        assertThat(works.findById(work.getId()).orElseThrow().getMediaVersion()).isEqualTo(2);
    }
}

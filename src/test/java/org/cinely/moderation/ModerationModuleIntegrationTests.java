package org.cinely.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.cinely.accounts.AccountsApi;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentHeldForReview;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentModeration;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ContentSnapshot;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The moderation module alone (with platform): a held item opens a case, approving it publishes
 * the decision and lets the member's next items through, a redelivered event opens nothing twice.
 * Content is a stand-in port here; the full-stack tests use the real content modules.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class ModerationModuleIntegrationTests {

    /** Works as a map: enough of a content module for moderation to act on. */
    static class StandInWorks implements ContentModeration {
        final Map<Long, ContentSnapshot> items = new ConcurrentHashMap<>();

        @Override
        public Set<ContentKind> kinds() {
            return Set.of(ContentKind.WORK);
        }

        @Override
        public Optional<ContentSnapshot> snapshot(ContentRef ref) {
            return Optional.ofNullable(items.get(ref.id()));
        }

        @Override
        public boolean moderate(ContentRef ref, ModerationState state) {
            ContentSnapshot now = items.get(ref.id());
            if (now == null) {
                return false;
            }
            items.put(
                    ref.id(),
                    new ContentSnapshot(
                            ref, now.author(), now.title(), now.text(), now.path(), null, state, now.createdAt()));
            return true;
        }

        @Override
        public void applyStanding(MemberId author, Standing standing) {}
    }

    @TestConfiguration
    static class Content {
        @Bean
        StandInWorks standInWorks() {
            return new StandInWorks();
        }
    }

    @MockitoBean
    AccountsApi accounts;

    @Autowired
    StandInWorks works;

    @Autowired
    CaseRepository cases;

    @Autowired
    Decisions decisions;

    @Autowired
    ModerationSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    private boolean everyListenerDone() {
        Integer open = jdbc.queryForObject(
                "select count(*) from EVENT_PUBLICATION where COMPLETION_DATE is null", Integer.class);
        return open != null && open == 0;
    }

    @Test
    void aHeldWorkWaitsInTheQueueUntilApprovedAndThenTheAuthorsNextWorksGoStraightOut(Scenario scenario) {
        long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        MemberId author = MemberId.of(id);
        MemberId moderator = MemberId.of(id + 1);
        ContentRef work = new ContentRef(ContentKind.WORK, id);
        works.items.put(
                id,
                new ContentSnapshot(
                        work, author, "First reel", "", "/works/" + id, null, ModerationState.HELD, Instant.now()));
        when(accounts.findMember(any())).thenReturn(Optional.empty());
        settings.holdFirstItems(true, moderator);
        try {
            assertThat(settings.holdsForReview(author, ContentKind.WORK)).isTrue();

            scenario.publish(new ContentHeldForReview(work, author))
                    .andWaitForStateChange(() -> cases.findByOpenKey(ModerationCase.openKey(work)))
                    .andVerify(held -> assertThat(held)
                            .get()
                            .extracting(ModerationCase::getReason)
                            .isEqualTo(ModerationCase.Reason.HELD));
            scenario.publish(new ContentHeldForReview(work, author))
                    .andWaitForStateChange(this::everyListenerDone)
                    .andVerify(done -> assertThat(jdbc.queryForObject(
                                    "select count(*) from moderation_cases where target_id = ?", Integer.class, id))
                            .isOne());

            long caseId = cases.findByOpenKey(ModerationCase.openKey(work))
                    .orElseThrow()
                    .getId();
            scenario.stimulate(() -> decisions.decideCase(
                            caseId, new Decisions.Command(Action.APPROVE, null, "Fine.", "", null), moderator))
                    .andWaitForEventOfType(DecisionTaken.class)
                    .matching(taken -> taken.member().equals(author))
                    .toArriveAndVerify(taken -> {
                        assertThat(taken.action()).isEqualTo(Action.APPROVE);
                        assertThat(taken.link()).startsWith("/moderation/statement/");
                    });
            assertThat(works.items.get(id).state()).isEqualTo(ModerationState.VISIBLE);
            assertThat(cases.findById(caseId).orElseThrow().isOpen()).isFalse();
            assertThat(settings.holdsForReview(author, ContentKind.WORK))
                    .as("approved once, trusted since")
                    .isFalse();
            assertThat(settings.holdsForReview(author, ContentKind.JOB))
                    .as("a first job still waits")
                    .isTrue();
        } finally {
            settings.holdFirstItems(false, moderator);
        }
    }
}

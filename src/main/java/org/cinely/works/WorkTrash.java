package org.cinely.works;

import static org.cinely.works.jooq.Tables.WORKS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.cinely.media.MediaApi;
import org.cinely.platform.MemberId;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The owner's trash: a deleted work stays {@link #KEPT} (30 days) and can be restored; then the
 * purge removes its row (credits, likes and comments go with it) and its media through {@link
 * MediaApi#delete}, and publishes {@link WorkDeleted} so the feed drops its entries. Safe on
 * several nodes: each work is claimed with {@code FOR UPDATE SKIP LOCKED} in its own transaction,
 * so two nodes never purge the same one and a failure leaves the others done. In jOOQ for the
 * skip-locked claim, which JPA cannot express.
 */
@Component
class WorkTrash {

    static final Duration KEPT = Duration.ofDays(30);

    /** A trashed work as its owner sees it on "Recently deleted". */
    record Trashed(long id, String title, Instant deletedAt, Instant purgedAt) {

        public long daysLeft(Instant now) {
            // Rounded up: just deleted is "30 days", the last hours are "less than a day" (0).
            long seconds = Duration.between(now, purgedAt).getSeconds();
            return seconds <= 0 ? 0 : seconds < 86_400 ? 0 : (seconds + 86_399) / 86_400;
        }
    }

    private final DSLContext dsl;
    private final WorkRepository works;
    private final MediaApi media;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WorkTrash(
            DSLContext dsl,
            WorkRepository works,
            MediaApi media,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.dsl = dsl;
        this.works = works;
        this.media = media;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The member's trashed works, most recently deleted first (a member's trash is small: 200 at most shown). */
    @Transactional(readOnly = true)
    List<Trashed> of(MemberId owner) {
        return dsl.select(WORKS.ID, WORKS.TITLE, WORKS.DELETED_AT)
                .from(WORKS)
                .where(WORKS.OWNER_ID.eq(owner.value()))
                .and(WORKS.DELETED_AT.isNotNull())
                .orderBy(WORKS.DELETED_AT.desc(), WORKS.ID.desc())
                .limit(200)
                .fetch(r -> {
                    Instant deleted = r.value3().toInstant(ZoneOffset.UTC);
                    return new Trashed(r.value1(), r.value2(), deleted, deleted.plus(KEPT));
                });
    }

    Instant now() {
        return clock.instant();
    }

    @Scheduled(fixedDelayString = "${cinely.works.trash-purge:PT1H}", initialDelayString = "PT1M")
    void purge() {
        purge(clock.instant());
    }

    /** Removes for good every work trashed more than {@link #KEPT} before {@code now}; the count removed. */
    int purge(Instant now) {
        LocalDateTime cutoff = LocalDateTime.ofInstant(now.minus(KEPT), ZoneOffset.UTC);
        int removed = 0;
        for (; ; ) {
            Boolean done = transactions.execute(status -> {
                Long id = dsl.select(WORKS.ID)
                        .from(WORKS)
                        .where(WORKS.DELETED_AT.lt(cutoff))
                        .orderBy(WORKS.DELETED_AT)
                        .limit(1)
                        .forUpdate()
                        .skipLocked()
                        .fetchOne(WORKS.ID);
                if (id == null) {
                    return true;
                }
                removeForGood(works.findById(id).orElseThrow());
                return false;
            });
            if (Boolean.TRUE.equals(done)) {
                return removed;
            }
            removed++;
        }
    }

    /**
     * Removes a work for good, now: its media files, its row (credits, likes and comments go with
     * it) and, through {@link WorkDeleted}, the feed's entries. The purge's step, and an erased
     * account's works (which skip the trash).
     */
    void removeForGood(Work work) {
        if (work.getMediaAssetId() != null) {
            media.delete(work.getMediaAssetId());
        }
        works.delete(work);
        works.flush();
        events.publishEvent(new WorkDeleted(work.getId(), work.getOwner()));
    }
}

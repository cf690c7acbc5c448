package org.cinely.moderation;

import static org.cinely.moderation.jooq.Tables.AUDIT_HEAD;
import static org.cinely.moderation.jooq.Tables.AUDIT_LOG;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.cinely.moderation.jooq.tables.records.AuditLogRecord;
import org.cinely.platform.MemberId;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of every moderator and admin action. Each entry's hash covers the
 * previous entry's hash and its own fields, so changing or deleting any row breaks the chain at
 * that point; {@link #verify} walks it and names the first broken entry. Appends lock the single
 * {@code audit_head} row, so entries from several nodes chain one after another.
 */
@Component
class AuditLog {

    /** An entry as pages show it. */
    record Entry(
            long id,
            Instant at,
            MemberId actor,
            String action,
            String target,
            String reason,
            String details,
            String hash) {}

    /** The result of walking the chain: intact, or the first entry where it breaks and why. */
    record Verification(boolean intact, long entries, Long brokenAt, String problem) {

        static Verification ok(long entries) {
            return new Verification(true, entries, null, null);
        }

        static Verification broken(long entries, long at, String problem) {
            return new Verification(false, entries, at, problem);
        }
    }

    static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 1000;

    private final DSLContext dsl;
    private final Clock clock;

    AuditLog(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Adds an entry in the caller's transaction (so it exists exactly when the action does). */
    @Transactional(propagation = Propagation.MANDATORY)
    void append(MemberId actor, String action, Object target, String reason, String details) {
        var head = dsl.selectFrom(AUDIT_HEAD)
                .where(AUDIT_HEAD.ID.eq(1))
                .forUpdate()
                .fetchSingle();
        long id = Math.max(head.getLastId(), lastRowId()) + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String targetText = target == null ? null : cut(target.toString(), 60);
        String reasonText = reason == null ? null : cut(reason, 1000);
        String detailsText = details == null ? null : cut(details, 2000);
        Long actorId = actor == null ? null : actor.value();
        String hash = hash(head.getLastHash(), id, at, actorId, action, targetText, reasonText, detailsText);
        dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ID, id)
                .set(AUDIT_LOG.AT, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
                .set(AUDIT_LOG.ACTOR_ID, actorId)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.TARGET, targetText)
                .set(AUDIT_LOG.REASON, reasonText)
                .set(AUDIT_LOG.DETAILS, detailsText)
                .set(AUDIT_LOG.PREV_HASH, head.getLastHash())
                .set(AUDIT_LOG.HASH, hash)
                .execute();
        dsl.update(AUDIT_HEAD)
                .set(AUDIT_HEAD.LAST_ID, id)
                .set(AUDIT_HEAD.LAST_HASH, hash)
                .set(AUDIT_HEAD.ENTRIES, AUDIT_HEAD.ENTRIES.plus(1))
                .where(AUDIT_HEAD.ID.eq(1))
                .execute();
    }

    /** Holds the chain's head for the rest of the transaction: moderation steps that must not run twice at once take it first. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockChain() {
        dsl.select(AUDIT_HEAD.ID)
                .from(AUDIT_HEAD)
                .where(AUDIT_HEAD.ID.eq(1))
                .forUpdate()
                .fetch();
    }

    private long lastRowId() {
        Record1<Long> max =
                dsl.select(org.jooq.impl.DSL.max(AUDIT_LOG.ID)).from(AUDIT_LOG).fetchOne();
        return max == null || max.value1() == null ? 0 : max.value1();
    }

    /** Newest first, {@code size} entries before entry {@code before} (null: from the newest). */
    @Transactional(readOnly = true)
    List<Entry> page(Long before, int size) {
        return dsl.selectFrom(AUDIT_LOG)
                .where(before == null ? org.jooq.impl.DSL.noCondition() : AUDIT_LOG.ID.lt(before))
                .orderBy(AUDIT_LOG.ID.desc())
                .limit(size)
                .fetch(AuditLog::entry);
    }

    /** Walks the whole chain in id order, recomputing every hash. */
    @Transactional(readOnly = true)
    Verification verify() {
        var head = dsl.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
        String expectedPrev = GENESIS;
        long seen = 0;
        long after = 0;
        while (true) {
            List<AuditLogRecord> batch = dsl.selectFrom(AUDIT_LOG)
                    .where(AUDIT_LOG.ID.gt(after))
                    .orderBy(AUDIT_LOG.ID)
                    .limit(BATCH)
                    .fetch();
            for (AuditLogRecord row : batch) {
                seen++;
                if (!row.getPrevHash().equals(expectedPrev)) {
                    return Verification.broken(seen, row.getId(), "missing-before");
                }
                String recomputed = hash(
                        row.getPrevHash(),
                        row.getId(),
                        row.getAt().toInstant(ZoneOffset.UTC),
                        row.getActorId(),
                        row.getAction(),
                        row.getTarget(),
                        row.getReason(),
                        row.getDetails());
                if (!recomputed.equals(row.getHash())) {
                    return Verification.broken(seen, row.getId(), "changed");
                }
                expectedPrev = row.getHash();
                after = row.getId();
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (!expectedPrev.equals(head.getLastHash()) || seen != head.getEntries()) {
            // The newest entries were deleted: the head still remembers the last hash it chained.
            return Verification.broken(seen, after + 1, "missing-after");
        }
        return Verification.ok(seen);
    }

    private static Entry entry(AuditLogRecord row) {
        return new Entry(
                row.getId(),
                row.getAt().toInstant(ZoneOffset.UTC),
                row.getActorId() == null ? null : MemberId.of(row.getActorId()),
                row.getAction(),
                row.getTarget(),
                row.getReason(),
                row.getDetails(),
                row.getHash());
    }

    static String hash(
            String prev, long id, Instant at, Long actor, String action, String target, String reason, String details) {
        // Length-prefixed fields: no value can be shifted into its neighbour without changing the hash.
        StringBuilder text = new StringBuilder(prev);
        for (Object field :
                new Object[] {id, at.truncatedTo(ChronoUnit.MICROS), actor, action, target, reason, details}) {
            String value = field == null ? "\u0000" : field.toString();
            text.append('|').append(value.length()).append(':').append(value);
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}

package org.cinely.moderation;

import static org.cinely.moderation.jooq.Tables.MODERATION_SETTINGS;

import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ReviewPolicy;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settings admins change at run time, kept in the database so every node agrees. For now one:
 * whether new members' first uploads and first job listings wait for review (off by default). A
 * member's items keep waiting until a moderator approves their first of that kind.
 */
@Component
class ModerationSettings implements ReviewPolicy {

    static final String HOLD_FIRST_ITEMS = "hold-first-items";

    private final DSLContext dsl;
    private final DecisionRepository decisions;
    private final AuditLog audit;

    ModerationSettings(DSLContext dsl, DecisionRepository decisions, AuditLog audit) {
        this.dsl = dsl;
        this.decisions = decisions;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean holdsForReview(MemberId author, ContentKind kind) {
        if (kind != ContentKind.WORK && kind != ContentKind.JOB) {
            return false;
        }
        return holdsFirstItems()
                && !decisions.existsByMemberIdAndActionAndTargetKind(author.value(), Action.APPROVE, kind);
    }

    @Transactional(readOnly = true)
    boolean holdsFirstItems() {
        return "true"
                .equals(dsl.select(MODERATION_SETTINGS.VALUE)
                        .from(MODERATION_SETTINGS)
                        .where(MODERATION_SETTINGS.NAME.eq(HOLD_FIRST_ITEMS))
                        .fetchOne(MODERATION_SETTINGS.VALUE));
    }

    @Transactional
    void holdFirstItems(boolean hold, MemberId admin) {
        dsl.insertInto(MODERATION_SETTINGS)
                .set(MODERATION_SETTINGS.NAME, HOLD_FIRST_ITEMS)
                .set(MODERATION_SETTINGS.VALUE, Boolean.toString(hold))
                .onDuplicateKeyUpdate()
                .set(MODERATION_SETTINGS.VALUE, Boolean.toString(hold))
                .execute();
        audit.append(admin, "setting.changed", HOLD_FIRST_ITEMS, null, Boolean.toString(hold));
    }
}

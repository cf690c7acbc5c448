package org.cinely.accounts;

import static org.cinely.accounts.jooq.Tables.ACCOUNTS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.cinely.platform.search.Sql;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's member list. In jOOQ because it is a read-only, filtered, paginated projection over
 * the whole table with a count: JPA would load entities (and their version) only to copy a few
 * columns out, and build the search condition by string.
 */
@Repository
class AdminMemberQueries {

    record AdminMemberRow(
            long id,
            String email,
            String handle,
            String displayName,
            Role role,
            AccountState state,
            String stateReason,
            boolean verified,
            Instant createdAt,
            Instant lastLoginAt) {}

    record AdminMemberPage(List<AdminMemberRow> rows, int total, int page, int pageSize) {

        public int pages() {
            return Math.max(1, (total + pageSize - 1) / pageSize);
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    private final DSLContext dsl;

    AdminMemberQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(readOnly = true)
    AdminMemberPage find(String query, AccountState state, int page, int pageSize) {
        Condition condition = DSL.trueCondition();
        if (query != null && !query.isBlank()) {
            String like = "%" + Sql.escapeLike(query.trim().toLowerCase(java.util.Locale.ROOT)) + "%";
            condition = condition.and(ACCOUNTS.EMAIL
                    .like(like, '!')
                    .or(ACCOUNTS.HANDLE.like(like, '!'))
                    .or(DSL.lower(ACCOUNTS.DISPLAY_NAME).like(like, '!')));
        }
        if (state != null) {
            condition = condition.and(ACCOUNTS.STATE.eq(state.name()));
        }
        int total = dsl.fetchCount(ACCOUNTS, condition);
        List<AdminMemberRow> rows = dsl.select(
                        ACCOUNTS.ID,
                        ACCOUNTS.EMAIL,
                        ACCOUNTS.HANDLE,
                        ACCOUNTS.DISPLAY_NAME,
                        ACCOUNTS.ROLE,
                        ACCOUNTS.STATE,
                        ACCOUNTS.STATE_REASON,
                        ACCOUNTS.EMAIL_VERIFIED_AT,
                        ACCOUNTS.CREATED_AT,
                        ACCOUNTS.LAST_LOGIN_AT)
                .from(ACCOUNTS)
                .where(condition)
                .orderBy(ACCOUNTS.CREATED_AT.desc(), ACCOUNTS.ID.desc())
                .limit(pageSize)
                .offset(page * pageSize)
                .fetch(r -> new AdminMemberRow(
                        r.get(ACCOUNTS.ID),
                        r.get(ACCOUNTS.EMAIL),
                        r.get(ACCOUNTS.HANDLE),
                        r.get(ACCOUNTS.DISPLAY_NAME),
                        Role.valueOf(r.get(ACCOUNTS.ROLE)),
                        AccountState.valueOf(r.get(ACCOUNTS.STATE)),
                        r.get(ACCOUNTS.STATE_REASON),
                        r.get(ACCOUNTS.EMAIL_VERIFIED_AT) != null,
                        r.get(ACCOUNTS.CREATED_AT).toInstant(ZoneOffset.UTC),
                        r.get(ACCOUNTS.LAST_LOGIN_AT) == null
                                ? null
                                : r.get(ACCOUNTS.LAST_LOGIN_AT).toInstant(ZoneOffset.UTC)));
        return new AdminMemberPage(rows, total, page, pageSize);
    }
}

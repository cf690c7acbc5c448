package org.cinely.accounts;

import static org.cinely.accounts.jooq.Tables.ACCOUNTS;
import static org.jooq.impl.DSL.count;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.cinely.platform.admin.AdminMetrics;
import org.cinely.platform.search.Sql;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Members on the admin dashboard: how many, new per day, active in the last 7 and 30 days (by log-in). */
@Component
class AccountsMetrics implements AdminMetrics {

    private final DSLContext dsl;

    AccountsMetrics(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Metric> metrics(LocalDate since, LocalDate today) {
        // Erased accounts (anonymised tombstones) are no longer members.
        int total = dsl.fetchCount(ACCOUNTS, ACCOUNTS.ERASED_AT.isNull());
        int active7 = dsl.fetchCount(
                ACCOUNTS,
                ACCOUNTS.LAST_LOGIN_AT.ge(
                        Sql.utc(today.minusDays(6).atStartOfDay().toInstant(ZoneOffset.UTC))));
        int active30 = dsl.fetchCount(
                ACCOUNTS,
                ACCOUNTS.LAST_LOGIN_AT.ge(
                        Sql.utc(today.minusDays(29).atStartOfDay().toInstant(ZoneOffset.UTC))));
        Field<LocalDate> day = ACCOUNTS.CREATED_AT.cast(SQLDataType.LOCALDATE);
        Map<LocalDate, Integer> joined = dsl.select(day, count())
                .from(ACCOUNTS)
                .where(ACCOUNTS.CREATED_AT.ge(Sql.utc(since.atStartOfDay().toInstant(ZoneOffset.UTC))))
                .groupBy(day)
                .fetchMap(day, count());
        return List.of(
                new Metric(
                        "admin.dashboard.members",
                        Integer.toString(total),
                        "admin.dashboard.members.active",
                        List.of(active7, active30),
                        null),
                new Metric(
                        "admin.dashboard.members.new",
                        Long.toString(joined.values().stream()
                                .mapToLong(Integer::longValue)
                                .sum()),
                        "admin.dashboard.last-30-days",
                        List.of(),
                        AdminMetrics.series(joined, since, today)));
    }
}

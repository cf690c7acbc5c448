package org.cinely.benchmark;

import static org.cinely.profiles.jooq.Tables.PROFILES;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.ThreadLocalRandom;
import org.cinely.platform.web.PublicPageCacheFilter;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page speed load test's yardsticks (issue 15), in test sources only and only when
 * {@code cinely.bench.baseline} is set ({@link PageSpeedBenchmark} sets it; test classes are
 * component-scanned in every integration test). Both go through the whole filter chain like every
 * page (security, session, CSRF cookie, headers): GET {@code /members/**} is open to everyone, and
 * a literal mapping wins over {@code /members/{handle}}.
 *
 * <ul>
 *   <li>{@code /members/bench-bare}: a Thymeleaf template and no query, the stack's floor;
 *   <li>{@code /members/bench-baseline}: the baseline every page is measured against, the same
 *       with one indexed jOOQ query on the 100,000-row profiles table (a random member's profile row
 *       by primary key).
 * </ul>
 */
@Controller
@ConditionalOnProperty("cinely.bench.baseline")
class BaselinePages {

    private final DSLContext dsl;
    private volatile long[] ids;

    BaselinePages(DSLContext dsl) {
        this.dsl = dsl;
    }

    @GetMapping("/members/bench-bare")
    String bare(Model model, HttpServletRequest request) {
        // Under /members/*, a public address: the yardsticks measure a render, never a kept page.
        PublicPageCacheFilter.neverKeep(request);
        model.addAttribute("number", ThreadLocalRandom.current().nextInt(1_000_000));
        return "bench/bare";
    }

    @GetMapping("/members/bench-baseline")
    String baseline(Model model, HttpServletRequest request) {
        PublicPageCacheFilter.neverKeep(request);
        long[] range = range();
        long id = ThreadLocalRandom.current().nextLong(range[0], range[1] + 1);
        // jOOQ like the app's read pages: one primary-key range read (the first profile from a
        // random id on, so a gap in the ids still finds a row).
        model.addAttribute(
                "profile",
                dsl.select(
                                PROFILES.HANDLE,
                                PROFILES.DISPLAY_NAME,
                                PROFILES.HEADLINE,
                                PROFILES.LOCATION_CITY,
                                PROFILES.LOCATION_COUNTRY)
                        .from(PROFILES)
                        .where(PROFILES.MEMBER_ID.ge(id))
                        .orderBy(PROFILES.MEMBER_ID)
                        .limit(1)
                        .fetchOne(Records.mapping(Profile::new)));
        return "bench/baseline";
    }

    record Profile(String handle, String name, String headline, String city, String country) {}

    /** The lowest and highest member id, read once. */
    private long[] range() {
        long[] known = ids;
        if (known == null) {
            Record2<Long, Long> r = dsl.select(DSL.min(PROFILES.MEMBER_ID), DSL.max(PROFILES.MEMBER_ID))
                    .from(PROFILES)
                    .fetchOne();
            known = new long[] {r.value1() == null ? 0 : r.value1(), r.value2() == null ? 0 : r.value2()};
            ids = known;
        }
        return known;
    }
}

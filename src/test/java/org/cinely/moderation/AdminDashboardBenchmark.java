package org.cinely.moderation;

import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cinely.accounts.AccountsBenchmarkAccess;
import org.cinely.jobs.JobsBenchmarkAccess;
import org.cinely.media.MediaBenchmarkAccess;
import org.cinely.platform.admin.AdminMetrics;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin dashboard at scale (the target: renders in under 200 ms at 100,000 members), in a
 * separate database (cinely_dashboard_benchmark) on the embedded server: 100,000 accounts (created
 * over two years, about 15,000 in the last 30 days, about 40% logged in in the last 30 days); 20,000
 * media assets with one transcode job each (a few hundred queued); 50,000 job listings and 300,000
 * applications over a year; 3,000 moderation cases and 20,000 reports, most resolved.
 *
 * <p>Measures the four modules' {@link AdminMetrics} as {@link AdminDashboardController} calls them
 * (one after another, each in its own read-only transaction, as their {@code @Transactional} does),
 * 200 times after 20 warm-up runs, and prints p50/p95/p99 of the total, of each module and of each
 * query, with each query's EXPLAIN. Then the whole page, {@code GET /admin} over HTTP signed in as an
 * admin, 200 times after 20: once with the controller's modules swapped (by reflection, restored
 * after) for the ones on the benchmark database, and once as is on the test application's own small
 * database, i.e. what the page costs beyond its queries (security, session, Thymeleaf, round trip).
 *
 * <p>Run: {@code ./mvnw -B -Pbenchmark verify -Dit.test=AdminDashboardBenchmark}
 */
@CinelyIntegrationTest
class AdminDashboardBenchmark {

    static final int MEMBERS = Integer.getInteger("benchmark.members", 100_000);
    static final int MEMBERS_LAST_30_DAYS = MEMBERS * 15 / 100;
    static final int ASSETS = Integer.getInteger("benchmark.assets", 20_000);
    static final int QUEUED = 300;
    static final int LISTINGS = Integer.getInteger("benchmark.listings", 50_000);
    static final int APPLICATIONS = Integer.getInteger("benchmark.applications", 300_000);
    static final int CASES = 3_000;
    static final int REPORTS = Integer.getInteger("benchmark.reports", 20_000);
    static final int WARM_UP = 20;
    static final int RUNS = Integer.getInteger("benchmark.runs", 200);
    static final long TARGET_MS = 200;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String username;

    @Value("${spring.datasource.password:}")
    String password;

    @Test
    void dashboardAt100kMembers() {
        jdbc.execute("DROP DATABASE IF EXISTS cinely_dashboard_benchmark");
        jdbc.execute("CREATE DATABASE cinely_dashboard_benchmark CHARACTER SET utf8mb4");
        String benchUrl = url.replaceFirst("/[A-Za-z0-9_]+\\?", "/cinely_dashboard_benchmark?");
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(benchUrl);
            pool.setUsername(username);
            pool.setPassword(password);
            pool.setMaximumPoolSize(4);
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .outOfOrder(true)
                    .load()
                    .migrate();
            generate(DSL.using(pool, SQLDialect.MYSQL));
            List<AdminMetrics> modules = measureMetrics(pool);
            measurePages(modules);
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS cinely_dashboard_benchmark");
        }
    }

    /**
     * The four modules' figures, timed in total, per module and per query; returns them, each in its
     * read-only transaction, in the dashboard's order.
     */
    private List<AdminMetrics> measureMetrics(HikariDataSource pool) {
        QueryTimes queries = new QueryTimes();
        // As in the application: the modules' DSLContext joins the transaction @Transactional opens.
        DSLContext dsl = DSL.using(new DefaultConfiguration()
                .set(new TransactionAwareDataSourceProxy(pool))
                .set(SQLDialect.MYSQL)
                .set(queries));
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(pool));
        readOnly.setReadOnly(true);
        Clock clock = Clock.systemUTC();
        Map<String, AdminMetrics> modules = new LinkedHashMap<>();
        modules.put("accounts", AccountsBenchmarkAccess.metrics(dsl));
        modules.put("media", MediaBenchmarkAccess.metrics(dsl, clock));
        modules.put("jobs", JobsBenchmarkAccess.metrics(dsl, clock));
        modules.put("moderation", new ModerationMetrics(dsl, new CaseQueue(dsl, clock)));

        long[] total = new long[RUNS];
        Map<String, long[]> perModule = new LinkedHashMap<>();
        modules.keySet().forEach(name -> perModule.put(name, new long[RUNS]));
        List<AdminMetrics.Metric> last = List.of();
        for (int run = -WARM_UP; run < RUNS; run++) {
            queries.recording = run >= 0;
            LocalDate today = LocalDate.now(clock);
            LocalDate since = today.minusDays(AdminDashboardController.DAYS - 1);
            List<AdminMetrics.Metric> panels = new ArrayList<>();
            long start = System.nanoTime();
            for (Map.Entry<String, AdminMetrics> module : modules.entrySet()) {
                long moduleStart = System.nanoTime();
                panels.addAll(readOnly.execute(status -> module.getValue().metrics(since, today)));
                if (run >= 0) {
                    perModule.get(module.getKey())[run] = System.nanoTime() - moduleStart;
                }
            }
            // What the controller does with them before rendering: the charts' points.
            panels.forEach(metric -> AdminDashboardController.points(metric.perDay()));
            if (run >= 0) {
                total[run] = System.nanoTime() - start;
            }
            last = panels;
        }

        System.out.println("\n=== AdminDashboardBenchmark: " + count(pool, "accounts") + " accounts, "
                + count(pool, "media_assets") + " media assets, " + count(pool, "transcode_jobs")
                + " transcode jobs, " + count(pool, "job_listings") + " job listings, "
                + count(pool, "job_applications") + " applications, " + count(pool, "moderation_cases")
                + " cases, " + count(pool, "moderation_reports") + " reports ===");
        for (AdminMetrics.Metric metric : last) {
            System.out.println("  " + metric.labelKey() + " = " + metric.value() + " " + metric.detailArgs()
                    + (metric.perDay() == null ? "" : " (" + metric.perDay().size() + " days)"));
        }
        System.out.println(
                "all four modules' metrics, in sequence (target " + TARGET_MS + " ms): " + percentiles(total));
        perModule.forEach((name, times) -> System.out.println("  " + name + ": " + percentiles(times)));
        System.out.println("per query:");
        DSLContext plain = DSL.using(pool, SQLDialect.MYSQL);
        queries.times.forEach((sql, times) -> {
            System.out.println(
                    "  " + percentiles(times.stream().mapToLong(Long::longValue).toArray()) + "  "
                            + queries.inlined.get(sql));
            for (var row : plain.fetch("explain " + queries.inlined.get(sql))) {
                System.out.println("      EXPLAIN " + row.intoMap());
            }
        });
        queries.recording = false;
        return modules.values().stream()
                .map(module -> (AdminMetrics) new AdminMetrics() {
                    @Override
                    public int order() {
                        return module.order();
                    }

                    @Override
                    public List<Metric> metrics(LocalDate since, LocalDate today) {
                        return readOnly.execute(status -> module.metrics(since, today));
                    }
                })
                .sorted(java.util.Comparator.comparingInt(AdminMetrics::order))
                .toList();
    }

    /**
     * GET /admin over HTTP, signed in as an admin: the whole page (security, session, controller,
     * Thymeleaf, the round trip) first with the dashboard controller's modules swapped for the
     * benchmark database's (the application itself runs on the test's own database), then as is, on
     * the test's own small database: the page's cost beyond its queries.
     */
    private void measurePages(List<AdminMetrics> benchmarkModules) {
        data.mark();
        try {
            TestMembers members = new TestMembers(data.jdbc(), encoder);
            TestMembers.Member admin = members.create("Bench Admin");
            data.jdbc().update("update accounts set role = 'ADMIN' where id = ?", admin.id());
            HttpTestClient http = new HttpTestClient(port);
            http.logIn(admin.email(), TestMembers.PASSWORD);
            Object controller = AopTestUtils.getUltimateTargetObject(context.getBean(AdminDashboardController.class));
            java.lang.reflect.Field field = AdminDashboardController.class.getDeclaredField("modules");
            field.setAccessible(true);
            Object own = field.get(controller);
            long[] onBenchmark;
            field.set(controller, benchmarkModules);
            try {
                onBenchmark = timePage(http, Integer.toString(MEMBERS));
            } finally {
                field.set(controller, own);
            }
            long[] onOwn = timePage(http, null);
            System.out.println("GET /admin over HTTP, whole page, metrics on the benchmark database (target "
                    + TARGET_MS + " ms): " + percentiles(onBenchmark));
            System.out.println(
                    "GET /admin over HTTP, whole page, on the test's own small database: " + percentiles(onOwn));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            data.cleanUp();
        }
    }

    private static long[] timePage(HttpTestClient http, String expected) {
        long[] times = new long[RUNS];
        for (int run = -WARM_UP; run < RUNS; run++) {
            long start = System.nanoTime();
            HttpResponse<String> page = http.get("/admin");
            long elapsed = System.nanoTime() - start;
            if (page.statusCode() != 200
                    || !page.body().contains("<svg")
                    || (expected != null && !page.body().contains(">" + expected + "<"))) {
                throw new AssertionError("the dashboard should render" + (expected == null ? "" : " " + expected) + ": "
                        + page.statusCode());
            }
            if (run >= 0) {
                times[run] = elapsed;
            }
        }
        return times;
    }

    /** Each statement's time (start to end, results fetched), keyed by its SQL with bind markers. */
    static final class QueryTimes implements ExecuteListener {

        final Map<String, List<Long>> times = new LinkedHashMap<>();
        final Map<String, String> inlined = new LinkedHashMap<>();
        volatile boolean recording;
        private long start;

        @Override
        public void start(ExecuteContext ctx) {
            start = System.nanoTime();
        }

        @Override
        public void end(ExecuteContext ctx) {
            long elapsed = System.nanoTime() - start;
            if (recording && ctx.query() != null) {
                times.computeIfAbsent(ctx.sql(), sql -> new ArrayList<>()).add(elapsed);
                inlined.computeIfAbsent(ctx.sql(), sql -> ctx.dsl().renderInlined(ctx.query()));
            }
        }
    }

    private static long count(HikariDataSource pool, String table) {
        return DSL.using(pool, SQLDialect.MYSQL)
                .fetchOne("select count(*) from " + table)
                .get(0, Long.class);
    }

    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)",
                sorted[(int) (sorted.length * 0.50)] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.95))] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6,
                sorted.length);
    }

    /**
     * Rows straight from the server's sequence tables (INSERT ... SELECT, one statement per table),
     * every NOT NULL column filled; times are UTC (the connection's time zone), relative to now.
     */
    private static void generate(DSLContext dsl) {
        long start = System.nanoTime();
        int older = MEMBERS - MEMBERS_LAST_30_DAYS;
        // Accounts: most joined 30 days to 2 years ago, 15% in the last 30 days. Log-ins: 40% in the
        // last 30 days (about a quarter of those in the last 7), 35% earlier, 25% never.
        dsl.execute("insert into accounts (id, email, handle, display_name, password_hash, role, state,"
                + " email_verified_at, created_at, last_login_at)"
                + " select seq, concat('bench-', seq, '@bench.cinely.local'), concat('bench-', seq),"
                + " concat('Bench Member ', seq), '{noop}x', if(seq <= 5, 'ADMIN', 'MEMBER'),"
                + " if(seq mod 200 = 0, 'SUSPENDED', 'ACTIVE'), created, created,"
                + " case when r < 0.40 then greatest(created, utc_timestamp(6) - interval floor(r / 0.40"
                + " * 30 * 86400) second) when r < 0.75 then created + interval floor((r - 0.40) / 0.35"
                + " * greatest(0, timestampdiff(second, created, utc_timestamp(6)) - 30 * 86400)) second"
                + " else null end"
                + " from (select seq, rand(seq * 13) r, if(seq <= " + older
                + ", utc_timestamp(6) - interval (30 * 86400 + floor(rand(seq) * 700 * 86400)) second,"
                + " utc_timestamp(6) - interval floor(rand(seq) * 30 * 86400) second) created"
                + " from seq_1_to_" + MEMBERS + ") x");
        // Media: mostly READY, a few FAILED, WAITING, TRANSCODING, UPLOADING; created over 2 years.
        dsl.execute("insert into media_assets (id, owner_id, target, upload_token, state, upload_length,"
                + " upload_offset, filename, stored_bytes, created_at, updated_at)"
                + " select seq, 1 + floor(rand(seq * 7) * " + MEMBERS + "), concat('work:', seq), md5(seq),"
                + " state, 50000000 + seq * 1000, 50000000 + seq * 1000, concat('reel-', seq, '.mp4'),"
                + " if(state = 'READY', 80000000 + floor(rand(seq * 3) * 400000000), 0), created, created"
                + " from (select seq, case when seq <= " + QUEUED + " then 'WAITING'"
                + " when seq mod 50 = 0 then 'FAILED' when seq mod 97 = 0 then 'TRANSCODING'"
                + " when seq mod 89 = 0 then 'UPLOADING' else 'READY' end state,"
                + " utc_timestamp(6) - interval floor(rand(seq * 5) * 730 * 86400) second created"
                + " from seq_1_to_" + ASSETS + ") x");
        // One transcode job per asset that got that far; the WAITING ones are the queue.
        dsl.execute("insert into transcode_jobs (asset_id, state, attempts, not_before, transcoder,"
                + " progress, created_at, updated_at, finished_at)"
                + " select id, case state when 'WAITING' then 'QUEUED' when 'TRANSCODING' then 'RUNNING'"
                + " else state end, if(state = 'WAITING', 0, 1), created_at, 'local',"
                + " if(state = 'READY', 100, 0),"
                + " if(state = 'WAITING', utc_timestamp(6) - interval id minute, created_at),"
                + " created_at, if(state in ('READY', 'FAILED'), created_at + interval 10 minute, null)"
                + " from media_assets where state <> 'UPLOADING' order by id");
        // Job listings over a year: a third OPEN (most of them not yet expired), the rest CLOSED.
        dsl.execute("insert into job_listings (id, poster_id, title, production_title, production_type,"
                + " company, location_city, location_country, remote, start_date, compensation,"
                + " union_status, description, wants_reel, wants_credits, wants_cover_note, status,"
                + " created_at, updated_at, expires_at, closed_at)"
                + " select seq, 1 + floor(rand(seq * 11) * " + MEMBERS + "), concat('Camera operator ', seq),"
                + " concat('Production ', seq mod 997), 'FEATURE', concat('Company ', seq mod 389), 'Lisbon',"
                + " 'Portugal', seq mod 5 = 0, date(created) + interval 30 day,"
                + " elt(1 + seq mod 3, 'PAID', 'DEFERRED', 'UNPAID'),"
                + " elt(1 + seq mod 3, 'UNION', 'NON_UNION', 'EITHER'),"
                + " 'A generated listing for the dashboard benchmark.', true, seq mod 2 = 0, true,"
                + " if(seq mod 3 = 0, 'OPEN', 'CLOSED'), created, created,"
                + " if(seq mod 3 = 0 and seq mod 10 <> 0, utc_timestamp(6) + interval floor(rand(seq) * 60 * 86400)"
                + " second, created + interval 60 day),"
                + " if(seq mod 3 = 0, null, created + interval 20 day)"
                + " from (select seq, utc_timestamp(6) - interval floor(rand(seq * 17) * 365 * 86400) second"
                + " created from seq_1_to_" + LISTINGS + ") x");
        // Applications over a year; (job, applicant) unique.
        dsl.execute("insert into job_applications (job_id, applicant_id, applicant_handle, applicant_name,"
                + " applicant_crafts, cover_note, work_count, status, created_at, updated_at)"
                + " select job, applicant, concat('bench-', applicant), concat('Bench Member ', applicant),"
                + " 'camera-operator', 'I would love to work on this.', seq mod 3,"
                + " elt(1 + seq mod 5, 'NEW', 'SHORTLISTED', 'REJECTED', 'HIRED', 'WITHDRAWN'), created, created"
                + " from (select seq, 1 + (seq mod " + LISTINGS + ") job,"
                + " 1 + ((seq div " + LISTINGS + ") * 10000 + seq mod 9973) mod " + MEMBERS + " applicant,"
                + " utc_timestamp(6) - interval floor(rand(seq * 19) * 365 * 86400) second created"
                + " from seq_1_to_" + APPLICATIONS + ") x order by created");
        // Cases over a year: 10% open now (open_key set), the rest closed.
        dsl.execute("insert into moderation_cases (id, target_kind, target_id, author_id, reason, open_key,"
                + " opened_at, closed_at, closed_by)"
                + " select seq, kind, seq, 1 + (seq * 37) mod " + MEMBERS + ", if(seq mod 7 = 0, 'HELD', 'REPORTED'),"
                + " if(seq mod 10 = 0, concat(kind, ':', seq), null), opened,"
                + " if(seq mod 10 = 0, null, opened + interval 1 day), if(seq mod 10 = 0, null, 1)"
                + " from (select seq, elt(1 + seq mod 4, 'PROFILE', 'WORK', 'COMMENT', 'JOB') kind,"
                + " utc_timestamp(6) - interval floor(rand(seq * 23) * 365 * 86400) second opened"
                + " from seq_1_to_" + CASES + ") x");
        // Reports over a year, spread over the cases; 90% resolved, within minutes to days.
        dsl.execute("insert into moderation_reports (case_id, reporter_id, target_kind, target_id, category,"
                + " created_at, resolved_at, open_key)"
                + " select c.id, 1 + (x.seq * 31) mod " + MEMBERS + ", c.target_kind, c.target_id,"
                + " elt(1 + x.seq mod 7, 'SPAM', 'HARASSMENT', 'IMPERSONATION', 'COPYRIGHT', 'SCAM', 'ILLEGAL',"
                + " 'OTHER'), x.created, if(x.seq mod 10 = 0, null, x.created + interval floor(rand(x.seq * 29)"
                + " * 72 * 3600) second), if(x.seq mod 10 = 0, concat('r', x.seq), null)"
                + " from (select seq, utc_timestamp(6) - interval floor(rand(seq * 41) * 365 * 86400) second"
                + " created from seq_1_to_" + REPORTS + ") x join moderation_cases c on c.id = 1 + x.seq mod "
                + CASES + " order by x.created");
        dsl.execute("analyze table accounts, media_assets, transcode_jobs, job_listings, job_applications,"
                + " moderation_cases, moderation_reports");
        System.out.printf("(data generated in %.0f s)%n", (System.nanoTime() - start) / 1e9);
    }
}

package org.cinely.jobs;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cinely.jobs.JobTypes.Compensation;
import org.cinely.jobs.JobTypes.UnionStatus;
import org.cinely.platform.Craft;
import org.cinely.platform.search.Sql;
import org.cinely.test.CinelyIntegrationTest;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * The job board search at scale: a separate database (cinely_benchmark, on the same embedded
 * server) gets 200,000 listings, a quarter of them open, from {@link JobListingGenerator}; then
 * text + filter searches run through the board's jOOQ query ({@link JobSearchQueries}) and through
 * a naive JPA version (JPQL with LIKE over the entity, crafts joined), and p50/p95/p99 are printed.
 *
 * <p>Run: {@code ./mvnw -B -Pbenchmark verify -Dit.test=JobSearchBenchmark}
 */
@CinelyIntegrationTest
class JobSearchBenchmark {

    static final int LISTINGS = Integer.getInteger("benchmark.listings", 200_000);
    static final int RUNS = Integer.getInteger("benchmark.runs", 300);
    static final int JPA_RUNS = Integer.getInteger("benchmark.jpa-runs", 60);

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String username;

    @Value("${spring.datasource.password:}")
    String password;

    /** Text + filter searches a member would type, each with the board's default sort. */
    static List<JobSearch> searches() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return List.of(
                search("night shoot", List.of(Craft.GAFFER), "", false, false, null, null),
                search("documentary", List.of(), "", false, true, null, null),
                search(
                        "handheld",
                        List.of(Craft.CINEMATOGRAPHER, Craft.CAMERA_OPERATOR),
                        "Lisbon",
                        false,
                        false,
                        null,
                        null),
                search("studio rain", List.of(), "", false, false, UnionStatus.UNION, null),
                search("commercial", List.of(Craft.EDITOR), "", true, false, null, null),
                search("anamorphic", List.of(), "London", false, true, null, today.plusDays(30)),
                search("underwater tank", List.of(), "", false, false, null, null),
                search("period", List.of(Craft.COSTUME_DESIGNER), "", false, false, null, null),
                search("drone coast", List.of(), "", false, true, UnionStatus.NON_UNION, null),
                search(
                        "festival short",
                        List.of(Craft.SOUND_MIXER, Craft.BOOM_OPERATOR),
                        "",
                        false,
                        false,
                        null,
                        null));
    }

    /** Searches that name a craft by one of its common names ({@code CraftSynonyms}). */
    static List<JobSearch> synonymSearches() {
        return List.of(
                search("DP", List.of(), "", false, false, null, null),
                search("director of photography", List.of(), "", false, false, null, null),
                search("camera", List.of(), "", false, false, null, null),
                search("focus puller", List.of(), "", false, false, null, null),
                search("sound recordist", List.of(), "", false, false, null, null),
                search("lighting", List.of(), "", false, false, null, null),
                search("colourist", List.of(), "Lisbon", false, false, null, null),
                search("night shoot grip", List.of(), "", false, false, null, null),
                search("documentary cutter", List.of(), "", false, true, null, null),
                search("AC", List.of(), "London", true, false, null, null));
    }

    static JobSearch search(
            String q,
            List<Craft> crafts,
            String location,
            boolean remote,
            boolean paid,
            UnionStatus union,
            LocalDate startTo) {
        return new JobSearch(q, crafts, location, remote, paid, union, null, startTo, null, null);
    }

    @Test
    void searchUnderLoad() throws Exception {
        jdbc.execute("DROP DATABASE IF EXISTS cinely_benchmark");
        jdbc.execute("CREATE DATABASE cinely_benchmark CHARACTER SET utf8mb4");
        String benchUrl = url.replaceFirst("/[A-Za-z0-9_]+\\?", "/cinely_benchmark?");
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(benchUrl);
            dataSource.setUsername(username);
            dataSource.setPassword(password);
            dataSource.setMaximumPoolSize(4);
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            DSLContext dsl = DSL.using(dataSource, SQLDialect.MARIADB);

            // The full-text index stays in place during the load (as it would in production):
            // dropping it and adding it back after a bulk load left it empty on MariaDB 11.4.
            long generated = new JobListingGenerator(dsl).generate(LISTINGS, 0.25, 1L, Sql.utc(Instant.now()));
            long indexStart = System.nanoTime();
            dsl.execute("ANALYZE TABLE job_listings, job_listing_crafts, job_search");
            long indexed = (System.nanoTime() - indexStart) / 1_000_000;
            int open = dsl.fetchCount(org.cinely.jobs.jooq.Tables.JOB_LISTINGS, JobSearchQueries.openAt(Instant.now()));
            System.out.printf(
                    Locale.ROOT,
                    "%nJobSearchBenchmark: %,d listings (%,d open) generated in %,d ms, "
                            + "tables analysed in %,d ms%n",
                    LISTINGS,
                    open,
                    generated,
                    indexed);

            // Every search reads its sample, as the first search of its kind does (the planner is measured whole).
            JobSearchQueries jooq =
                    new JobSearchQueries(dsl, new org.cinely.platform.search.SampleCache(java.time.Duration.ZERO));
            List<JobSearch> searches = searches();
            int[] hits = new int[searches.size()];
            for (int i = 0; i < searches.size(); i++) {
                hits[i] = exactCount(dsl, searches.get(i));
            }
            System.out.println("JobSearchBenchmark: matches per search " + Arrays.toString(hits));
            if (Arrays.stream(hits).sum() == 0) {
                throw new AssertionError("No search matched anything: the full-text index is not working");
            }
            double[] jooqTimes =
                    measure(RUNS, i -> jooq.search(searches.get(i % searches.size()), Instant.now(), 0, 20));

            EntityManagerFactory emf = entityManagerFactory(dataSource);
            try {
                NaiveJpaSearch naive = new NaiveJpaSearch(emf);
                double[] jpaTimes =
                        measure(JPA_RUNS, i -> naive.search(searches.get(i % searches.size()), Instant.now(), 20));
                report("jOOQ full-text (the board)", jooqTimes);
                report("naive JPA (JPQL LIKE)", jpaTimes);
                // Each search apart: the cost follows how many open listings its words match.
                for (int s = 0; s < searches.size(); s++) {
                    JobSearch one = searches.get(s);
                    report(
                            String.format(
                                    Locale.ROOT,
                                    "  \"%s\" (%,d matches, %s)",
                                    one.q(),
                                    hits[s],
                                    jooq.search(one, Instant.now(), 0, 20).access()),
                            measure(30, i -> jooq.search(one, Instant.now(), 0, 20)));
                }
                // The worst case, reported apart: a word in nearly every listing, with no filter.
                List<JobSearch> commonest = List.of(
                        search("film", List.of(), "", false, false, null, null),
                        search("crew", List.of(), "", false, false, null, null));
                System.out.println("JobSearchBenchmark: worst case, open listings matching: "
                        + exactCount(dsl, commonest.get(0)) + " and " + exactCount(dsl, commonest.get(1)));
                report(
                        "worst case: \"film\", \"crew\"",
                        measure(RUNS / 3, i -> jooq.search(commonest.get(i % 2), Instant.now(), 0, 20)));
                report(
                        "worst case, naive JPA",
                        measure(JPA_RUNS / 3, i -> naive.search(commonest.get(i % 2), Instant.now(), 20)));
                // Crafts by their common names (CraftSynonyms): alone, with a word, with a place.
                List<JobSearch> synonyms = synonymSearches();
                report(
                        "craft synonyms (all below)",
                        measure(RUNS, i -> jooq.search(synonyms.get(i % synonyms.size()), Instant.now(), 0, 20)));
                for (JobSearch one : synonyms) {
                    report(
                            String.format(
                                    Locale.ROOT,
                                    "  \"%s\"%s (%,d matches, %s)",
                                    one.q(),
                                    one.location().isEmpty() ? "" : ", " + one.location(),
                                    exactCount(dsl, one),
                                    jooq.search(one, Instant.now(), 0, 20).access()),
                            measure(30, i -> jooq.search(one, Instant.now(), 0, 20)));
                }
            } finally {
                emf.close();
            }
        }
        jdbc.execute("DROP DATABASE IF EXISTS cinely_benchmark");
    }

    /** How many open listings match, uncapped (the board counts up to 1,001 when it must read them all). */
    static int exactCount(DSLContext dsl, JobSearch search) {
        Instant now = Instant.now();
        return dsl.fetchCount(dsl.selectOne()
                .from(org.cinely.jobs.jooq.Tables.JOB_SEARCH)
                .where(JobSearchQueries.searchOpenAt(now).and(JobSearchQueries.filters(search, now))));
    }

    interface Run {
        Object run(int i) throws Exception;
    }

    static double[] measure(int runs, Run run) throws Exception {
        for (int i = 0; i < Math.min(20, runs); i++) {
            run.run(i); // warm up
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            run.run(i);
            millis[i] = (System.nanoTime() - started) / 1_000_000.0;
        }
        Arrays.sort(millis);
        return millis;
    }

    static void report(String name, double[] sorted) {
        System.out.printf(
                Locale.ROOT,
                "JobSearchBenchmark: %-36s runs=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
                name,
                sorted.length,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static EntityManagerFactory entityManagerFactory(javax.sql.DataSource dataSource) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setPackagesToScan("org.cinely.jobs");
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        Map<String, Object> properties = new HashMap<>();
        properties.put("hibernate.dialect", "org.hibernate.dialect.MariaDBDialect");
        properties.put("hibernate.hbm2ddl.auto", "none");
        properties.put("hibernate.jdbc.time_zone", "UTC");
        properties.put(
                "hibernate.physical_naming_strategy",
                "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
        factory.setJpaPropertyMap(properties);
        factory.afterPropertiesSet();
        return factory.getObject();
    }

    /**
     * What the search would look like written the obvious JPA way: JPQL over the entity, each word
     * as LIKE '%word%' over title, production and description, crafts joined, a count query and a
     * page of entities whose crafts load lazily. Only here, to be measured; the app uses jOOQ.
     */
    static final class NaiveJpaSearch {

        private final EntityManagerFactory emf;

        NaiveJpaSearch(EntityManagerFactory emf) {
            this.emf = emf;
        }

        List<String> search(JobSearch search, Instant now, int pageSize) {
            EntityManager em = emf.createEntityManager();
            try {
                StringBuilder where = new StringBuilder("j.status = 'OPEN' and j.expiresAt > :now");
                Map<String, Object> params = new HashMap<>();
                params.put("now", now);
                String[] words = search.q().toLowerCase(Locale.ROOT).split("\\s+");
                for (int i = 0; i < words.length; i++) {
                    if (words[i].isBlank()) {
                        continue;
                    }
                    where.append(" and (lower(j.title) like :w")
                            .append(i)
                            .append(" or lower(j.productionTitle) like :w")
                            .append(i)
                            .append(" or lower(j.description) like :w")
                            .append(i)
                            .append(")");
                    params.put("w" + i, "%" + words[i] + "%");
                }
                if (!search.crafts().isEmpty()) {
                    where.append(" and c in :crafts");
                    params.put("crafts", search.crafts());
                }
                if (!search.location().isEmpty()) {
                    where.append(" and (j.locationCity like :place or j.locationCountry like :place)");
                    params.put("place", search.location() + "%");
                }
                if (search.remote()) {
                    where.append(" and j.remote = true");
                }
                if (search.paid()) {
                    where.append(" and j.compensation = :paid");
                    params.put("paid", Compensation.PAID);
                }
                if (search.union() != null) {
                    where.append(" and j.unionStatus in :unions");
                    params.put("unions", List.of(search.union(), UnionStatus.EITHER));
                }
                if (search.startTo() != null) {
                    where.append(" and j.startDate <= :startTo");
                    params.put("startTo", search.startTo());
                }
                String from = " from JobListing j left join j.crafts c where " + where;
                TypedQuery<Long> count = em.createQuery("select count(distinct j)" + from, Long.class);
                TypedQuery<JobListing> page =
                        em.createQuery("select distinct j" + from + " order by j.createdAt desc", JobListing.class);
                params.forEach((name, value) -> {
                    count.setParameter(name, value);
                    page.setParameter(name, value);
                });
                count.getSingleResult();
                List<String> titles = new ArrayList<>();
                for (JobListing listing : page.setMaxResults(pageSize).getResultList()) {
                    titles.add(listing.getTitle() + listing.getCrafts().size());
                }
                return titles;
            } finally {
                em.close();
            }
        }
    }
}

package org.cinely.feed;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The home feed at scale, fan-out on write against fan-out on read, in a separate database
 * (cinely_feed_benchmark) on the embedded server: 100,000 members, about 2,000,000 connection rows
 * (200 readers with 500 connections each, a hub with 5,000), 5,000,000 activities. Timelines (the
 * fan-out on write) are generated for the 200 readers measured, as fan-out would have written
 * them; a member's page reads only their own rows, so other members' timelines would add rows to
 * the table but not work to the read.
 *
 * <p>Prints p50/p95/p99 of a first page (40 rows, what {@link FeedReader} reads per round) both
 * ways, the time a hub's publication takes to fan out, and readers' latency while it does.
 *
 * <p>Run: {@code ./mvnw -B -Pbenchmark verify -Dit.test=FeedBenchmark}
 */
@CinelyIntegrationTest
class FeedBenchmark {

    static final int MEMBERS = Integer.getInteger("benchmark.members", 100_000);
    static final int ACTIVITIES = Integer.getInteger("benchmark.activities", 5_000_000);
    static final int READERS = 200;
    static final int READER_CONNECTIONS = 500;
    static final long HUB = MEMBERS; // the last member
    static final int HUB_CONNECTIONS = 5_000;
    static final int RUNS = Integer.getInteger("benchmark.runs", 400);

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String username;

    @Value("${spring.datasource.password:}")
    String password;

    @Test
    void fanOutOnWriteAgainstFanOutOnRead() throws Exception {
        jdbc.execute("DROP DATABASE IF EXISTS cinely_feed_benchmark");
        jdbc.execute("CREATE DATABASE cinely_feed_benchmark CHARACTER SET utf8mb4");
        String benchUrl = url.replaceFirst("/[A-Za-z0-9_]+\\?", "/cinely_feed_benchmark?");
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(benchUrl);
            pool.setUsername(username);
            pool.setPassword(password);
            pool.setMaximumPoolSize(6);
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            DSLContext dsl = DSL.using(pool, SQLDialect.MARIADB);
            generate(dsl);

            FeedStore reads = new FeedStore(dsl, Clock.systemUTC(), new FirstPageCache(java.time.Duration.ZERO));
            Random random = new Random(7);
            List<Long> readers = new ArrayList<>();
            for (long r = 1; r <= READERS; r++) {
                readers.add(r);
            }
            // Warm both ways up (the buffer pool, as a running site has it).
            for (int i = 0; i < 100; i++) {
                long reader = readers.get(random.nextInt(READERS));
                reads.page(MemberId.of(reader), Long.MAX_VALUE, 40);
                reads.pageOnRead(MemberId.of(reader), connectionsOf(dsl, reader), Long.MAX_VALUE, 40);
            }
            long[] write = new long[RUNS];
            long[] read = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                MemberId reader = MemberId.of(readers.get(random.nextInt(READERS)));
                long start = System.nanoTime();
                int rows = reads.page(reader, Long.MAX_VALUE, 40).size();
                write[i] = System.nanoTime() - start;
                start = System.nanoTime();
                int rowsOnRead = reads.pageOnRead(reader, connectionsOf(dsl, reader.value()), Long.MAX_VALUE, 40)
                        .size();
                read[i] = System.nanoTime() - start;
                if (rows != 40 || rowsOnRead != 40) {
                    throw new AssertionError("a reader's first page should be full: " + rows + " / " + rowsOnRead);
                }
            }
            System.out.println("\n=== FeedBenchmark: " + MEMBERS + " members, "
                    + count(dsl, "connections") + " connection rows, " + count(dsl, "feed_activities")
                    + " activities, " + count(dsl, "feed_timeline") + " timeline rows ===");
            System.out.println("first page, member with 500 connections, fan-out on write (timeline PK scan): "
                    + percentiles(write));
            System.out.println("first page, member with 500 connections, fan-out on read (connections + IN/sort): "
                    + percentiles(read));

            // A hub publishes while others read: time each fan-out, and readers' latency meanwhile.
            long[] baseline = readLoop(reads, readers, 3_000, null);
            AtomicBoolean publishing = new AtomicBoolean(true);
            List<Long> fanOuts = Collections.synchronizedList(new ArrayList<>());
            Thread hub = new Thread(() -> {
                try (Connection connection = pool.getConnection()) {
                    DSLContext one = DSL.using(connection, SQLDialect.MARIADB);
                    FeedStore store =
                            new FeedStore(one, Clock.systemUTC(), new FirstPageCache(java.time.Duration.ZERO));
                    LiveEvents live = new LiveEvents(one, Clock.systemUTC());
                    for (int i = 0; i < 10; i++) {
                        long start = System.nanoTime();
                        connection.setAutoCommit(false);
                        List<MemberId> audience = new ArrayList<>();
                        connectionsOf(one, HUB).forEach(audience::add);
                        audience.add(MemberId.of(HUB));
                        long activity = store.record(
                                        "hub:" + i + ":" + System.nanoTime(),
                                        MemberId.of(HUB),
                                        Verb.WORK_PUBLISHED,
                                        Subject.WORK,
                                        10_000_000L + i,
                                        null,
                                        "Hub work " + i)
                                .orElseThrow();
                        store.fanOut(activity, audience);
                        live.publish(audience, LiveEvents.Kind.FEED, "{\"entry\":" + activity + "}");
                        connection.commit();
                        fanOuts.add(System.nanoTime() - start);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    publishing.set(false);
                }
            });
            hub.start();
            long[] during = readLoop(reads, readers, 0, publishing);
            hub.join();
            System.out.println("hub with " + HUB_CONNECTIONS + " connections publishes (activity + "
                    + (HUB_CONNECTIONS + 1) + " timeline rows + live events, one transaction), 10 times: "
                    + percentiles(fanOuts.stream().mapToLong(Long::longValue).toArray()));
            System.out.println("other members' first page, baseline:        " + percentiles(baseline));
            System.out.println("other members' first page, during fan-outs: " + percentiles(during));
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS cinely_feed_benchmark");
        }
    }

    private static long[] readLoop(FeedStore reads, List<Long> readers, long millis, AtomicBoolean until) {
        Random random = new Random(11);
        List<Long> times = new ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        while (until != null ? until.get() : System.currentTimeMillis() < end) {
            long start = System.nanoTime();
            reads.page(MemberId.of(readers.get(random.nextInt(readers.size()))), Long.MAX_VALUE, 40);
            times.add(System.nanoTime() - start);
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<MemberId> connectionsOf(DSLContext dsl, long member) {
        return dsl.fetch("select other_id from connections where member_id = ?", member)
                .map(r -> MemberId.of(r.get(0, Long.class)));
    }

    private static long count(DSLContext dsl, String table) {
        return dsl.fetchOne("select count(*) from " + table).get(0, Long.class);
    }

    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return String.format(
                "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)",
                sorted[(int) (sorted.length * 0.50)] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.95))] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6,
                sorted.length);
    }

    /** Members are ids only here: the feed's tables refer to them and nothing else is read. */
    private static void generate(DSLContext dsl) {
        long start = System.nanoTime();
        // About ten random pairs per member, both directions (the table stores A->B and B->A).
        dsl.execute("insert ignore into connections (member_id, other_id, created_at)"
                + " select a, b, now(6) from (select 1 + (seq mod " + MEMBERS + ") a,"
                + " 1 + floor(rand(seq) * " + MEMBERS + ") b from seq_1_to_" + (MEMBERS * 9) + ") x where a <> b");
        // Readers 1..200: 500 connections each, among members 1,000..101,000 (wrapping).
        dsl.execute("insert ignore into connections (member_id, other_id, created_at)"
                + " select r.seq, 1000 + ((r.seq * 500 + k.seq) mod " + (MEMBERS - 2000) + "), now(6)"
                + " from seq_1_to_" + READERS + " r join seq_1_to_" + READER_CONNECTIONS + " k");
        // The hub: 5,000 connections.
        dsl.execute("insert ignore into connections (member_id, other_id, created_at)" + " select " + HUB
                + ", 20000 + seq, now(6) from seq_1_to_" + HUB_CONNECTIONS);
        dsl.execute("insert ignore into connections (member_id, other_id, created_at)"
                + " select other_id, member_id, created_at from connections");
        // Activities by random members, newest last.
        dsl.execute("insert into feed_activities (event_key, actor_id, verb, subject_type, subject_id, title,"
                + " created_at) select concat('g:', seq), 1 + floor(rand(seq * 31) * " + MEMBERS + "),"
                + " elt(1 + seq mod 4, 'WORK_PUBLISHED', 'JOB_POSTED', 'CREDIT_CONFIRMED', 'CONNECTED'),"
                + " if(seq mod 4 = 1, 'JOB', 'WORK'), seq, 'Generated', now(6) - interval (" + ACTIVITIES
                + " - seq) second from seq_1_to_" + ACTIVITIES);
        // What fan-out on write would have put into the readers' timelines.
        dsl.execute("insert into feed_timeline (member_id, activity_id)"
                + " select c.member_id, a.id from connections c join feed_activities a on a.actor_id = c.other_id"
                + " where c.member_id <= " + READERS);
        dsl.execute("analyze table connections, feed_activities, feed_timeline");
        System.out.printf("(data generated in %.0f s)%n", (System.nanoTime() - start) / 1e9);
    }
}

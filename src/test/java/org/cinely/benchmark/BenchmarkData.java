package org.cinely.benchmark;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Fills the database with N members (account, profile, crafts, credits) and M connections, fast:
 * multi-row INSERTs of a few thousand rows each through jOOQ, in primary-key order, with the
 * full-text index built once at the end instead of row by row. Deterministic (fixed seed), and
 * idempotent: it does nothing when the members are already there.
 *
 * <p>Members are {@code bench-<n>@bench.cinely.local}, handle {@code bench-<n>}, password {@link
 * #PASSWORD}. The first {@link #HUBS} members get exactly {@link #HUB_CONNECTIONS} connections
 * each: they are "a member with 500 connections" for the suggestion benchmark.
 */
public final class BenchmarkData {

    public static final String PASSWORD = "demo-cinely-2026";
    public static final int HUBS = 5;
    public static final int HUB_CONNECTIONS = 500;
    static final int CHUNK = 2_000;

    /** Every craft's slug, in Craft's order. */
    public static final String[] CRAFTS = java.util.Arrays.stream(org.cinely.platform.Craft.values())
            .map(org.cinely.platform.Craft::slug)
            .toArray(String[]::new);

    public static final String[][] CITIES = {
        {"Berlin", "Germany"},
        {"Hamburg", "Germany"},
        {"London", "United Kingdom"},
        {"Manchester", "United Kingdom"},
        {"Paris", "France"},
        {"Lyon", "France"},
        {"Madrid", "Spain"},
        {"Barcelona", "Spain"},
        {"Rome", "Italy"},
        {"Milan", "Italy"},
        {"Lisbon", "Portugal"},
        {"Prague", "Czechia"},
        {"Warsaw", "Poland"},
        {"Vienna", "Austria"},
        {"Stockholm", "Sweden"},
        {"Copenhagen", "Denmark"},
        {"Dublin", "Ireland"},
        {"Amsterdam", "Netherlands"},
        {"Brussels", "Belgium"},
        {"Zagreb", "Croatia"},
        {"Los Angeles", "United States"},
        {"New York", "United States"},
        {"Atlanta", "United States"},
        {"Toronto", "Canada"},
        {"Vancouver", "Canada"},
        {"Mexico City", "Mexico"},
        {"São Paulo", "Brazil"},
        {"Buenos Aires", "Argentina"},
        {"Lagos", "Nigeria"},
        {"Accra", "Ghana"},
        {"Cairo", "Egypt"},
        {"Mumbai", "India"},
        {"Seoul", "South Korea"},
        {"Tokyo", "Japan"},
        {"Sydney", "Australia"},
        {"Cape Town", "South Africa"},
        {"Tel Aviv", "Israel"},
        {"Istanbul", "Turkey"},
        {"Dakar", "Senegal"},
        {"Taipei", "Taiwan"}
    };
    static final String[] FIRST = {
        "Maya", "Jonas", "Lucía", "Sam", "Aiko", "Ben", "Priya", "Tomáš", "Elena", "Marcus", "Sofia", "Diego", "Hannah",
        "Omar", "Grace", "Léo", "Nina", "Kwame", "Isabel", "Finn", "Yara", "Ahmed", "Julia", "Chris", "Mei", "Rafael",
        "Anna", "Lars", "Zoe", "Ivan", "Amara", "Oliver", "Sara", "Mateo", "Laura", "Kenji"
    };
    public static final String[] LAST = {
        "Okafor", "Berg", "Ferrante", "Whitfield", "Tanaka", "Carter", "Nair", "Novák", "Rossi", "Lee", "Lindqvist",
        "Ramírez", "Schmidt", "Haddad", "Kim", "Martin", "Petrova", "Mensah", "Costa", "O'Connor", "Silva", "Karim",
        "Nowak", "Taylor", "Chen", "Dias", "Kowalski", "Jensen", "Adams", "Horvat", "Diallo", "Brown", "Cohen",
        "García", "Weber", "Watanabe"
    };
    /** Bios and headlines: 4,000 words with Zipf frequencies (see Vocabulary). */
    public static final Vocabulary VOCABULARY = new Vocabulary(4_000);

    static final String[] TITLE_WORDS = {
        "Night", "Shift", "Harbour", "Lights", "Silent", "River", "Glass", "Summer", "Winter", "Echo", "Paper", "Moon",
        "Salt", "Iron", "Velvet", "Ghost", "Little", "Empire", "Last", "Train", "Red", "Garden", "North", "Wild"
    };

    private BenchmarkData() {}

    /** How many generated members the database holds. */
    public static int members(DSLContext dsl) {
        return dsl.fetchCount(table(name("accounts")), field(name("email")).like("bench-%@bench.cinely.local"));
    }

    public static long firstMemberId(DSLContext dsl) {
        return dsl.select(DSL.min(field(name("id"), Long.class)))
                .from(table(name("accounts")))
                .where(field(name("email")).like("bench-%@bench.cinely.local"))
                .fetchOne()
                .value1();
    }

    /** Generates {@code memberCount} members with about {@code connectionCount} connections (pairs). */
    public static void generate(DSLContext dsl, String passwordHash, int memberCount, int connectionCount) {
        if (members(dsl) >= memberCount) {
            log("%,d generated members are there already; reusing them", members(dsl));
            return;
        }
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(2026);
        Long max = dsl.select(DSL.max(field(name("id"), Long.class)))
                .from(table(name("accounts")))
                .fetchOne()
                .value1();
        long first = (max == null ? 0 : max) + 1;
        LocalDateTime now = LocalDateTime.now().withNano(0);

        try {
            dsl.execute("ALTER TABLE profiles DROP INDEX ft_profiles_text");
        } catch (RuntimeException alreadyDropped) {
            // an earlier run stopped half-way
        }
        insertMembers(dsl, random, first, memberCount, passwordHash, now);
        log("members, profiles, crafts and credits: %,d ms", (System.nanoTime() - started) / 1_000_000);

        long t = System.nanoTime();
        insertConnections(dsl, random, first, memberCount, connectionCount, now);
        log("connections: %,d ms", (System.nanoTime() - t) / 1_000_000);

        t = System.nanoTime();
        // ALGORITHM=COPY: on MariaDB 11.4 an in-place CREATE FULLTEXT INDEX over rows inserted
        // after the previous one was dropped left the new index empty (every MATCH found nothing);
        // rebuilding the table gives the rows fresh full-text document ids.
        dsl.execute("ALTER TABLE profiles ADD FULLTEXT INDEX ft_profiles_text (display_name, handle, headline, bio),"
                + " ALGORITHM=COPY");
        dsl.execute("ANALYZE TABLE profiles, profile_crafts, profile_credits, connections");
        log("full-text index and statistics: %,d ms", (System.nanoTime() - t) / 1_000_000);
        log(
                "generated %,d members and %,d connections in %,d s",
                memberCount, connectionCount, (System.nanoTime() - started) / 1_000_000_000);
    }

    private static void insertMembers(
            DSLContext dsl, SplittableRandom random, long first, int count, String hash, LocalDateTime now) {
        Table<Record> accounts = table(name("accounts"));
        Table<Record> profiles = table(name("profiles"));
        Table<Record> crafts = table(name("profile_crafts"));
        Table<Record> credits = table(name("profile_credits"));
        List<Field<?>> accountFields = fields(
                "id",
                "email",
                "handle",
                "display_name",
                "password_hash",
                "role",
                "state",
                "email_verified_at",
                "created_at");
        List<Field<?>> profileFields = fields(
                "member_id",
                "handle",
                "display_name",
                "headline",
                "location_city",
                "location_country",
                "bio",
                "availability",
                "busy_until",
                "visibility",
                "updated_at",
                "last_active_at",
                "craft_mask");
        List<Field<?>> craftFields = fields("member_id", "craft", "position");
        List<Field<?>> creditFields =
                fields("member_id", "title", "title_key", "release_year", "production_type", "craft", "created_at");
        String[] availabilities = {"AVAILABLE", "BUSY", "NOT_LOOKING", null};
        for (int start = 0; start < count; start += CHUNK) {
            int end = Math.min(count, start + CHUNK);
            List<Object[]> accountRows = new ArrayList<>();
            List<Object[]> profileRows = new ArrayList<>();
            List<Object[]> craftRows = new ArrayList<>();
            List<Object[]> creditRows = new ArrayList<>();
            for (int n = start; n < end; n++) {
                long id = first + n;
                String handle = "bench-" + n;
                String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                String[] city = CITIES[random.nextInt(CITIES.length)];
                int craftCount = 1 + random.nextInt(2);
                String mainCraft = CRAFTS[random.nextInt(CRAFTS.length)];
                String second = craftCount > 1 ? CRAFTS[random.nextInt(CRAFTS.length)] : mainCraft;
                long craftMask = bit(mainCraft) | bit(second);
                accountRows.add(new Object[] {
                    id, handle + "@bench.cinely.local", handle, name, hash, "MEMBER", "ACTIVE", now, now
                });
                String availability = availabilities[random.nextInt(availabilities.length)];
                profileRows.add(new Object[] {
                    id,
                    handle,
                    name,
                    VOCABULARY.text(random, 3) + " " + mainCraft.replace('-', ' '),
                    city[0],
                    city[1],
                    VOCABULARY.text(random, 25),
                    availability,
                    "BUSY".equals(availability) ? now.toLocalDate().plusDays(random.nextInt(-30, 120)) : null,
                    random.nextInt(10) == 0 ? "MEMBERS" : "PUBLIC",
                    now,
                    now.minusMinutes(random.nextInt(60 * 24 * 365)),
                    craftMask
                });
                craftRows.add(new Object[] {id, mainCraft, 0});
                if (!second.equals(mainCraft)) {
                    craftRows.add(new Object[] {id, second, 1});
                }
                for (int c = random.nextInt(4); c > 0; c--) {
                    // A pool of 20,000 productions, so members share credits now and then.
                    int production = random.nextInt(20_000);
                    String title = TITLE_WORDS[production % TITLE_WORDS.length] + " "
                            + TITLE_WORDS[(production / TITLE_WORDS.length) % TITLE_WORDS.length] + " " + production;
                    creditRows.add(new Object[] {
                        id, title, title.toLowerCase(), 2000 + production % 26, "FEATURE", mainCraft, now
                    });
                }
            }
            insert(dsl, accounts, accountFields, accountRows);
            insert(dsl, profiles, profileFields, profileRows);
            insert(dsl, crafts, craftFields, craftRows);
            insert(dsl, credits, creditFields, creditRows);
        }
    }

    /**
     * Random pairs, each stored in both directions, sorted by primary key so that InnoDB appends
     * instead of splitting pages. The hubs get exactly {@link #HUB_CONNECTIONS} connections.
     */
    private static void insertConnections(
            DSLContext dsl, SplittableRandom random, long first, int members, int pairs, LocalDateTime now) {
        long[] directed = new long[pairs * 2];
        int size = 0;
        for (int hub = 0; hub < HUBS; hub++) {
            for (int k = 0; k < HUB_CONNECTIONS; k++) {
                long other = HUBS + random.nextInt(members - HUBS);
                directed[size++] = pack(first + hub, first + other);
                directed[size++] = pack(first + other, first + hub);
            }
        }
        while (size < directed.length) {
            // Not the hubs: they keep exactly their 500.
            long a = HUBS + random.nextInt(members - HUBS);
            long b = HUBS + random.nextInt(members - HUBS);
            if (a == b) {
                continue;
            }
            directed[size++] = pack(first + a, first + b);
            directed[size++] = pack(first + b, first + a);
        }
        Arrays.sort(directed);
        Table<Record> connections = table(name("connections"));
        List<Field<?>> fields = fields("member_id", "other_id", "created_at");
        List<Object[]> rows = new ArrayList<>(CHUNK);
        long previous = -1;
        for (long edge : directed) {
            if (edge == previous) {
                continue; // the same pair drawn twice
            }
            previous = edge;
            rows.add(new Object[] {edge >>> 32, edge & 0xFFFFFFFFL, now});
            if (rows.size() == CHUNK * 2) {
                insert(dsl, connections, fields, rows);
                rows.clear();
            }
        }
        insert(dsl, connections, fields, rows);
    }

    private static long pack(long a, long b) {
        return (a << 32) | b;
    }

    /** The craft's bit in profiles.craft_mask (Craft.bit). */
    private static long bit(String slug) {
        return org.cinely.platform.Craft.fromSlug(slug).orElseThrow().bit();
    }

    private static List<Field<?>> fields(String... names) {
        List<Field<?>> fields = new ArrayList<>();
        for (String n : names) {
            fields.add(field(name(n)));
        }
        return fields;
    }

    /** One multi-row INSERT with inlined values (no 20,000 bind variables to parse). */
    private static void insert(DSLContext dsl, Table<Record> table, List<Field<?>> fields, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(table).columns(fields);
        var step = insert.values(inline(rows.get(0)));
        for (int i = 1; i < rows.size(); i++) {
            step = step.values(inline(rows.get(i)));
        }
        step.execute();
    }

    private static List<Field<?>> inline(Object[] row) {
        List<Field<?>> values = new ArrayList<>(row.length);
        for (Object value : row) {
            values.add(DSL.inline(value));
        }
        return values;
    }

    static void log(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(format, args));
    }
}

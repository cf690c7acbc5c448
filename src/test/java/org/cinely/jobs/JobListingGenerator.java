package org.cinely.jobs;

import static org.cinely.jobs.jooq.Tables.JOB_LISTINGS;
import static org.cinely.jobs.jooq.Tables.JOB_LISTING_CRAFTS;
import static org.cinely.jobs.jooq.Tables.JOB_SEARCH;
import static org.cinely.jobs.jooq.Tables.JOB_SEARCH_CRAFTS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.cinely.benchmark.Vocabulary;
import org.cinely.platform.Craft;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The data generator for benchmarks: fills job_listings (and their crafts) with realistic,
 * reproducible listings using multi-row inserts of a few thousand rows each. A given share is
 * open; the rest are closed or expired, spread over the last year.
 */
class JobListingGenerator {

    private static final String[] PLACES = {
        "Lisbon|Portugal",
        "Porto|Portugal",
        "London|United Kingdom",
        "Manchester|United Kingdom",
        "Berlin|Germany",
        "Hamburg|Germany",
        "Paris|France",
        "Marseille|France",
        "Madrid|Spain",
        "Barcelona|Spain",
        "Rome|Italy",
        "Milan|Italy",
        "Oslo|Norway",
        "Bergen|Norway",
        "Stockholm|Sweden",
        "New York|United States",
        "Los Angeles|United States",
        "Atlanta|United States",
        "Toronto|Canada",
        "Vancouver|Canada",
        "Accra|Ghana",
        "Lagos|Nigeria",
        "Seoul|South Korea",
        "Tokyo|Japan",
        "Mumbai|India",
        "Sydney|Australia",
        "Mexico City|Mexico",
        "Bogotá|Colombia",
        "Cape Town|South Africa",
        "Dublin|Ireland"
    };
    private static final String[] ADJECTIVES = {
        "night",
        "handheld",
        "studio",
        "period",
        "low-budget",
        "indie",
        "aerial",
        "underwater",
        "documentary",
        "music",
        "car",
        "winter",
        "desert",
        "coastal",
        "urban",
        "rural",
        "horror",
        "comedy",
        "drama",
        "thriller"
    };
    private static final String[] NOUNS = {
        "shoot",
        "feature",
        "short",
        "series",
        "commercial",
        "music video",
        "pilot",
        "pickup days",
        "reshoots",
        "second unit",
        "promo",
        "fashion film",
        "docuseries",
        "web series",
        "trailer"
    };
    private static final String[] SENTENCES = {
        "Exteriors on the river at night with a tungsten package.",
        "Handheld work in tight interiors, mostly available light.",
        "Studio build over two stages with a rain rig.",
        "We shoot on Alexa Mini with anamorphic lenses.",
        "Super 16 for the flashbacks, digital for the present day.",
        "Food, travel and lodging are covered for the whole shoot.",
        "Car rigs and a tracking vehicle on closed roads.",
        "A small crew, long days, and a story we care about.",
        "Underwater sequences in a tank with safety divers.",
        "Period costumes and a practical-lit ballroom scene.",
        "Drone plates over the coast at golden hour.",
        "Dialogue-heavy scenes, so sound matters a lot to us.",
        "Two cameras throughout, multicam for the concert.",
        "Green screen days with a VFX supervisor on set.",
        "Desert exteriors, early calls and heat on the day.",
        "Snow and winter light in the mountains.",
        "Festival-bound short with a strong script.",
        "Commissioned documentary with access already secured.",
        "Rehearsals the week before; shot list attached.",
        "Union rates with overtime after ten hours."
    };
    private static final String[] TYPES = {
        "FEATURE", "SHORT", "SERIES", "DOCUMENTARY", "COMMERCIAL", "MUSIC_VIDEO", "CORPORATE", "STUDENT", "OTHER"
    };
    private static final String[] UNITS = {"HOUR", "DAY", "DAY", "DAY", "WEEK", "FLAT"};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "CAD", "NOK"};
    private static final String[] UNIONS = {"UNION", "NON_UNION", "EITHER", "EITHER"};

    private final DSLContext dsl;
    private static final Vocabulary VOCABULARY = new Vocabulary(4_000);

    private final Random random = new Random(20261126L);
    private final SplittableRandom words = new SplittableRandom(20261126L);

    JobListingGenerator(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts {@code count} listings, {@code openShare} of them open now; returns the time taken. */
    long generate(int count, double openShare, long posterId, LocalDateTime now) {
        long started = System.nanoTime();
        Craft[] crafts = Craft.values();
        List<Field<?>> fields = List.of(
                JOB_LISTINGS.ID,
                JOB_LISTINGS.POSTER_ID,
                JOB_LISTINGS.TITLE,
                JOB_LISTINGS.PRODUCTION_TITLE,
                JOB_LISTINGS.PRODUCTION_TYPE,
                JOB_LISTINGS.COMPANY,
                JOB_LISTINGS.LOCATION_CITY,
                JOB_LISTINGS.LOCATION_COUNTRY,
                JOB_LISTINGS.REMOTE,
                JOB_LISTINGS.START_DATE,
                JOB_LISTINGS.END_DATE,
                JOB_LISTINGS.COMPENSATION,
                JOB_LISTINGS.PAY_AMOUNT,
                JOB_LISTINGS.PAY_UNIT,
                JOB_LISTINGS.PAY_CURRENCY,
                JOB_LISTINGS.UNION_STATUS,
                JOB_LISTINGS.DESCRIPTION,
                JOB_LISTINGS.WANTS_REEL,
                JOB_LISTINGS.WANTS_CREDITS,
                JOB_LISTINGS.WANTS_COVER_NOTE,
                JOB_LISTINGS.APPLICATION_DEADLINE,
                JOB_LISTINGS.STATUS,
                JOB_LISTINGS.CREATED_AT,
                JOB_LISTINGS.UPDATED_AT,
                JOB_LISTINGS.EXPIRES_AT,
                JOB_LISTINGS.CLOSED_AT,
                JOB_LISTINGS.VERSION);
        long firstId = 1
                + dsl.select(DSL.coalesce(DSL.max(JOB_LISTINGS.ID), 0L))
                        .from(JOB_LISTINGS)
                        .fetchOne(0, Long.class);
        int batch = 2000;
        for (int from = 0; from < count; from += batch) {
            List<org.jooq.RowN> rows = new ArrayList<>(batch);
            List<org.jooq.Row3<Long, String, Integer>> craftRows = new ArrayList<>(batch * 2);
            List<org.jooq.RowN> searchRows = new ArrayList<>(batch);
            List<org.jooq.Row2<String, Long>> searchCraftRows = new ArrayList<>(batch * 2);
            for (int i = from; i < Math.min(count, from + batch); i++) {
                long id = firstId + i;
                boolean open = random.nextDouble() < openShare;
                boolean closed = !open && random.nextBoolean();
                LocalDateTime created = open
                        ? now.minusMinutes(random.nextInt(30 * 24 * 60))
                        : now.minusDays(30 + random.nextInt(330)).minusMinutes(random.nextInt(1440));
                LocalDateTime expires = open ? created.plusDays(30 + random.nextInt(60)) : created.plusDays(30);
                if (open && !expires.isAfter(now)) {
                    expires = now.plusDays(1 + random.nextInt(30));
                }
                Craft craft = crafts[random.nextInt(crafts.length)];
                Craft second = random.nextInt(3) == 0 ? crafts[random.nextInt(crafts.length)] : null;
                String[] place = PLACES[random.nextInt(PLACES.length)].split("\\|");
                boolean remote = random.nextInt(8) == 0;
                int comp = random.nextInt(10);
                String compensation = comp < 6 ? "PAID" : comp < 8 ? "DEFERRED" : "UNPAID";
                boolean paid = compensation.equals("PAID");
                String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
                String noun = NOUNS[random.nextInt(NOUNS.length)];
                String title = label(craft) + " for a " + adjective + " " + noun;
                String production = capitalise(ADJECTIVES[random.nextInt(ADJECTIVES.length)]) + " "
                        + capitalise(NOUNS[random.nextInt(NOUNS.length)]) + " " + (1 + random.nextInt(999));
                // Two stock sentences and 30 words drawn with real text's long-tailed frequencies
                // (Vocabulary): a few words are in most listings, most words in few.
                StringBuilder description = new StringBuilder();
                for (int s = 0; s < 2; s++) {
                    description
                            .append(SENTENCES[random.nextInt(SENTENCES.length)])
                            .append(' ');
                }
                description.append(VOCABULARY.text(words, 30)).append('.');
                var start = created.toLocalDate().plusDays(7 + random.nextInt(60));
                String text = description.toString().strip();
                String city = remote && random.nextBoolean() ? null : place[0];
                String union = UNIONS[random.nextInt(UNIONS.length)];
                boolean wantsReel = random.nextBoolean();
                var deadline = random.nextInt(3) == 0 ? start.minusDays(3) : null;
                rows.add(DSL.row(
                        id,
                        posterId,
                        title,
                        production,
                        TYPES[random.nextInt(TYPES.length)],
                        "Company " + random.nextInt(5000),
                        city,
                        place[1],
                        remote,
                        start,
                        start.plusDays(random.nextInt(30)),
                        compensation,
                        paid ? BigDecimal.valueOf(50 + random.nextInt(900)) : null,
                        paid ? UNITS[random.nextInt(UNITS.length)] : null,
                        paid ? CURRENCIES[random.nextInt(CURRENCIES.length)] : null,
                        union,
                        text,
                        wantsReel,
                        true,
                        true,
                        deadline,
                        closed ? "CLOSED" : "OPEN",
                        created,
                        created,
                        expires,
                        closed ? created.plusDays(5) : null,
                        0L));
                if (open) {
                    // The board's search table holds the open listings (JobSearchIndex does this in the app).
                    LocalDateTime closesAt = JobSearchIndex.closesAt(expires, deadline);
                    searchRows.add(DSL.row(new Object[] {
                        id,
                        title,
                        production,
                        text,
                        craft.bit() | (second == null ? 0L : second.bit()),
                        city,
                        place[1],
                        remote,
                        paid,
                        union,
                        start,
                        created,
                        expires,
                        closesAt
                    }));
                }
                craftRows.add(DSL.row(id, craft.slug(), 0));
                if (open) {
                    searchCraftRows.add(DSL.row(craft.slug(), id));
                }
                if (second != null && second != craft) {
                    craftRows.add(DSL.row(id, second.slug(), 1));
                    if (open) {
                        searchCraftRows.add(DSL.row(second.slug(), id));
                    }
                }
            }
            dsl.insertInto(JOB_LISTINGS, fields).valuesOfRows(rows).execute();
            dsl.insertInto(
                            JOB_LISTING_CRAFTS,
                            JOB_LISTING_CRAFTS.JOB_ID,
                            JOB_LISTING_CRAFTS.CRAFT,
                            JOB_LISTING_CRAFTS.POSITION)
                    .valuesOfRows(craftRows)
                    .execute();
            if (!searchRows.isEmpty()) {
                dsl.insertInto(
                                JOB_SEARCH,
                                List.<Field<?>>of(
                                        JOB_SEARCH.JOB_ID,
                                        JOB_SEARCH.TITLE,
                                        JOB_SEARCH.PRODUCTION_TITLE,
                                        JOB_SEARCH.DESCRIPTION,
                                        JOB_SEARCH.CRAFT_MASK,
                                        JOB_SEARCH.LOCATION_CITY,
                                        JOB_SEARCH.LOCATION_COUNTRY,
                                        JOB_SEARCH.REMOTE,
                                        JOB_SEARCH.PAID,
                                        JOB_SEARCH.UNION_STATUS,
                                        JOB_SEARCH.START_DATE,
                                        JOB_SEARCH.CREATED_AT,
                                        JOB_SEARCH.EXPIRES_AT,
                                        JOB_SEARCH.CLOSES_AT))
                        .valuesOfRows(searchRows)
                        .execute();
                dsl.insertInto(JOB_SEARCH_CRAFTS, JOB_SEARCH_CRAFTS.CRAFT, JOB_SEARCH_CRAFTS.JOB_ID)
                        .valuesOfRows(searchCraftRows)
                        .execute();
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String label(Craft craft) {
        return capitalise(craft.slug().replace('-', ' '));
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

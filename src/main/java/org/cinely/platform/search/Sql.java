package org.cinely.platform.search;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;

/** Small SQL helpers the modules' hand-written jOOQ queries share. */
public final class Sql {

    /** The escape character {@link #escapeLike} uses: pass it to {@code like(pattern, LIKE_ESCAPE)}. */
    public static final char LIKE_ESCAPE = '!';

    private Sql() {}

    /** The text as a LIKE pattern that matches it literally ({@code %} and {@code _} included). */
    public static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * How many rows match, counting no further than {@code cap + 1}: a page says "more than 1,000"
     * rather than paying to count every match of a broad search.
     */
    public static int cappedCount(DSLContext dsl, Table<?> table, Condition where, int cap) {
        return dsl.fetchCount(dsl.selectOne().from(table).where(where).limit(cap + 1));
    }

    /**
     * An instant as the UTC wall-clock time a {@code DATETIME} column holds (connections run in
     * UTC; see the README), for jOOQ's {@code LocalDateTime} columns.
     */
    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

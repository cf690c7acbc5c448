package org.cinely.platform.admin;

import java.time.LocalDate;
import java.util.List;

/**
 * A module's figures for the admin dashboard (one bean per module; the moderation module draws
 * them). Each module counts its own tables, so the dashboard reads no other module's data.
 */
public interface AdminMetrics {

    /** The order the module's panels come in on the dashboard (lower first). */
    int order();

    /** The module's panels, with daily series from {@code since} (inclusive, UTC days) to today. */
    List<Metric> metrics(LocalDate since, LocalDate today);

    /**
     * One panel: a headline figure, an optional line of detail, and an optional count per day
     * (oldest first, one per day from {@code since} to today) drawn as a small chart.
     *
     * @param labelKey message key of the panel's title
     * @param detailKey message key of the detail line (with {@code detailArgs}), or null
     */
    record Metric(String labelKey, String value, String detailKey, List<Object> detailArgs, List<Long> perDay) {}

    /** Counts per day from rows keyed by date, zero where a day has none. */
    static List<Long> series(java.util.Map<LocalDate, ? extends Number> byDay, LocalDate since, LocalDate today) {
        List<Long> days = new java.util.ArrayList<>();
        for (LocalDate day = since; !day.isAfter(today); day = day.plusDays(1)) {
            Number count = byDay.get(day);
            days.add(count == null ? 0L : count.longValue());
        }
        return days;
    }
}

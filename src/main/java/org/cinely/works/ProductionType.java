package org.cinely.works;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of production a work is; the label comes from messages ({@code work.type.short}). */
public enum ProductionType {
    SHORT,
    FEATURE,
    DOCUMENTARY,
    SERIES,
    MUSIC_VIDEO,
    COMMERCIAL,
    REEL,
    OTHER;

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "work.type." + slug();
    }

    public static Optional<ProductionType> fromSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug().equals(slug)).findFirst();
    }
}

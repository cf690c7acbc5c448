package org.cinely.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind of production a credit, a work or a job is for: one list, so a "music video" is the
 * same thing (and the same label) everywhere. Each use offers the kinds that make sense for it
 * ({@link #FOR_CREDITS}, {@link #FOR_WORKS}, {@link #FOR_JOBS}); stored by name.
 */
public enum ProductionType {
    FEATURE,
    SHORT,
    DOCUMENTARY,
    SERIES,
    COMMERCIAL,
    MUSIC_VIDEO,
    CORPORATE,
    STUDENT,
    REEL,
    OTHER;

    /** A credit names a production someone worked on. */
    public static final List<ProductionType> FOR_CREDITS =
            List.of(FEATURE, SHORT, DOCUMENTARY, SERIES, COMMERCIAL, MUSIC_VIDEO, OTHER);

    /** A shared work may also be a member's reel. */
    public static final List<ProductionType> FOR_WORKS =
            List.of(SHORT, FEATURE, DOCUMENTARY, SERIES, MUSIC_VIDEO, COMMERCIAL, REEL, OTHER);

    /** A job may also be for a corporate or student production. */
    public static final List<ProductionType> FOR_JOBS =
            List.of(FEATURE, SHORT, SERIES, DOCUMENTARY, COMMERCIAL, MUSIC_VIDEO, CORPORATE, STUDENT, OTHER);

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "production-type." + slug();
    }

    public static Optional<ProductionType> fromSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug().equals(slug)).findFirst();
    }
}

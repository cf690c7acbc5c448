package org.cinely.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The curated list of film crafts. The slug is what URLs and the database hold
 * ({@code /members?craft=gaffer}); the label comes from messages ({@code craft.gaffer}).
 */
public enum Craft {
    DIRECTOR,
    PRODUCER,
    WRITER,
    CINEMATOGRAPHER,
    CAMERA_OPERATOR,
    FIRST_AC,
    SECOND_AC,
    GAFFER,
    KEY_GRIP,
    GRIP,
    ELECTRICIAN,
    PRODUCTION_DESIGNER,
    ART_DIRECTOR,
    SET_DECORATOR,
    COSTUME_DESIGNER,
    HAIR_MAKEUP,
    SOUND_MIXER,
    BOOM_OPERATOR,
    EDITOR,
    ASSISTANT_EDITOR,
    COLORIST,
    VFX_ARTIST,
    MOTION_DESIGNER,
    COMPOSER,
    SOUND_DESIGNER,
    ACTOR,
    CASTING_DIRECTOR,
    PRODUCTION_MANAGER,
    ASSISTANT_DIRECTOR,
    SCRIPT_SUPERVISOR,
    LOCATION_MANAGER,
    PRODUCTION_ASSISTANT,
    OTHER;

    // Worked out once: every card's chips ask for them, and fromSlug for every craft read back
    // from the database (a list page's worth of string building per request otherwise, issue 15).
    private final String slug = name().toLowerCase(Locale.ROOT).replace('_', '-');
    private final String messageKey = "craft." + slug;
    private static final Map<String, Craft> BY_SLUG =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Craft::slug, craft -> craft));

    public String slug() {
        return slug;
    }

    /**
     * This craft's bit in a craft mask (profiles.craft_mask, job_search.craft_mask): bit n for the
     * craft at position n. Masks are stored, so new crafts go at the end (before nothing else moves);
     * CraftTests pins the order.
     */
    public long bit() {
        return 1L << ordinal();
    }

    /** The mask of several crafts: any of them matches a row whose mask shares a bit. */
    public static long mask(java.util.Collection<Craft> crafts) {
        long mask = 0;
        for (Craft craft : crafts) {
            mask |= craft.bit();
        }
        return mask;
    }

    public String messageKey() {
        return messageKey;
    }

    public static Optional<Craft> fromSlug(String slug) {
        return slug == null ? Optional.empty() : Optional.ofNullable(BY_SLUG.get(slug));
    }
}

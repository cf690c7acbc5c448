package org.cinely.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

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

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "craft." + slug();
    }

    public static Optional<Craft> fromSlug(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(craft -> craft.slug().equals(slug))
                .findFirst();
    }
}

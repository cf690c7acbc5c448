package org.cinely.profiles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a member is looking for work: shown as a coloured dot with words, and a directory filter. */
public enum Availability {
    AVAILABLE,
    BUSY,
    NOT_LOOKING;

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "availability." + slug();
    }

    public static Optional<Availability> fromSlug(String slug) {
        return Arrays.stream(values()).filter(a -> a.slug().equals(slug)).findFirst();
    }
}

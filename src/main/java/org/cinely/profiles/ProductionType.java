package org.cinely.profiles;

import java.util.Locale;

/** The kind of production a credit is for. */
public enum ProductionType {
    FEATURE,
    SHORT,
    DOCUMENTARY,
    SERIES,
    COMMERCIAL,
    MUSIC_VIDEO,
    OTHER;

    public String messageKey() {
        return "production-type." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

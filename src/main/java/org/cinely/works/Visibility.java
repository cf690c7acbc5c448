package org.cinely.works;

import java.util.Locale;

/** Who may watch a work: everyone, the owner's connections, or only the owner. */
public enum Visibility {
    PUBLIC,
    CONNECTIONS,
    PRIVATE;

    public String messageKey() {
        return "work.visibility." + name().toLowerCase(Locale.ROOT);
    }
}

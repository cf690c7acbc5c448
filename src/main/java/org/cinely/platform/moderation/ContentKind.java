package org.cinely.platform.moderation;

import java.util.Locale;

/** What can be reported and moderated. */
public enum ContentKind {
    PROFILE,
    WORK,
    COMMENT,
    JOB;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "moderation.kind." + slug();
    }

    public static ContentKind fromSlug(String slug) {
        return valueOf(slug.toUpperCase(Locale.ROOT));
    }
}

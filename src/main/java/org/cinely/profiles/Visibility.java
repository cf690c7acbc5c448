package org.cinely.profiles;

/** Who sees a profile in full. Anonymous visitors of a MEMBERS profile see name, handle and crafts. */
public enum Visibility {
    PUBLIC,
    MEMBERS;

    public String messageKey() {
        return "visibility." + name().toLowerCase(java.util.Locale.ROOT);
    }
}

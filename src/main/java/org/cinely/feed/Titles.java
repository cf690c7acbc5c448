package org.cinely.feed;

/**
 * A title stored with a detail beside it in one column ({@code "shortlisted|Gaffer, river shoot"}:
 * an application's status, a saved search's name), so entries and notifications need no column
 * per kind. Titles themselves may hold "|"; the detail never does.
 */
final class Titles {

    record Split(String detail, String title) {}

    private Titles() {}

    static String join(String detail, String title) {
        return detail + "|" + title;
    }

    /** A stored title without a detail splits into an empty detail and the title. */
    static Split split(String stored) {
        String text = stored == null ? "" : stored;
        int bar = text.indexOf('|');
        return bar < 0 ? new Split("", text) : new Split(text.substring(0, bar), text.substring(bar + 1));
    }
}

package org.cinely.feed;

import java.util.Locale;

/**
 * The kinds of notification, each with how it is mailed unless the member chose otherwise: the
 * ones a member would not want to miss at once, the rest in the daily digest or not at all.
 */
public enum NotificationKind {
    CONNECTION_REQUESTED(EmailChoice.INSTANT),
    CONNECTION_ACCEPTED(EmailChoice.INSTANT),
    CREDIT_TAGGED(EmailChoice.INSTANT),
    CREDIT_CONFIRMED(EmailChoice.DAILY),
    WORK_COMMENTED(EmailChoice.DAILY),
    WORK_LIKED(EmailChoice.OFF),
    APPLICATION_RECEIVED(EmailChoice.INSTANT),
    APPLICATION_STATUS(EmailChoice.INSTANT),
    SAVED_SEARCH_MATCH(EmailChoice.INSTANT);

    /** How a kind reaches a member's inbox. */
    public enum EmailChoice {
        INSTANT,
        DAILY,
        OFF;

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final EmailChoice defaultEmail;

    NotificationKind(EmailChoice defaultEmail) {
        this.defaultEmail = defaultEmail;
    }

    public EmailChoice defaultEmail() {
        return defaultEmail;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "notification.kind." + slug();
    }

    static java.util.Optional<NotificationKind> fromSlug(String slug) {
        for (NotificationKind kind : values()) {
            if (kind.slug().equals(slug)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}

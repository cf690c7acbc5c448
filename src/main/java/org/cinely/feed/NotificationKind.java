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
    SAVED_SEARCH_MATCH(EmailChoice.INSTANT),
    MODERATION_DECISION(EmailChoice.INSTANT),
    REPORT_RESOLVED(EmailChoice.DAILY),
    APPEAL_ANSWERED(EmailChoice.INSTANT);

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

    /** The message key that words a stored detail (an application's status, a decision), or null to show it as stored. */
    public String detailKey(String detail) {
        return switch (this) {
            case APPLICATION_STATUS -> "application.status." + detail;
            case MODERATION_DECISION -> "moderation.action." + detail + ".member";
            case REPORT_RESOLVED -> "moderation.kind." + detail;
            case APPEAL_ANSWERED -> "appeal.status." + detail;
            default -> null;
        };
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

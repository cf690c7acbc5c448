package org.cinely.jobs;

import java.util.Locale;

/** The small vocabularies of a listing. Labels come from messages ({@code job.production-type.feature}). */
final class JobTypes {

    private JobTypes() {}

    /** Only a guaranteed payment is PAID; deferred pay (from profits, later) is its own kind. */
    enum Compensation {
        PAID,
        DEFERRED,
        UNPAID;

        public String messageKey() {
            return "job.compensation." + name().toLowerCase(Locale.ROOT);
        }
    }

    enum PayUnit {
        HOUR,
        DAY,
        WEEK,
        FLAT;

        public String messageKey() {
            return "job.pay-unit." + name().toLowerCase(Locale.ROOT);
        }
    }

    enum UnionStatus {
        UNION,
        NON_UNION,
        EITHER;

        public String messageKey() {
            return "job.union." + name().toLowerCase(Locale.ROOT);
        }

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static UnionStatus fromSlug(String slug) {
            for (UnionStatus status : values()) {
                if (status.slug().equals(slug)) {
                    return status;
                }
            }
            return null;
        }
    }

    /** What the reader sees: open, closed by the poster, or past its expiry. */
    enum ListingState {
        OPEN,
        CLOSED,
        EXPIRED;

        public String messageKey() {
            return "job.state." + name().toLowerCase(Locale.ROOT);
        }

        public String cssClass() {
            return switch (this) {
                case OPEN -> "status status--ok";
                case CLOSED -> "status status--danger";
                case EXPIRED -> "status status--warning";
            };
        }
    }

    enum ApplicationStatus {
        NEW,
        SHORTLISTED,
        REJECTED,
        HIRED,
        WITHDRAWN;

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String messageKey() {
            return "application.status." + slug();
        }

        public String cssClass() {
            return switch (this) {
                case NEW -> "status";
                case SHORTLISTED, HIRED -> "status status--ok";
                case REJECTED -> "status status--danger";
                case WITHDRAWN -> "status status--warning";
            };
        }

        /** The statuses a poster may set. */
        public boolean decidable() {
            return this != WITHDRAWN;
        }

        static ApplicationStatus fromSlug(String slug) {
            for (ApplicationStatus status : values()) {
                if (status.slug().equals(slug)) {
                    return status;
                }
            }
            return null;
        }
    }
}

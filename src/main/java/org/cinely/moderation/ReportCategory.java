package org.cinely.moderation;

import java.util.Locale;

/** Why a member reports something; also the rule a decision names. */
public enum ReportCategory {
    SPAM,
    HARASSMENT,
    IMPERSONATION,
    COPYRIGHT,
    SCAM,
    ILLEGAL,
    OTHER;

    public String messageKey() {
        return "moderation.category." + name().toLowerCase(Locale.ROOT);
    }

    /** The house rule this category stands for, as the statement of reasons names it. */
    public String ruleKey() {
        return "moderation.rule." + name().toLowerCase(Locale.ROOT);
    }
}

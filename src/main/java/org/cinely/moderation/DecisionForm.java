package org.cinely.moderation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.validation.Errors;

/**
 * A moderator's decision as typed: the action, the rule broken, a reason for the record and a
 * statement for the member (both required whenever the member is told), and an end date for a
 * suspension (empty: indefinite).
 */
record DecisionForm(
        @NotNull(message = "{moderation.form.action.required}")
        Action action,

        ReportCategory rule,

        @Size(max = 1000, message = "{moderation.form.reason.too-long}")
        String reason,

        @Size(max = 2000, message = "{moderation.form.statement.too-long}")
        String statement,

        LocalDate until) {

    static DecisionForm empty() {
        return new DecisionForm(null, null, "", "", null);
    }

    /** The rules that depend on the action; problems go onto {@code errors}. */
    void check(Errors errors, Clock clock) {
        if (action == null) {
            return;
        }
        boolean told = action != Action.DISMISS;
        if (blank(reason)) {
            errors.rejectValue("reason", "moderation.form.reason.required");
        }
        if (told && action.appealable() && blank(statement)) {
            errors.rejectValue("statement", "moderation.form.statement.required");
        }
        if (action.appealable() && rule == null) {
            errors.rejectValue("rule", "moderation.form.rule.required");
        }
        if (action == Action.SUSPEND && until != null && !until.isAfter(LocalDate.now(clock))) {
            errors.rejectValue("until", "moderation.form.until.future");
        }
    }

    Decisions.Command command() {
        Instant ends =
                action == Action.SUSPEND && until != null ? until.atStartOfDay().toInstant(ZoneOffset.UTC) : null;
        return new Decisions.Command(
                action, rule, reason == null ? "" : reason.strip(), statement == null ? "" : statement.strip(), ends);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

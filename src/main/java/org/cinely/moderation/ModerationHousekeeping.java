package org.cinely.moderation;

import java.time.Clock;
import org.cinely.accounts.AccountsApi;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ModeratorOpenedContent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lifts suspensions whose end date has passed, and audits moderators opening private content. */
@Component
class ModerationHousekeeping {

    private final AccountsApi accounts;
    private final Decisions decisions;
    private final AuditLog audit;
    private final Clock clock;

    ModerationHousekeeping(AccountsApi accounts, Decisions decisions, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cinely.moderation.suspension-check:PT1M}", initialDelayString = "PT20S")
    void endSuspensions() {
        for (MemberId member : accounts.suspensionsEndedBy(clock.instant())) {
            decisions.endSuspension(member);
        }
    }

    @ApplicationModuleListener
    void on(ModeratorOpenedContent event) {
        record(event);
    }

    @Transactional
    void record(ModeratorOpenedContent event) {
        audit.append(event.moderator(), "content.opened", event.ref(), null, null);
    }
}

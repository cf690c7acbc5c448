package org.cinely.feed;

import java.util.Locale;
import org.cinely.moderation.AppealDecided;
import org.cinely.moderation.DecisionTaken;
import org.cinely.moderation.ReportResolved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Notifications of moderation: a decision about a member or their content, a report's outcome,
 * an appeal's answer, each with its signed statement link. Moderators stay anonymous.
 */
@Component
class ModerationNotifications {

    private final Notifier notifier;

    ModerationNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @ApplicationModuleListener
    void on(DecisionTaken event) {
        notifier.notify(
                event.member(),
                "decision:" + event.decisionId(),
                NotificationKind.MODERATION_DECISION,
                null,
                Subject.MEMBER,
                event.member().value(),
                Titles.join(
                        event.action().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        event.title() == null ? "" : event.title()),
                event.link());
    }

    @ApplicationModuleListener
    void on(ReportResolved event) {
        notifier.notify(
                event.reporter(),
                "report-resolved:" + event.reportId(),
                NotificationKind.REPORT_RESOLVED,
                null,
                Subject.MEMBER,
                event.reporter().value(),
                Titles.join(event.target().kind().slug(), ""),
                "/moderation/reports");
    }

    @ApplicationModuleListener
    void on(AppealDecided event) {
        notifier.notify(
                event.member(),
                "appeal:" + event.appealId(),
                NotificationKind.APPEAL_ANSWERED,
                null,
                Subject.MEMBER,
                event.member().value(),
                Titles.join(event.reversed() ? "approved" : "rejected", ""),
                event.link());
    }
}

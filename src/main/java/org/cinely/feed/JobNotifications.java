package org.cinely.feed;

import org.cinely.jobs.ApplicationStatusChanged;
import org.cinely.jobs.ApplicationSubmitted;
import org.cinely.jobs.SavedSearchMatched;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Notifications about jobs: a new application, its status, a saved search's new match. */
@Component
class JobNotifications {

    private final Notifier notifier;

    JobNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @ApplicationModuleListener
    void on(ApplicationSubmitted event) {
        notifier.notify(
                event.poster(),
                "application:" + event.application(),
                NotificationKind.APPLICATION_RECEIVED,
                event.applicant(),
                Subject.JOB,
                event.job().value(),
                event.jobTitle(),
                "/jobs/" + event.job().value() + "/applicants/" + event.application());
    }

    @ApplicationModuleListener
    void on(ApplicationStatusChanged event) {
        if ("withdrawn".equals(event.to()) || "new".equals(event.to())) {
            return;
        }
        notifier.notify(
                event.applicant(),
                "application-status:" + event.application() + ":" + event.to() + ":"
                        + event.at().toEpochMilli(),
                NotificationKind.APPLICATION_STATUS,
                event.poster(),
                Subject.JOB,
                event.job().value(),
                Titles.join(event.to(), event.jobTitle()),
                "/jobs/" + event.job().value());
    }

    @ApplicationModuleListener
    void on(SavedSearchMatched event) {
        notifier.notify(
                event.member(),
                "saved-search:" + event.savedSearch() + ":" + event.job().value(),
                NotificationKind.SAVED_SEARCH_MATCH,
                null,
                Subject.JOB,
                event.job().value(),
                Titles.join(event.searchName(), event.jobTitle()),
                "/jobs/" + event.job().value(),
                event.emailAlert());
    }
}

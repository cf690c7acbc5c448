package org.cinely.feed;

import org.cinely.accounts.AccountState;
import org.cinely.accounts.AccountStateChanged;
import org.cinely.connections.ConnectionAccepted;
import org.cinely.connections.ConnectionDeclined;
import org.cinely.connections.ConnectionRemoved;
import org.cinely.connections.ConnectionRequested;
import org.cinely.connections.ConnectionWithdrawn;
import org.cinely.connections.MemberBlocked;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Notifications about connections and accounts: a request, its answer, a removal or block takes
 * back what no longer holds. The other sources have their own writers ({@link WorkNotifications},
 * {@link JobNotifications}, {@link ModerationNotifications}); all write through {@link Notifier},
 * which keeps one notification per event and recipient, so a redelivered event adds nothing.
 */
@Component
class NotificationWriter {

    private final Notifier notifier;

    NotificationWriter(Notifier notifier) {
        this.notifier = notifier;
    }

    @ApplicationModuleListener
    void on(ConnectionRequested event) {
        notifier.notify(
                event.recipient(),
                "connection-request:" + event.requestId(),
                NotificationKind.CONNECTION_REQUESTED,
                event.requester(),
                Subject.MEMBER,
                event.requester().value(),
                null,
                "/connections/requests");
    }

    @ApplicationModuleListener
    void on(ConnectionDeclined event) {
        notifier.retract(NotificationStore.event(event.recipient(), "connection-request:" + event.requestId()));
    }

    @ApplicationModuleListener
    void on(ConnectionWithdrawn event) {
        notifier.retract(NotificationStore.event(event.recipient(), "connection-request:" + event.requestId()));
    }

    @ApplicationModuleListener
    void on(ConnectionAccepted event) {
        notifier.notify(
                event.requester(),
                EventKeys.connected(event.requester(), event.accepter()),
                NotificationKind.CONNECTION_ACCEPTED,
                event.accepter(),
                Subject.MEMBER,
                event.accepter().value(),
                null,
                notifier.memberPath(event.accepter()));
    }

    @ApplicationModuleListener
    void on(ConnectionRemoved event) {
        notifier.retract(NotificationStore.eventKey(EventKeys.connected(event.remover(), event.other())));
    }

    /** Neither hears of the other any more: what each was told of the other goes. */
    @ApplicationModuleListener
    void on(MemberBlocked event) {
        notifier.retract(NotificationStore.between(event.blocker(), event.blocked())
                .or(NotificationStore.between(event.blocked(), event.blocker())));
    }

    /** A suspended or banned member's notifications to others go. */
    @ApplicationModuleListener
    void on(AccountStateChanged event) {
        if (event.state() != AccountState.ACTIVE) {
            notifier.retract(NotificationStore.byActor(event.memberId()));
        }
    }
}

package org.cinely.feed;

import java.util.Collection;
import java.util.List;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.platform.MemberId;
import org.springframework.stereotype.Component;

/**
 * Writes one notification for a recipient and what follows from it: its e-mail queued in the same
 * transaction (by the member's choice) and the bell of their open pages updated. Idempotent: one
 * notification per event and recipient ({@link NotificationStore#add}), so a redelivered event
 * adds, and mails, nothing.
 */
@Component
class Notifier {

    private final NotificationStore store;
    private final NotificationMailQueue mail;
    private final LiveEvents live;
    private final AccountsApi accounts;

    Notifier(NotificationStore store, NotificationMailQueue mail, LiveEvents live, AccountsApi accounts) {
        this.store = store;
        this.mail = mail;
        this.live = live;
        this.accounts = accounts;
    }

    NotificationStore store() {
        return store;
    }

    void notify(
            MemberId recipient,
            String eventKey,
            NotificationKind kind,
            MemberId actor,
            Subject subject,
            long subjectId,
            String title,
            String link) {
        notify(recipient, eventKey, kind, actor, subject, subjectId, title, link, true);
    }

    /** @param mailable false when the subject itself says "no e-mail" (a saved search's switch) */
    void notify(
            MemberId recipient,
            String eventKey,
            NotificationKind kind,
            MemberId actor,
            Subject subject,
            long subjectId,
            String title,
            String link,
            boolean mailable) {
        if (recipient.equals(actor)) {
            return;
        }
        store.add(recipient, eventKey, kind, actor, subject, subjectId, title, link, mailable)
                .ifPresent(id -> {
                    if (mailable && store.choice(recipient, kind) == NotificationKind.EmailChoice.INSTANT) {
                        mail.enqueue(id, recipient, kind);
                    }
                    announceUnread(List.of(recipient));
                });
    }

    void retract(org.jooq.Condition which) {
        announceUnread(store.remove(which));
    }

    /** Open pages of these members update their bell. */
    void announceUnread(Collection<MemberId> recipients) {
        for (MemberId recipient : recipients) {
            live.publish(
                    List.of(recipient), LiveEvents.Kind.NOTIFICATIONS, "{\"unread\":" + store.unread(recipient) + "}");
        }
    }

    String memberPath(MemberId member) {
        return accounts.findMember(member)
                .map(MemberSummary::handle)
                .map(h -> "/members/" + h)
                .orElse("/connections");
    }
}

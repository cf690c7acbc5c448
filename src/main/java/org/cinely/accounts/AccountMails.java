package org.cinely.accounts;

import java.util.Locale;
import org.cinely.platform.mail.MailOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The mail accounts sends: verification and password reset links. Words come from messages. */
@Component
class AccountMails {

    private final MailOutbox outbox;
    private final MessageSource messages;
    private final String baseUrl;

    AccountMails(MailOutbox outbox, MessageSource messages, @Value("${cinely.base-url}") String baseUrl) {
        this.outbox = outbox;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    void sendVerification(Account account, String token) {
        String link = link("/verify-email", token);
        outbox.enqueue(
                account.getEmail(),
                text("mail.verify.subject"),
                text("mail.verify.body", account.getDisplayName(), link));
    }

    void sendPasswordReset(Account account, String token) {
        String link = link("/password-reset/confirm", token);
        outbox.enqueue(
                account.getEmail(),
                text("mail.reset.subject"),
                text("mail.reset.body", account.getDisplayName(), link));
    }

    /** The link that confirms a new address goes to that address, never to the old one. */
    void sendEmailChangeConfirmation(Account account, String newEmail, String token) {
        String link = link("/settings/email/confirm", token);
        outbox.enqueue(
                newEmail,
                text("mail.email-change.subject"),
                text("mail.email-change.body", account.getDisplayName(), link, EmailChanges.LINK_LIFETIME.toHours()));
    }

    /** Tells the old address, with the new one masked (the owner recognises it; a thief learns little). */
    void sendEmailChangedNotice(Account account, String previousEmail, String newEmail) {
        outbox.enqueue(
                previousEmail,
                text("mail.email-changed.subject"),
                text(
                        "mail.email-changed.body",
                        account.getDisplayName(),
                        EmailChanges.mask(newEmail),
                        link("/password-reset", null)));
    }

    void sendDeletionScheduled(Account account, java.time.Instant due) {
        outbox.enqueue(
                account.getEmail(),
                text("mail.deletion.subject"),
                text("mail.deletion.body", account.getDisplayName(), java.util.Date.from(due), link("/login", null)));
    }

    void sendDeletionCancelled(Account account) {
        outbox.enqueue(
                account.getEmail(),
                text("mail.deletion-cancelled.subject"),
                text("mail.deletion-cancelled.body", account.getDisplayName()));
    }

    private String link(String path, String token) {
        if (token == null) {
            return UriComponentsBuilder.fromUriString(baseUrl)
                    .path(path)
                    .build()
                    .toUriString();
        }
        return UriComponentsBuilder.fromUriString(baseUrl)
                .path(path)
                .queryParam("token", token)
                .build()
                .toUriString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}

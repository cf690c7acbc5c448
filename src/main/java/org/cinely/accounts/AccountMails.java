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

    private String link(String path, String token) {
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

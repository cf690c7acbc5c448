package org.cinely.platform.mail;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Sends plain-text mail. With SMTP configured (SPRING_MAIL_HOST) mail goes out through it, and
 * neither its text nor its links reach the log or the database. Without SMTP, mail is kept in the
 * dev outbox (an admin page) and written to the log only in explicit development mode
 * ({@code cinely.mail.dev-outbox}, on for {@code ./mvnw spring-boot:run} through the "dev" profile):
 * verification and reset links are credentials, so a production node never stores or logs them.
 * Otherwise it is not sent, and the log says why (without the text).
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender smtp;
    private final OutboxMailRepository outbox;
    private final String from;
    private final boolean devOutbox;

    Mailer(
            ObjectProvider<JavaMailSender> smtp,
            OutboxMailRepository outbox,
            @Value("${spring.mail.host:}") String smtpHost,
            @Value("${cinely.mail.from}") String from,
            @Value("${cinely.mail.dev-outbox:false}") boolean devOutbox) {
        this.smtp = StringUtils.hasText(smtpHost) ? smtp.getIfAvailable() : null;
        this.outbox = outbox;
        this.from = from;
        this.devOutbox = this.smtp == null && devOutbox;
        if (this.smtp == null && !devOutbox) {
            log.warn("No SMTP server is configured (SPRING_MAIL_HOST): mail will not be sent. "
                    + "On a development machine, CINELY_DEV_OUTBOX=true keeps it in /admin/outbox instead.");
        }
    }

    /**
     * Sends one message. Returns false (and logs) when SMTP refuses it, so a caller can tell the
     * user to retry instead of failing their whole request.
     */
    public boolean send(String to, String subject, String body) {
        if (smtp == null) {
            if (!devOutbox) {
                log.warn("Mail not sent (no SMTP server configured): \"{}\"", subject);
                return false;
            }
            outbox.save(new OutboxMail(to, subject, body, false, Instant.now()));
            log.info("Mail kept in the dev outbox (development mode)\nTo: {}\nSubject: {}\n\n{}", to, subject, body);
            return true;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            smtp.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Mail to {} could not be sent: {}", to, e.getMessage());
            return false;
        }
    }

    /** True when an SMTP server sends the mail. */
    public boolean sendsBySmtp() {
        return smtp != null;
    }

    /** True when mail is kept in the dev outbox rather than sent (development mode only). */
    public boolean usesDevOutbox() {
        return devOutbox;
    }
}

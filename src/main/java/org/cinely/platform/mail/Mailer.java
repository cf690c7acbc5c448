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
 * Sends plain-text mail. With SMTP configured (SPRING_MAIL_HOST) mail goes out through it; without,
 * each message is kept in the dev outbox (an admin page) and written to the log, so links in
 * sign-up and password mails can still be followed on a machine with no mail server.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender smtp;
    private final OutboxMailRepository outbox;
    private final String from;

    Mailer(
            ObjectProvider<JavaMailSender> smtp,
            OutboxMailRepository outbox,
            @Value("${spring.mail.host:}") String smtpHost,
            @Value("${cinely.mail.from}") String from) {
        this.smtp = StringUtils.hasText(smtpHost) ? smtp.getIfAvailable() : null;
        this.outbox = outbox;
        this.from = from;
    }

    /**
     * Sends one message. Returns false (and logs) when SMTP refuses it, so a caller can tell the
     * user to retry instead of failing their whole request.
     */
    public boolean send(String to, String subject, String body) {
        if (smtp == null) {
            outbox.save(new OutboxMail(to, subject, body, false, Instant.now()));
            log.info("Mail kept in the dev outbox (no SMTP configured)\nTo: {}\nSubject: {}\n\n{}", to, subject, body);
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

    /** True when mail is kept in the dev outbox rather than sent. */
    public boolean usesDevOutbox() {
        return smtp == null;
    }
}

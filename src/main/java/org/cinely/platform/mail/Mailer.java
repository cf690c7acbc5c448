package org.cinely.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
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
     * Sends one message with extra headers (such as List-Unsubscribe, and the Message-ID the
     * outbox gives it, kept as given). Returns false (and logs) when it could not be sent, so the
     * outbox retries later. Only {@link MailSender} calls this: everything else queues mail in
     * {@link MailOutbox}.
     */
    boolean send(String to, String subject, String body, Map<String, String> headers) {
        if (smtp == null) {
            if (!devOutbox) {
                log.warn("Mail not sent (no SMTP server configured): \"{}\"", subject);
                return false;
            }
            StringBuilder lines = new StringBuilder();
            headers.forEach((name, value) ->
                    lines.append(name).append(": ").append(value).append('\n'));
            outbox.save(new OutboxMail(
                    to,
                    subject,
                    body,
                    false,
                    Instant.now(),
                    lines.isEmpty() ? null : lines.toString().strip()));
            log.info("Mail kept in the dev outbox (development mode)\nTo: {}\nSubject: {}\n\n{}", to, subject, body);
            return true;
        }
        try {
            MimeMessage message = headers.containsKey("Message-ID") && smtp instanceof JavaMailSenderImpl impl
                    ? new KeptMessageId(impl.getSession())
                    : smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            for (Map.Entry<String, String> header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            smtp.send(message);
            return true;
        } catch (MailException | MessagingException e) {
            log.warn("Mail to {} could not be sent: {}", to, e.getMessage());
            return false;
        }
    }

    /** JavaMail gives every message a fresh Message-ID when sent; the outbox's must stay. */
    private static final class KeptMessageId extends MimeMessage {
        KeptMessageId(Session session) {
            super(session);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }

    /** True when mail can go anywhere: an SMTP server, or the dev outbox in development. */
    boolean canSend() {
        return smtp != null || devOutbox;
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

package org.cinely.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Verification and reset links are credentials: outside development mode they never reach the
 * log or the outbox table, whether or not an SMTP server is configured.
 */
@CinelyIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MailerIntegrationTests {

    static final String LINK = "https://cinely.test/verify-email?token=secret-token-";

    @Autowired
    OutboxMailRepository outbox;

    /** A stand-in SMTP server that records what it was given. */
    static class RecordingSmtp extends JavaMailSenderImpl {
        final List<jakarta.mail.internet.MimeMessage> sent = new ArrayList<>();

        @Override
        public void send(jakarta.mail.internet.MimeMessage... messages) {
            sent.addAll(List.of(messages));
        }
    }

    static String text(jakarta.mail.internet.MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    Mailer mailer(JavaMailSender smtp, String host, boolean devOutbox) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (smtp != null) {
            beans.addBean("smtp", smtp);
        }
        return new Mailer(beans.getBeanProvider(JavaMailSender.class), outbox, host, "Cinely <x@y>", devOutbox);
    }

    @Test
    void withSmtpTheLinkGoesOutAndIsNeitherLoggedNorStored(CapturedOutput output) {
        RecordingSmtp smtp = new RecordingSmtp();
        String to = TestData.uniqueEmail();
        boolean sent = mailer(smtp, "smtp.example", true).send(to, "Confirm", "Open " + LINK + to, java.util.Map.of());
        assertThat(sent).isTrue();
        assertThat(smtp.sent).singleElement().satisfies(m -> assertThat(text(m)).contains(LINK));
        assertThat(outbox.findByRecipientOrderByIdDesc(to)).isEmpty();
        assertThat(output.getAll()).doesNotContain(LINK);
    }

    @Test
    void extraHeadersGoOutWithTheMail() throws Exception {
        RecordingSmtp smtp = new RecordingSmtp();
        mailer(smtp, "smtp.example", false)
                .send(TestData.uniqueEmail(), "News", "Body", java.util.Map.of("List-Unsubscribe", "<https://x/u>"));
        assertThat(smtp.sent.get(0).getHeader("List-Unsubscribe")).containsExactly("<https://x/u>");
        assertThat(smtp.sent.get(0).getSubject()).isEqualTo("News");
    }

    @Test
    void theOutboxsMessageIdIsKeptSoAResendIsTheSameMessage() throws Exception {
        RecordingSmtp smtp = new RecordingSmtp();
        Mailer mailer = mailer(smtp, "smtp.example", false);
        for (int i = 0; i < 2; i++) {
            mailer.send(TestData.uniqueEmail(), "News", "Body", java.util.Map.of("Message-ID", "<mail-7@cinely.test>"));
            smtp.sent.get(i).saveChanges(); // as JavaMail does on sending
        }
        assertThat(smtp.sent).allSatisfy(m -> assertThat(m.getMessageID()).isEqualTo("<mail-7@cinely.test>"));
    }

    @Test
    void withoutSmtpOutsideDevelopmentModeNothingIsStoredOrLogged(CapturedOutput output) {
        String to = TestData.uniqueEmail();
        Mailer production = mailer(null, "", false);
        assertThat(production.send(to, "Confirm", "Open " + LINK + to, java.util.Map.of()))
                .isFalse();
        assertThat(production.usesDevOutbox()).isFalse();
        assertThat(outbox.findByRecipientOrderByIdDesc(to)).isEmpty();
        assertThat(output.getAll()).doesNotContain(LINK).contains("no SMTP server configured");
    }

    @Test
    void inDevelopmentModeTheOutboxKeepsTheMail() {
        String to = TestData.uniqueEmail();
        Mailer development = mailer(null, "", true);
        assertThat(development.send(to, "Confirm", "Open " + LINK + to, java.util.Map.of()))
                .isTrue();
        assertThat(outbox.findByRecipientOrderByIdDesc(to))
                .singleElement()
                .satisfies(mail -> assertThat(mail.getBody()).contains(LINK + to));
        outbox.deleteAll(outbox.findByRecipientOrderByIdDesc(to));
    }
}

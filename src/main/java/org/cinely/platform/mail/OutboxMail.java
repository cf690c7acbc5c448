package org.cinely.platform.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message kept in the dev outbox. */
@Entity
@Table(name = "outbox_mail")
public class OutboxMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;
    private String subject;
    private String body;
    private boolean delivered;
    private Instant createdAt;
    private String headers;

    protected OutboxMail() {}

    OutboxMail(String recipient, String subject, String body, boolean delivered, Instant createdAt) {
        this(recipient, subject, body, delivered, createdAt, null);
    }

    OutboxMail(String recipient, String subject, String body, boolean delivered, Instant createdAt, String headers) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.delivered = delivered;
        this.createdAt = createdAt;
        this.headers = headers;
    }

    /** Extra headers, one "Name: value" a line; null when there were none. */
    public String getHeaders() {
        return headers;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

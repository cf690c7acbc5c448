package org.cinely.moderation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.cinely.platform.MemberId;

/** A member's one appeal against a decision, answered by a moderator other than the one who decided. */
@Entity
@Table(name = "moderation_appeals")
public class Appeal {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long decisionId;
    private long memberId;
    private String message;
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String reply;
    private Long decidedBy;
    private Instant decidedAt;

    @Version
    private long version;

    protected Appeal() {}

    Appeal(long decisionId, MemberId member, String message, Instant now) {
        this.decisionId = decisionId;
        this.memberId = member.value();
        this.message = message;
        this.createdAt = now;
        this.status = Status.PENDING;
    }

    void answer(boolean approved, String reply, MemberId by, Instant now) {
        this.status = approved ? Status.APPROVED : Status.REJECTED;
        this.reply = reply;
        this.decidedBy = by.value();
        this.decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getDecisionId() {
        return decisionId;
    }

    public MemberId member() {
        return MemberId.of(memberId);
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getReply() {
        return reply;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}

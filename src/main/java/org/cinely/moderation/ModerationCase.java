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
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;

/**
 * One reported (or held) item in the moderators' queue, gathering every report against it while
 * open. A moderator assigns it to themself before acting, so two do not act at once; the version
 * makes a second, simultaneous action fail instead of happening twice.
 */
@Entity
@Table(name = "moderation_cases")
public class ModerationCase {

    public enum Reason {
        REPORTED,
        HELD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private ContentKind targetKind;

    private long targetId;
    private Long authorId;

    @Enumerated(EnumType.STRING)
    private Reason reason;

    private String openKey;
    private Instant openedAt;
    private Long assignedTo;
    private Instant assignedAt;
    private Instant closedAt;
    private Long closedBy;
    private Long decisionId;

    @Version
    private long version;

    protected ModerationCase() {}

    ModerationCase(ContentRef target, MemberId author, Reason reason, Instant now) {
        this.targetKind = target.kind();
        this.targetId = target.id();
        this.authorId = author == null ? null : author.value();
        this.reason = reason;
        this.openKey = openKey(target);
        this.openedAt = now;
    }

    static String openKey(ContentRef target) {
        return target.toString();
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** Whether someone other than {@code moderator} holds it. */
    public boolean heldByOther(MemberId moderator) {
        return assignedTo != null && assignedTo != moderator.value();
    }

    void assign(MemberId moderator, Instant now) {
        this.assignedTo = moderator.value();
        this.assignedAt = now;
    }

    void release() {
        this.assignedTo = null;
        this.assignedAt = null;
    }

    void close(MemberId by, Long decisionId, Instant now) {
        this.closedAt = now;
        this.closedBy = by.value();
        this.decisionId = decisionId;
        this.openKey = null;
    }

    public ContentRef target() {
        return new ContentRef(targetKind, targetId);
    }

    public Long getId() {
        return id;
    }

    public MemberId author() {
        return authorId == null ? null : MemberId.of(authorId);
    }

    public Reason getReason() {
        return reason;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public MemberId assignedTo() {
        return assignedTo == null ? null : MemberId.of(assignedTo);
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Long getDecisionId() {
        return decisionId;
    }
}

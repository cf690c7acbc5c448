package org.cinely.moderation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;

/**
 * One decision about a member or their content, kept for good (the member's history). Carries
 * the statement of reasons the member is shown, modelled on the EU Digital Services Act's: what
 * was decided, on what, which rule, why, and how to appeal.
 */
@Entity
@Table(name = "moderation_decisions")
public class Decision {

    /** How long after a decision the member may appeal it. */
    static final Duration APPEAL_WINDOW = Duration.ofDays(20);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long memberId;
    private Long caseId;

    @Enumerated(EnumType.STRING)
    private Action action;

    @Enumerated(EnumType.STRING)
    private ContentKind targetKind;

    private Long targetId;

    @Enumerated(EnumType.STRING)
    private ReportCategory ruleBroken;

    private String reason;
    private String statement;
    private Instant endsAt;
    private Long decidedBy;
    private Instant decidedAt;
    private Instant reversedAt;

    protected Decision() {}

    Decision(
            MemberId member,
            Long caseId,
            Action action,
            ContentRef target,
            ReportCategory rule,
            String reason,
            String statement,
            Instant endsAt,
            MemberId decidedBy,
            Instant now) {
        this.memberId = member.value();
        this.caseId = caseId;
        this.action = action;
        this.targetKind = target == null ? null : target.kind();
        this.targetId = target == null ? null : target.id();
        this.ruleBroken = rule;
        this.reason = reason;
        this.statement = statement;
        this.endsAt = endsAt;
        this.decidedBy = decidedBy == null ? null : decidedBy.value();
        this.decidedAt = now;
    }

    public boolean appealableAt(Instant now) {
        return action.appealable() && reversedAt == null && now.isBefore(decidedAt.plus(APPEAL_WINDOW));
    }

    public Instant appealDeadline() {
        return decidedAt.plus(APPEAL_WINDOW);
    }

    void reverse(Instant now) {
        this.reversedAt = now;
    }

    public Long getId() {
        return id;
    }

    public MemberId member() {
        return MemberId.of(memberId);
    }

    public Long getCaseId() {
        return caseId;
    }

    public Action getAction() {
        return action;
    }

    public ContentRef target() {
        return targetKind == null ? null : new ContentRef(targetKind, targetId);
    }

    public ReportCategory getRuleBroken() {
        return ruleBroken;
    }

    public String getReason() {
        return reason;
    }

    public String getStatement() {
        return statement;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public MemberId decidedBy() {
        return decidedBy == null ? null : MemberId.of(decidedBy);
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getReversedAt() {
        return reversedAt;
    }
}

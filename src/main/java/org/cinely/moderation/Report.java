package org.cinely.moderation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;

/** A member's report of one item. Open until the case it belongs to is decided. */
@Entity
@Table(name = "moderation_reports")
public class Report {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long caseId;
    private long reporterId;

    @Enumerated(EnumType.STRING)
    private ContentKind targetKind;

    private long targetId;

    @Enumerated(EnumType.STRING)
    private ReportCategory category;

    private String note;
    private Instant createdAt;
    private Instant resolvedAt;
    private String openKey;

    protected Report() {}

    Report(long caseId, MemberId reporter, ContentRef target, ReportCategory category, String note, Instant now) {
        this.caseId = caseId;
        this.reporterId = reporter.value();
        this.targetKind = target.kind();
        this.targetId = target.id();
        this.category = category;
        this.note = note;
        this.createdAt = now;
        this.openKey = openKey(reporter, target);
    }

    /** One open report per member per item (a unique index holds it). */
    static String openKey(MemberId reporter, ContentRef target) {
        return reporter.value() + ":" + target;
    }

    void resolve(Instant now) {
        this.resolvedAt = now;
        this.openKey = null;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public MemberId reporter() {
        return MemberId.of(reporterId);
    }

    public ContentRef target() {
        return new ContentRef(targetKind, targetId);
    }

    public ReportCategory getCategory() {
        return category;
    }

    public String getNote() {
        return note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}

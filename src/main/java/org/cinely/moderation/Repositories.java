package org.cinely.moderation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

// The moderation module's JPA repositories: each tiny, kept together in one file.

interface CaseRepository extends JpaRepository<ModerationCase, Long> {
    Optional<ModerationCase> findByOpenKey(String openKey);
}

interface ReportRepository extends JpaRepository<Report, Long> {
    List<Report> findByCaseIdOrderByCreatedAt(long caseId);

    List<Report> findByCaseIdAndResolvedAtIsNull(long caseId);

    List<Report> findByReporterIdOrderByCreatedAtDesc(long reporterId);

    boolean existsByOpenKey(String openKey);
}

interface DecisionRepository extends JpaRepository<Decision, Long> {
    List<Decision> findByMemberIdOrderByDecidedAtDesc(long memberId);

    boolean existsByMemberIdAndActionAndTargetKind(
            long memberId, Action action, org.cinely.platform.moderation.ContentKind targetKind);
}

interface AppealRepository extends JpaRepository<Appeal, Long> {
    Optional<Appeal> findByDecisionId(long decisionId);

    List<Appeal> findByStatusOrderByCreatedAt(Appeal.Status status);
}

package org.cinely.moderation;

import java.time.Clock;
import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member appeals a decision once, within {@link Decision#APPEAL_WINDOW}; a moderator other than
 * the one who decided upholds it (the decision is reversed and its effects undone) or rejects it
 * with a reply.
 */
@Service
class Appeals {

    private final AppealRepository appeals;
    private final DecisionRepository decisions;
    private final Decisions deciding;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final StatementLinks links;
    private final Clock clock;

    Appeals(
            AppealRepository appeals,
            DecisionRepository decisions,
            Decisions deciding,
            AuditLog audit,
            ApplicationEventPublisher events,
            StatementLinks links,
            Clock clock) {
        this.links = links;
        this.appeals = appeals;
        this.decisions = decisions;
        this.deciding = deciding;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Appeal appeal(MemberId member, long decisionId, String message) {
        Decision decision = decisions
                .findById(decisionId)
                .filter(d -> d.member().equals(member))
                .orElseThrow(() -> new NotFoundException("decision " + decisionId));
        if (!decision.getAction().appealable() || decision.getReversedAt() != null) {
            throw new Refused(Refused.Why.NOT_APPEALABLE);
        }
        if (appeals.findByDecisionId(decisionId).isPresent()) {
            throw new Refused(Refused.Why.APPEAL_EXISTS);
        }
        if (!decision.appealableAt(clock.instant())) {
            throw new Refused(Refused.Why.APPEAL_EXPIRED);
        }
        // The unique index on decision_id turns a double submit into a failure, not a second appeal.
        return appeals.saveAndFlush(new Appeal(decisionId, member, message.strip(), clock.instant()));
    }

    @Transactional
    void answer(long appealId, boolean uphold, String reply, MemberId moderator) {
        Appeal appeal = appeals.findById(appealId).orElseThrow(() -> new NotFoundException("appeal " + appealId));
        if (appeal.getStatus() != Appeal.Status.PENDING) {
            throw new Refused(Refused.Why.ALREADY_DECIDED);
        }
        Decision decision = decisions.findById(appeal.getDecisionId()).orElseThrow();
        if (moderator.equals(decision.decidedBy())) {
            throw new Refused(Refused.Why.SAME_MODERATOR);
        }
        if (appeal.member().equals(moderator)) {
            throw new Refused(Refused.Why.NOT_ON_YOURSELF);
        }
        if (uphold) {
            deciding.reverse(decision, moderator);
        }
        appeal.answer(uphold, reply == null || reply.isBlank() ? null : reply.strip(), moderator, clock.instant());
        appeals.saveAndFlush(appeal); // version check: a second moderator answering at once fails
        audit.append(
                moderator,
                uphold ? "appeal.upheld" : "appeal.rejected",
                "decision:" + decision.getId(),
                reply,
                "appeal " + appeal.getId());
        events.publishEvent(new AppealDecided(
                appeal.getId(), decision.getId(), appeal.member(), uphold, links.path(decision.getId())));
    }

    List<Appeal> pending() {
        return appeals.findByStatusOrderByCreatedAt(Appeal.Status.PENDING);
    }
}

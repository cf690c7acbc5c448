package org.cinely.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.accounts.Role;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ContentSnapshot;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes moderation decisions: on a case from the queue (which closes it and answers its reports)
 * or on a member directly. Each decision is recorded with its statement of reasons, applied at
 * once (content state and the member's standing change in the same transaction, and every read
 * path checks them), audited, and announced so the feed tells the member. A second moderator
 * acting on the same case gets {@link Refused} or an optimistic-lock failure, never a second
 * action.
 */
@Service
class Decisions {

    /** What a moderator asks for. {@code endsAt} only for a suspension (null: indefinite). */
    record Command(Action action, ReportCategory rule, String reason, String statement, Instant endsAt) {}

    private final CaseRepository cases;
    private final ReportRepository reports;
    private final DecisionRepository decisions;
    private final Contents contents;
    private final AccountsApi accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final StatementLinks links;
    private final Clock clock;

    Decisions(
            CaseRepository cases,
            ReportRepository reports,
            DecisionRepository decisions,
            Contents contents,
            AccountsApi accounts,
            AuditLog audit,
            ApplicationEventPublisher events,
            StatementLinks links,
            Clock clock) {
        this.links = links;
        this.cases = cases;
        this.reports = reports;
        this.decisions = decisions;
        this.contents = contents;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Decides an open case: applies the action to its item (or its author), closes it, answers its reports. */
    @Transactional
    Decision decideCase(long caseId, Command command, MemberId moderator) {
        ModerationCase found = cases.findById(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
        if (!found.isOpen()) {
            throw new Refused(Refused.Why.ALREADY_DECIDED);
        }
        if (found.heldByOther(moderator)) {
            throw new Refused(Refused.Why.ASSIGNED_TO_OTHER);
        }
        ContentRef target = found.target();
        ContentSnapshot content = contents.snapshot(target).orElse(null);
        if (content == null && command.action() != Action.DISMISS) {
            throw new Refused(Refused.Why.MISSING_TARGET);
        }
        MemberId author = content != null ? content.author() : found.author();
        Decision decision = apply(author, target, content, found.getId(), command, moderator);
        found.close(moderator, decision.getId(), clock.instant());
        cases.saveAndFlush(found); // the version check happens here: a simultaneous decision fails
        for (Report report : reports.findByCaseIdAndResolvedAtIsNull(found.getId())) {
            report.resolve(clock.instant());
            events.publishEvent(new ReportResolved(report.getId(), report.reporter(), target));
        }
        return decision;
    }

    /** A decision about a member (warn, limit, suspend, ban, reinstate) outside any case. */
    @Transactional
    Decision decideMember(MemberId member, Command command, MemberId moderator) {
        if (command.action().needsTarget() || command.action() == Action.DISMISS) {
            throw new Refused(Refused.Why.NOT_APPLICABLE);
        }
        return apply(member, null, null, null, command, moderator);
    }

    /** Lifts the dated suspensions that have run out (called on a schedule; idempotent). */
    @Transactional
    void endSuspension(MemberId member) {
        audit.lockChain(); // one node at a time: the second finds the member already reinstated
        if (accounts.standing(member) != Standing.SUSPENDED) {
            return;
        }
        Standing standing = accounts.reinstate(member, null);
        contents.applyStanding(member, standing);
        Decision decision = decisions.save(
                new Decision(member, null, Action.SUSPENSION_ENDED, null, null, "", "", null, null, clock.instant()));
        audit.append(
                null, "decision.suspension-ended", "member:" + member.value(), null, "decision " + decision.getId());
        events.publishEvent(new DecisionTaken(
                decision.getId(), member, Action.SUSPENSION_ENDED, null, null, links.path(decision.getId())));
    }

    /** Undoes a decision's effects (an appeal was upheld). */
    @Transactional
    void reverse(Decision decision, MemberId moderator) {
        MemberId member = decision.member();
        switch (decision.getAction()) {
            case HIDE, REMOVE -> contents.moderate(decision.target(), ModerationState.VISIBLE);
            case LIMIT -> contents.applyStanding(member, accounts.limit(member, false));
            case SUSPEND, BAN -> contents.applyStanding(member, accounts.reinstate(member, moderator));
            default -> {
                // A warning has no effect to undo: it is marked reversed and drops out of the history's weight.
            }
        }
        decision.reverse(clock.instant());
    }

    private Decision apply(
            MemberId member,
            ContentRef target,
            ContentSnapshot content,
            Long caseId,
            Command command,
            MemberId moderator) {
        checkMayActOn(member, moderator);
        Action action = command.action();
        switch (action) {
            case DISMISS, WARN -> {
                // Nothing changes on the site: the decision and its statement are the whole effect.
            }
            case APPROVE -> moderate(target, content, ModerationState.VISIBLE, ModerationState.HELD);
            case HIDE -> moderate(target, content, ModerationState.HIDDEN, null);
            case REMOVE -> moderate(target, content, ModerationState.REMOVED, null);
            case RESTORE -> moderate(target, content, ModerationState.VISIBLE, null);
            case LIMIT -> {
                require(accounts.standing(member) == Standing.ACTIVE);
                contents.applyStanding(member, accounts.limit(member, true));
            }
            case UNLIMIT -> {
                require(accounts.standing(member) == Standing.LIMITED);
                contents.applyStanding(member, accounts.limit(member, false));
            }
            case SUSPEND -> {
                require(accounts.standing(member) != Standing.BANNED);
                contents.applyStanding(
                        member, accounts.suspend(member, command.statement(), command.endsAt(), moderator));
            }
            case BAN -> {
                require(accounts.standing(member) != Standing.BANNED);
                contents.applyStanding(member, accounts.ban(member, command.statement(), moderator));
            }
            case REINSTATE -> {
                Standing now = accounts.standing(member);
                require(now == Standing.SUSPENDED || now == Standing.BANNED);
                contents.applyStanding(member, accounts.reinstate(member, moderator));
            }
            case SUSPENSION_ENDED -> throw new Refused(Refused.Why.NOT_APPLICABLE);
        }
        Decision decision = decisions.save(new Decision(
                member,
                caseId,
                action,
                target,
                command.rule(),
                command.reason(),
                command.statement(),
                action == Action.SUSPEND ? command.endsAt() : null,
                moderator,
                clock.instant()));
        audit.append(
                moderator,
                "decision." + action.name().toLowerCase(java.util.Locale.ROOT),
                target != null ? target : "member:" + member.value(),
                command.reason(),
                "decision " + decision.getId() + (caseId == null ? "" : ", case " + caseId) + ": "
                        + command.statement());
        if (action != Action.DISMISS) {
            events.publishEvent(new DecisionTaken(
                    decision.getId(),
                    member,
                    action,
                    target,
                    content == null ? null : content.title(),
                    links.path(decision.getId())));
        }
        return decision;
    }

    private void moderate(ContentRef target, ContentSnapshot content, ModerationState to, ModerationState onlyFrom) {
        if (content.state() == to || (onlyFrom != null && content.state() != onlyFrom)) {
            throw new Refused(Refused.Why.NOT_APPLICABLE);
        }
        if (!contents.moderate(target, to)) {
            throw new Refused(Refused.Why.MISSING_TARGET);
        }
    }

    private static void require(boolean applicable) {
        if (!applicable) {
            throw new Refused(Refused.Why.NOT_APPLICABLE);
        }
    }

    /** Nobody acts on themself; a moderator does not act on an admin. */
    private void checkMayActOn(MemberId member, MemberId moderator) {
        if (member == null) {
            return;
        }
        if (member.equals(moderator)) {
            throw new Refused(Refused.Why.NOT_ON_YOURSELF);
        }
        Role actorRole = accounts.findMember(moderator).map(MemberSummary::role).orElse(Role.MEMBER);
        Role targetRole = accounts.findMember(member).map(MemberSummary::role).orElse(Role.MEMBER);
        if (targetRole == Role.ADMIN && actorRole != Role.ADMIN) {
            throw new Refused(Refused.Why.NOT_ON_ADMIN);
        }
    }

    List<Decision> history(MemberId member) {
        return decisions.findByMemberIdOrderByDecidedAtDesc(member.value());
    }
}

package org.cinely.moderation;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.cinely.accounts.AccountsApi;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentSnapshot;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The moderation queue and one case: its item (even if hidden), every report, the author's history. */
@Controller
class AdminCasesController {

    private static final int PAGE_SIZE = 50;

    private final CaseQueue queue;
    private final CaseRepository cases;
    private final ReportRepository reports;
    private final Decisions decisions;
    private final Contents contents;
    private final AccountsApi accounts;
    private final AuditLog audit;
    private final Clock clock;

    AdminCasesController(
            CaseQueue queue,
            CaseRepository cases,
            ReportRepository reports,
            Decisions decisions,
            Contents contents,
            AccountsApi accounts,
            AuditLog audit,
            Clock clock) {
        this.queue = queue;
        this.cases = cases;
        this.reports = reports;
        this.decisions = decisions;
        this.contents = contents;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/admin/reports")
    String queue(
            @RequestParam(required = false) ReportCategory category,
            @RequestParam(required = false) ContentKind kind,
            @RequestParam(defaultValue = "ANY") CaseQueue.Age age,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        CaseQueue.Page result = queue.open(new CaseQueue.Filter(category, kind, age), Math.max(0, page), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("category", category);
        model.addAttribute("kind", kind);
        model.addAttribute("age", age);
        model.addAttribute("categories", ReportCategory.values());
        model.addAttribute("kinds", ContentKind.values());
        model.addAttribute("ages", CaseQueue.Age.values());
        model.addAttribute(
                "people",
                accounts.findMembers(result.rows().stream()
                        .flatMap(r -> java.util.stream.Stream.of(r.author(), r.assignedTo()))
                        .filter(java.util.Objects::nonNull)
                        .toList()));
        return "admin/reports";
    }

    @GetMapping("/admin/reports/{id}")
    @Transactional
    String showCase(@AuthenticationPrincipal CurrentMember moderator, @PathVariable long id, Model model) {
        model.addAttribute("decisionForm", DecisionForm.empty());
        ModerationCase found = cases.findById(id).orElseThrow(() -> new NotFoundException("case " + id));
        contents.snapshot(found.target())
                .filter(content -> content.state() != ModerationState.VISIBLE)
                // Seeing hidden or held content is itself a moderator action worth a record.
                .ifPresent(
                        content -> audit.append(moderator.id(), "content.opened", found.target(), null, "case " + id));
        return casePage(moderator, id, model);
    }

    @PostMapping("/admin/reports/{id}/assign")
    @Transactional
    String assign(
            @AuthenticationPrincipal CurrentMember moderator, @PathVariable long id, RedirectAttributes redirect) {
        ModerationCase found = openCase(id);
        if (found.heldByOther(moderator.id())) {
            Flash.error(redirect, Refused.Why.ASSIGNED_TO_OTHER.messageKey());
        } else {
            found.assign(moderator.id(), clock.instant());
            audit.append(moderator.id(), "case.assigned", "case:" + id, null, null);
            Flash.success(redirect, "moderation.case.assigned");
        }
        return "redirect:/admin/reports/" + id;
    }

    @PostMapping("/admin/reports/{id}/release")
    @Transactional
    String release(
            @AuthenticationPrincipal CurrentMember moderator, @PathVariable long id, RedirectAttributes redirect) {
        ModerationCase found = openCase(id);
        if (moderator.id().equals(found.assignedTo())) {
            found.release();
            audit.append(moderator.id(), "case.released", "case:" + id, null, null);
            Flash.info(redirect, "moderation.case.released");
        }
        return "redirect:/admin/reports/" + id;
    }

    @PostMapping("/admin/reports/{id}/decide")
    String decide(
            @AuthenticationPrincipal CurrentMember moderator,
            @PathVariable long id,
            @Valid @ModelAttribute DecisionForm decisionForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        decisionForm.check(result, clock);
        if (result.hasErrors()) {
            return casePage(moderator, id, model);
        }
        try {
            decisions.decideCase(id, decisionForm.command(), moderator.id());
        } catch (Refused refused) {
            result.reject(refused.why().messageKey());
            return casePage(moderator, id, model);
        } catch (OptimisticLockingFailureException simultaneous) {
            result.reject(Refused.Why.ALREADY_DECIDED.messageKey());
            return casePage(moderator, id, model);
        }
        Flash.success(redirect, "moderation.case.decided");
        return "redirect:/admin/reports";
    }

    private String casePage(CurrentMember moderator, long id, Model model) {
        ModerationCase found = cases.findById(id).orElseThrow(() -> new NotFoundException("case " + id));
        ContentSnapshot content = contents.snapshot(found.target()).orElse(null);
        List<Report> all = reports.findByCaseIdOrderByCreatedAt(id);
        var author = content != null ? content.author() : found.author();
        model.addAttribute("theCase", found);
        model.addAttribute("item", content);
        model.addAttribute("reports", all);
        model.addAttribute(
                "author", author == null ? null : accounts.findMember(author).orElse(null));
        model.addAttribute("history", author == null ? List.of() : decisions.history(author));
        model.addAttribute(
                "people",
                accounts.findMembers(java.util.stream.Stream.concat(
                                all.stream().map(Report::reporter),
                                java.util.stream.Stream.ofNullable(found.assignedTo()))
                        .toList()));
        model.addAttribute(
                "actions",
                found.getReason() == ModerationCase.Reason.HELD
                        ? List.of(
                                Action.APPROVE,
                                Action.HIDE,
                                Action.REMOVE,
                                Action.WARN,
                                Action.LIMIT,
                                Action.SUSPEND,
                                Action.BAN)
                        : List.of(
                                Action.DISMISS,
                                Action.HIDE,
                                Action.REMOVE,
                                Action.RESTORE,
                                Action.WARN,
                                Action.LIMIT,
                                Action.SUSPEND,
                                Action.BAN));
        model.addAttribute("rules", ReportCategory.values());
        return "admin/case";
    }

    private ModerationCase openCase(long id) {
        ModerationCase found = cases.findById(id).orElseThrow(() -> new NotFoundException("case " + id));
        if (!found.isOpen()) {
            throw new NotFoundException("case " + id);
        }
        return found;
    }
}

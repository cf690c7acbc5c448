package org.cinely.moderation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.accounts.Role;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One member as moderators see them: where they stand, their full history of decisions, and the
 * decisions about the member themself (warn, limit, suspend, ban, reinstate). Admins also grant
 * and revoke the moderator role here.
 */
@Controller
class AdminMembersModerationController {

    record RoleForm(@NotNull Role role) {}

    static final List<Action> MEMBER_ACTIONS =
            List.of(Action.WARN, Action.LIMIT, Action.UNLIMIT, Action.SUSPEND, Action.BAN, Action.REINSTATE);

    private final AccountsApi accounts;
    private final Decisions decisions;
    private final AuditLog audit;
    private final Clock clock;

    AdminMembersModerationController(AccountsApi accounts, Decisions decisions, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/admin/members/{id}")
    String member(@PathVariable long id, Model model) {
        model.addAttribute("decisionForm", DecisionForm.empty());
        return memberPage(id, model);
    }

    @PostMapping("/admin/members/{id}/decide")
    String decide(
            @AuthenticationPrincipal CurrentMember moderator,
            @PathVariable long id,
            @Valid @ModelAttribute DecisionForm decisionForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        decisionForm.check(result, clock);
        if (decisionForm.action() != null && !MEMBER_ACTIONS.contains(decisionForm.action())) {
            result.rejectValue("action", Refused.Why.NOT_APPLICABLE.messageKey());
        }
        if (result.hasErrors()) {
            return memberPage(id, model);
        }
        try {
            decisions.decideMember(member(id).id(), decisionForm.command(), moderator.id());
        } catch (Refused refused) {
            result.reject(refused.why().messageKey());
            return memberPage(id, model);
        }
        Flash.success(redirect, "moderation.member.decided");
        return "redirect:/admin/members/" + id;
    }

    @PostMapping("/admin/members/{id}/role")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    String changeRole(
            @AuthenticationPrincipal CurrentMember admin,
            @PathVariable long id,
            @Valid @ModelAttribute RoleForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        MemberSummary member = member(id);
        if (result.hasErrors()) {
            Flash.error(redirect, "moderation.role.invalid");
        } else if (member.role() == form.role()) {
            Flash.info(redirect, "moderation.role.unchanged");
        } else if (!accounts.changeRole(member.id(), form.role(), admin.id())) {
            Flash.error(redirect, Refused.Why.LAST_ADMIN.messageKey());
        } else {
            audit.append(admin.id(), "role.changed", "member:" + id, null, member.role() + " -> " + form.role());
            Flash.success(redirect, "moderation.role.changed");
        }
        return "redirect:/admin/members/" + id;
    }

    private String memberPage(long id, Model model) {
        MemberSummary member = member(id);
        List<Decision> history = decisions.history(member.id());
        model.addAttribute("member", member);
        model.addAttribute("standing", accounts.standing(member.id()));
        model.addAttribute("history", history);
        model.addAttribute(
                "people",
                accounts.findMembers(history.stream()
                        .map(Decision::decidedBy)
                        .filter(java.util.Objects::nonNull)
                        .toList()));
        model.addAttribute("actions", MEMBER_ACTIONS);
        model.addAttribute("rules", ReportCategory.values());
        model.addAttribute("roles", Role.values());
        return "admin/member";
    }

    private MemberSummary member(long id) {
        return accounts.findMember(MemberId.of(id)).orElseThrow(() -> new NotFoundException("member " + id));
    }
}

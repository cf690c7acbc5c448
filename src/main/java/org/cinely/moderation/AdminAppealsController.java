package org.cinely.moderation;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cinely.accounts.AccountsApi;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pending appeals, oldest first, each beside the decision it contests. */
@Controller
class AdminAppealsController {

    private final Appeals appeals;
    private final DecisionRepository decisions;
    private final AccountsApi accounts;

    AdminAppealsController(Appeals appeals, DecisionRepository decisions, AccountsApi accounts) {
        this.appeals = appeals;
        this.decisions = decisions;
        this.accounts = accounts;
    }

    @GetMapping("/admin/appeals")
    String pending(Model model) {
        List<Appeal> pending = appeals.pending();
        Map<Long, Decision> contested =
                decisions
                        .findAllById(pending.stream().map(Appeal::getDecisionId).toList())
                        .stream()
                        .collect(Collectors.toMap(Decision::getId, Function.identity()));
        model.addAttribute("appeals", pending);
        model.addAttribute("decisions", contested);
        model.addAttribute(
                "people",
                accounts.findMembers(java.util.stream.Stream.concat(
                                pending.stream().map(Appeal::member),
                                contested.values().stream()
                                        .map(Decision::decidedBy)
                                        .filter(java.util.Objects::nonNull))
                        .toList()));
        return "admin/appeals";
    }

    @PostMapping("/admin/appeals/{id}")
    String answer(
            @AuthenticationPrincipal CurrentMember moderator,
            @PathVariable long id,
            @RequestParam boolean uphold,
            @RequestParam(defaultValue = "") @Size(max = 2000) String reply,
            RedirectAttributes redirect) {
        if (reply.length() > 2000) {
            Flash.error(redirect, "appeal.reply.too-long");
            return "redirect:/admin/appeals";
        }
        try {
            appeals.answer(id, uphold, reply, moderator.id());
            Flash.success(redirect, uphold ? "appeal.upheld" : "appeal.rejected");
        } catch (Refused refused) {
            Flash.error(redirect, refused.why().messageKey());
        } catch (OptimisticLockingFailureException simultaneous) {
            Flash.error(redirect, Refused.Why.ALREADY_DECIDED.messageKey());
        }
        return "redirect:/admin/appeals";
    }
}

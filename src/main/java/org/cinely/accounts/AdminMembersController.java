package org.cinely.accounts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cinely.platform.MemberId;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins see every member, and suspend, ban or reinstate them (with a reason the member sees). */
@Controller
class AdminMembersController {

    record ChangeStateForm(
            @NotNull AccountState state,

            @Size(max = 500, message = "{admin.members.reason.too-long}")
            String reason) {}

    private static final int PAGE_SIZE = 50;

    private final AdminMemberQueries queries;
    private final AccountService accounts;

    AdminMembersController(AdminMemberQueries queries, AccountService accounts) {
        this.queries = queries;
        this.accounts = accounts;
    }

    @GetMapping("/admin/members")
    String showMembers(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) AccountState state,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("state", state);
        model.addAttribute("states", AccountState.values());
        model.addAttribute("result", queries.find(q, state, Math.max(0, page), PAGE_SIZE));
        return "admin/members";
    }

    @PostMapping("/admin/members/{id}/state")
    String changeState(
            @PathVariable long id,
            @Validated @ModelAttribute ChangeStateForm form,
            BindingResult result,
            @AuthenticationPrincipal CurrentMember admin,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            Flash.error(redirect, "admin.members.reason.too-long");
        } else if (admin.id().value() == id) {
            Flash.error(redirect, "admin.members.not-yourself");
        } else {
            accounts.changeState(MemberId.of(id), form.state(), form.reason(), admin.id());
            Flash.success(redirect, "admin.members.state-changed");
        }
        return "redirect:/admin/members";
    }
}

package org.cinely.accounts;

import java.util.Objects;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account settings: the member's address and verification, and their password. */
@Controller
class SettingsController {

    record ChangePasswordForm(String currentPassword, String newPassword, String newPasswordConfirmation) {}

    private final AccountService accounts;

    SettingsController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/settings")
    String showSettings(@AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("form", new ChangePasswordForm("", "", ""));
        return "accounts/settings";
    }

    @PostMapping("/settings/password")
    String processChangePasswordForm(
            @AuthenticationPrincipal CurrentMember member,
            @ModelAttribute("form") ChangePasswordForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!Objects.equals(form.newPassword(), form.newPasswordConfirmation())) {
            result.rejectValue("newPasswordConfirmation", "password.mismatch");
        }
        if (!accounts.changePassword(member.id(), form.currentPassword(), form.newPassword(), result)) {
            model.addAttribute("member", member);
            return "accounts/settings";
        }
        Flash.success(redirect, "settings.password.changed");
        return "redirect:/settings";
    }
}

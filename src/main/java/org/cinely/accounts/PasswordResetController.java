package org.cinely.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Objects;
import org.cinely.accounts.PasswordResetForms.ChooseNewPasswordForm;
import org.cinely.accounts.PasswordResetForms.RequestResetForm;
import org.cinely.platform.security.RateLimiter;
import org.cinely.platform.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Forgotten password: a single-use link, valid for an hour, sent to the address on file. */
@Controller
class PasswordResetController {

    private final AccountService accounts;
    private final RateLimiter rateLimiter;

    PasswordResetController(AccountService accounts, RateLimiter rateLimiter) {
        this.accounts = accounts;
        this.rateLimiter = rateLimiter;
    }

    @GetMapping("/password-reset")
    String showRequestResetForm(Model model) {
        model.addAttribute("form", new RequestResetForm(""));
        return "accounts/password-reset";
    }

    /** Answers the same whether or not the address has an account. */
    @PostMapping("/password-reset")
    String processRequestResetForm(
            @Valid @ModelAttribute("form") RequestResetForm form,
            BindingResult result,
            HttpServletRequest request,
            Model model) {
        if (result.hasErrors()) {
            return "accounts/password-reset";
        }
        String email = Account.normalizeEmail(form.email());
        rateLimiter.acquire(AccountRateLimits.PASSWORD_RESET, "address:" + email, "ip:" + request.getRemoteAddr());
        accounts.requestPasswordReset(email);
        model.addAttribute("email", email);
        return "accounts/password-reset-sent";
    }

    @GetMapping("/password-reset/confirm")
    String showChooseNewPasswordForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("outcome", accounts.checkResetLink(token).name());
        model.addAttribute("form", new ChooseNewPasswordForm(token, "", ""));
        return "accounts/password-reset-confirm";
    }

    @PostMapping("/password-reset/confirm")
    String processChooseNewPasswordForm(
            @ModelAttribute("form") ChooseNewPasswordForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!Objects.equals(form.password(), form.passwordConfirmation())) {
            result.rejectValue("passwordConfirmation", "password.mismatch");
        }
        AccountTokens.Outcome outcome = accounts.resetPassword(form.token(), form.password(), result);
        if (outcome != AccountTokens.Outcome.VALID || result.hasErrors()) {
            model.addAttribute("outcome", outcome.name());
            return "accounts/password-reset-confirm";
        }
        Flash.success(redirect, "reset.done");
        return "redirect:/login";
    }
}

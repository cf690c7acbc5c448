package org.cinely.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.security.RateLimiter;
import org.cinely.platform.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The link in the verification mail opens a page with a button; the POST confirms. Opening a
 * link never changes anything, so mail scanners that prefetch links cannot spend it.
 */
@Controller
class EmailVerificationController {

    private final AccountService accounts;
    private final RateLimiter rateLimiter;
    private final SessionLogin sessionLogin;

    EmailVerificationController(AccountService accounts, RateLimiter rateLimiter, SessionLogin sessionLogin) {
        this.accounts = accounts;
        this.rateLimiter = rateLimiter;
        this.sessionLogin = sessionLogin;
    }

    @GetMapping("/verify-email")
    String showVerifyEmailForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("outcome", accounts.checkVerificationLink(token).name());
        return "accounts/verify-email";
    }

    @PostMapping("/verify-email")
    String processVerifyEmailForm(
            @RequestParam(defaultValue = "") String token,
            @AuthenticationPrincipal CurrentMember member,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        AccountTokens.Redemption redemption = accounts.verifyEmail(token);
        if (redemption.outcome() != AccountTokens.Outcome.VALID) {
            model.addAttribute("token", token);
            model.addAttribute("outcome", redemption.outcome().name());
            return "accounts/verify-email";
        }
        if (member != null && member.id().value() == redemption.accountId()) {
            sessionLogin.refresh(member.withVerifiedEmail(), request, response);
        }
        Flash.success(redirect, "verify.done");
        return member == null ? "redirect:/login" : "redirect:/";
    }

    @PostMapping("/settings/resend-verification")
    String resendVerification(@AuthenticationPrincipal CurrentMember member, RedirectAttributes redirect) {
        rateLimiter.acquire(AccountRateLimits.RESEND_VERIFICATION, "account:" + member.id());
        accounts.resendVerification(member.id());
        Flash.info(redirect, "verify.resent", member.email());
        return "redirect:/settings";
    }
}

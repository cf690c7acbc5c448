package org.cinely.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.security.RateLimiter;
import org.cinely.platform.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SignUpController {

    private final AccountService accounts;
    private final RateLimiter rateLimiter;
    private final SessionLogin sessionLogin;

    SignUpController(AccountService accounts, RateLimiter rateLimiter, SessionLogin sessionLogin) {
        this.accounts = accounts;
        this.rateLimiter = rateLimiter;
        this.sessionLogin = sessionLogin;
    }

    @GetMapping("/signup")
    String showSignUpForm(@AuthenticationPrincipal CurrentMember member, Model model) {
        if (member != null) {
            return "redirect:/";
        }
        model.addAttribute("form", SignUpForm.empty());
        return "accounts/signup";
    }

    /** Every submission counts toward the limit, so the form cannot be used to probe addresses fast. */
    @PostMapping("/signup")
    String processSignUpForm(
            @Valid @ModelAttribute("form") SignUpForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        rateLimiter.acquire(AccountRateLimits.SIGN_UP, "ip:" + request.getRemoteAddr());
        var account = accounts.signUp(form, result);
        if (account.isEmpty()) {
            return "accounts/signup";
        }
        sessionLogin.logIn(account.get().toCurrentMember(), request, response);
        Flash.success(
                redirect,
                "signup.welcome",
                account.get().getDisplayName(),
                account.get().getEmail());
        return "redirect:/";
    }
}

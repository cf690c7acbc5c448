package org.cinely.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.cinely.platform.security.CurrentMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The log-in page; the POST is handled by Spring Security's form log-in. */
@Controller
class LoginController {

    /** Where a failed log-in is forwarded to show the form again (see LoginHandlers.Failure). */
    static final String FAILED_PATH = "/login/failed";

    @GetMapping("/login")
    String showLoginForm(@AuthenticationPrincipal CurrentMember member) {
        if (member != null) {
            return "redirect:/";
        }
        return "accounts/login";
    }

    /** The form again, with why it failed and the e-mail as typed; reached by forward only. */
    @RequestMapping(FAILED_PATH)
    String showFailedLogin(HttpServletRequest request, Model model) {
        if (request.getAttribute(LoginProblem.REQUEST_ATTRIBUTE) instanceof LoginProblem problem) {
            model.addAttribute("problem", problem);
            model.addAttribute("email", problem.email());
        }
        return "accounts/login";
    }
}

package org.cinely.accounts;

import jakarta.servlet.http.HttpSession;
import org.cinely.platform.security.CurrentMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The log-in page; the POST is handled by Spring Security's form log-in. */
@Controller
class LoginController {

    @GetMapping("/login")
    String showLoginForm(@AuthenticationPrincipal CurrentMember member, HttpSession session, Model model) {
        if (member != null) {
            return "redirect:/";
        }
        Object problem = session.getAttribute(LoginProblem.SESSION_ATTRIBUTE);
        if (problem instanceof LoginProblem loginProblem) {
            session.removeAttribute(LoginProblem.SESSION_ATTRIBUTE);
            model.addAttribute("problem", loginProblem);
            model.addAttribute("email", loginProblem.email());
        }
        return "accounts/login";
    }
}

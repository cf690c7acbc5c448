package org.cinely.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** What happens after a log-in attempt: remember when it worked, say why when it did not. */
final class LoginHandlers {

    private LoginHandlers() {}

    static class Success extends SavedRequestAwareAuthenticationSuccessHandler {

        private final AccountService accounts;
        private final TrustedDevices devices;
        private final AccountDeletions deletions;

        Success(AccountService accounts, TrustedDevices devices, AccountDeletions deletions) {
            this.accounts = accounts;
            this.devices = devices;
            this.deletions = deletions;
            setDefaultTargetUrl("/");
            setRequestCache(org.cinely.platform.security.SavedRequests.CACHE);
        }

        @Override
        public void onAuthenticationSuccess(
                HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException, jakarta.servlet.ServletException {
            accounts.recordLogin(authentication.getName());
            devices.remember(request, response, Account.normalizeEmail(authentication.getName()));
            if (deletions != null && deletions.pending(authentication.getName())) {
                // Within the grace period: the member is offered to cancel before anything else.
                DeletionPendingGuard.markPending(request);
                clearAuthenticationAttributes(request);
                getRedirectStrategy().sendRedirect(request, response, AccountDataController.DELETION_PATH);
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /**
     * Suspended and banned members are told so, with the reason, but only after they gave the
     * right password (status is checked after the password), so the page reveals nothing to
     * someone guessing.
     */
    static class Failure implements AuthenticationFailureHandler {

        private final AccountRepository accounts;

        Failure(AccountRepository accounts) {
            this.accounts = accounts;
        }

        @Override
        public void onAuthenticationFailure(
                HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
                throws IOException, jakarta.servlet.ServletException {
            String email = request.getParameter("email");
            String key = "login.error.bad-credentials";
            String reason = null;
            if (exception instanceof LockedException || exception instanceof DisabledException) {
                Account account =
                        accounts.findByEmail(Account.normalizeEmail(email)).orElse(null);
                key = exception instanceof LockedException ? "login.error.suspended" : "login.error.banned";
                reason = account == null ? null : account.getStateReason();
            }
            String typed = email == null ? "" : email.substring(0, Math.min(email.length(), 254));
            // The log-in page is shown again in this response, with what was typed: no session is
            // made to carry the problem over a redirect (a failed try must not store anything).
            request.setAttribute(LoginProblem.REQUEST_ATTRIBUTE, new LoginProblem(key, reason, typed));
            request.getRequestDispatcher(LoginController.FAILED_PATH).forward(request, response);
        }
    }
}

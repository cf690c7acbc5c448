package org.cinely.accounts;

import java.util.Map;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Ends a member's logins elsewhere: their stored sessions (Spring Session JDBC, so every app node
 * sees it) and remember-me tokens. Used after a password change and when an account is
 * suspended or banned.
 */
@Component
class SessionTerminator {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final PersistentTokenRepository rememberMeTokens;

    SessionTerminator(
            FindByIndexNameSessionRepository<? extends Session> sessions, PersistentTokenRepository rememberMeTokens) {
        this.sessions = sessions;
        this.rememberMeTokens = rememberMeTokens;
    }

    void endAllSessions(String email) {
        end(email, null);
    }

    /** Keeps the session of the request being served (the member who just changed their password). */
    void endOtherSessions(String email) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        end(email, request == null ? null : request.getSessionId());
    }

    /**
     * Remember-me logins made under an address the member no longer has: they could not log in
     * again anyway (the series names the old address), so they are removed rather than left over.
     */
    void forgetRememberMe(String email) {
        rememberMeTokens.removeUserTokens(email);
    }

    private void end(String email, String keepSessionId) {
        Map<String, ? extends Session> found = sessions.findByPrincipalName(email);
        found.keySet().stream().filter(id -> !id.equals(keepSessionId)).forEach(sessions::deleteById);
        rememberMeTokens.removeUserTokens(email);
    }
}

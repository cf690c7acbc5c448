package org.cinely.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cinely.platform.security.CurrentMember;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Puts a member into the current session without the log-in form: right after sign-up, and to
 * refresh what the session knows after the member verified their e-mail.
 */
@Component
class SessionLogin {

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    /** A new identity in this browser: also a new session id (against session fixation). */
    void logIn(CurrentMember member, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        store(member, request, response);
    }

    /** The same member, with updated details (e.g. a confirmed e-mail). */
    void refresh(CurrentMember member, HttpServletRequest request, HttpServletResponse response) {
        store(member, request, response);
    }

    private void store(CurrentMember member, HttpServletRequest request, HttpServletResponse response) {
        member.eraseCredentials();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));
        holder.setContext(context);
        repository.saveContext(context, request, response);
    }
}

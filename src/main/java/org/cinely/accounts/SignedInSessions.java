package org.cinely.accounts;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.cinely.platform.security.CurrentMember;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Keeps what signed-in sessions know of a member (the {@link CurrentMember} in their security
 * context: the name in the header, the handle behind "My profile") in step with the account. Every
 * session of the member is rewritten, on this device and the others (sessions live in the
 * database), once the change is committed; the session of the request that made the change is
 * written through the request, so the page after the redirect already shows the new name.
 */
@Component
class SignedInSessions {

    private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AccountRepository accounts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions, AccountRepository accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    /** After the commit, in the thread of the request that renamed (synchronously, so no page shows the old name). */
    @TransactionalEventListener
    void on(MemberRenamed event) {
        accounts.findById(event.memberId().value()).ifPresent(account -> refresh(account));
    }

    /** A granted or revoked role applies to the member's open sessions, not only to the next log-in. */
    @TransactionalEventListener
    void on(RoleChanged event) {
        accounts.findById(event.memberId().value()).ifPresent(account -> refresh(account));
    }

    /**
     * A new address: sessions are found by the address they were opened with (their principal
     * name), and saving them with the new one re-indexes them under it.
     */
    @TransactionalEventListener
    void on(EmailChanged event) {
        accounts.findById(event.memberId().value()).ifPresent(account -> {
            String current = refreshCurrentRequest(account);
            refreshStored(sessions, account, event.previousEmail(), current);
        });
    }

    /**
     * A confirmed address lifts the "unverified" state in every open session of the member (the
     * link is often opened in another browser, or the mail app's), not only at the next log-in.
     */
    @TransactionalEventListener
    void on(EmailVerified event) {
        accounts.findById(event.memberId().value()).ifPresent(account -> refresh(account));
    }

    private void refresh(Account account) {
        String current = refreshCurrentRequest(account);
        refreshStored(sessions, account, account.getEmail(), current);
    }

    /** The session of this request, if it is the member's; returns its id (or null). */
    private String refreshCurrentRequest(Account account) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpSession session = attributes.getRequest().getSession(false);
        if (session == null || !isOf(session.getAttribute(CONTEXT), account)) {
            return null;
        }
        SecurityContext context = contextFor(account);
        session.setAttribute(CONTEXT, context);
        if (isOf(holder.getContext(), account)) {
            holder.setContext(context);
        }
        return session.getId();
    }

    private <S extends Session> void refreshStored(
            FindByIndexNameSessionRepository<S> repository, Account account, String principalName, String skip) {
        Map<String, S> found = repository.findByPrincipalName(principalName);
        found.forEach((id, session) -> {
            if (!id.equals(skip) && isOf(session.getAttribute(CONTEXT), account)) {
                session.setAttribute(CONTEXT, contextFor(account));
                repository.save(session);
            }
        });
    }

    private static boolean isOf(Object context, Account account) {
        return context instanceof SecurityContext security
                && security.getAuthentication() != null
                && security.getAuthentication().getPrincipal() instanceof CurrentMember member
                && member.id().value() == account.getId();
    }

    private SecurityContext contextFor(Account account) {
        CurrentMember member = account.toCurrentMember();
        member.eraseCredentials();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));
        return context;
    }
}

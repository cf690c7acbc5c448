package org.cinely.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.security.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Changing the e-mail address a member logs in with: asked with the current password, confirmed
 * by a single-use link sent to the new address (nothing changes until then), and told to the old
 * address once done, with the new one masked. Open sessions carry the new address from their next
 * page ({@link SignedInSessions}).
 */
@Service
class EmailChanges {

    static final Duration LINK_LIFETIME = Duration.ofHours(24);

    enum Outcome {
        CHANGED,
        INVALID,
        EXPIRED,
        USED,
        /** Another account took the address after the link was sent. */
        TAKEN
    }

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final PasswordEncoder passwordEncoder;
    private final AccountMails mails;
    private final RateLimiter rateLimiter;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SessionTerminator sessions;

    EmailChanges(
            AccountRepository accounts,
            AccountTokens tokens,
            PasswordEncoder passwordEncoder,
            AccountMails mails,
            RateLimiter rateLimiter,
            ApplicationEventPublisher events,
            Clock clock,
            SessionTerminator sessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.mails = mails;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Mails a confirmation link to {@code rawNewEmail}. Problems become errors on the fields
     * {@code newEmail} and {@code currentPassword}; nothing is sent while there are any. An address
     * that has an account gets the message sign-up gives (it reveals no more than sign-up does).
     *
     * @return the address the link went to, or empty when there were errors
     * @throws org.cinely.platform.security.RateLimitExceededException after a few tries an hour
     */
    @Transactional
    public Optional<String> request(MemberId memberId, String rawNewEmail, String currentPassword, Errors errors) {
        rateLimiter.acquire(AccountDataRateLimits.EMAIL_CHANGE, "account:" + memberId);
        Account account = find(memberId);
        String newEmail = Account.normalizeEmail(rawNewEmail);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            errors.rejectValue("currentPassword", "password.current-wrong");
        }
        if (!errors.hasFieldErrors("newEmail")) {
            if (newEmail.equals(account.getEmail())) {
                errors.rejectValue("newEmail", "email-change.same");
            } else if (accounts.existsByEmail(newEmail)) {
                errors.rejectValue("newEmail", "signup.email.taken");
            }
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        // Only the newest link works: an earlier one may have gone to a mistyped address.
        tokens.spendAll(account.getId(), AccountToken.Purpose.CHANGE_EMAIL);
        String token = tokens.issue(account.getId(), AccountToken.Purpose.CHANGE_EMAIL, LINK_LIFETIME, newEmail);
        mails.sendEmailChangeConfirmation(account, newEmail, token);
        return Optional.of(newEmail);
    }

    /**
     * Which page the link shows before it is used (GET never spends it). A link is only good for
     * the member it was sent for: confirming needs them signed in (the log-in page brings them
     * back), so a link forwarded or opened on someone else's signed-in browser does nothing.
     */
    @Transactional(readOnly = true)
    public Outcome check(String token, MemberId signedIn) {
        AccountTokens.Redemption found = tokens.check(token, AccountToken.Purpose.CHANGE_EMAIL);
        return forOtherMember(found, signedIn) ? Outcome.INVALID : outcome(found);
    }

    /**
     * Spends the link and changes the address. The unique index on the address decides a race
     * with a sign-up or another change at the same moment (the caller then rolls back).
     */
    @Transactional
    public Outcome confirm(String token, MemberId signedIn) {
        if (forOtherMember(tokens.check(token, AccountToken.Purpose.CHANGE_EMAIL), signedIn)) {
            return Outcome.INVALID;
        }
        AccountTokens.Redemption redemption = tokens.redeem(token, AccountToken.Purpose.CHANGE_EMAIL);
        Outcome outcome = outcome(redemption);
        if (outcome != Outcome.CHANGED) {
            return outcome;
        }
        Account account = accounts.findById(redemption.accountId()).orElseThrow();
        if (account.isErased() || account.deletionPending()) {
            return Outcome.INVALID;
        }
        String newEmail = redemption.newEmail();
        if (accounts.existsByEmail(newEmail)) {
            return Outcome.TAKEN;
        }
        String previous = account.getEmail();
        account.changeEmail(newEmail, clock.instant());
        accounts.flush();
        tokens.spendAll(account.getId(), AccountToken.Purpose.CHANGE_EMAIL);
        sessions.forgetRememberMe(previous);
        mails.sendEmailChangedNotice(account, previous, newEmail);
        events.publishEvent(new EmailChanged(account.memberId(), previous, newEmail));
        return Outcome.CHANGED;
    }

    private static boolean forOtherMember(AccountTokens.Redemption found, MemberId signedIn) {
        return found.accountId() != null && found.accountId() != signedIn.value();
    }

    private static Outcome outcome(AccountTokens.Redemption redemption) {
        return switch (redemption.outcome()) {
            case VALID -> Outcome.CHANGED;
            case EXPIRED -> Outcome.EXPIRED;
            case USED -> Outcome.USED;
            case INVALID -> Outcome.INVALID;
        };
    }

    /** "jonas@example.org" → "jo***@ex***.org": enough for the owner to recognise, not to learn. */
    static String mask(String email) {
        int at = email.indexOf('@');
        if (at < 0) {
            return "***";
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String host = dot < 0 ? domain : domain.substring(0, dot);
        String tld = dot < 0 ? "" : domain.substring(dot);
        return keep(local) + "***@" + keep(host) + "***" + tld;
    }

    private static String keep(String part) {
        return part.substring(0, Math.min(part.length() <= 3 ? 1 : 2, part.length()));
    }

    private Account find(MemberId memberId) {
        return accounts.findById(memberId.value()).orElseThrow(() -> new NotFoundException("member " + memberId));
    }
}

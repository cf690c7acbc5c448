package org.cinely.accounts;

import static org.cinely.accounts.jooq.Tables.ACCOUNT_HANDLE_CHANGES;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.search.Sql;
import org.cinely.platform.security.RateLimiter;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Errors;

/**
 * The rules of accounts: who may sign up, verify, change or reset a password. Over 300 lines
 * because these rules share the account's invariants (unique e-mail and handle, state, tokens).
 */
@Service
class AccountService {

    static final Duration VERIFICATION_LINK_LIFETIME = Duration.ofDays(7);
    static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);

    /** How many times a member may change their handle within {@link #HANDLE_CHANGE_WINDOW}. */
    static final int HANDLE_CHANGES = 3;

    static final java.time.Duration HANDLE_CHANGE_WINDOW = java.time.Duration.ofDays(30);

    /** The longest display name (the column's size; sign-up allows the same). */
    static final int MAX_DISPLAY_NAME = 80;

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AccountMails mails;
    private final SessionTerminator sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final DSLContext dsl;
    private final RateLimiter rateLimiter;

    AccountService(
            AccountRepository accounts,
            AccountTokens tokens,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            AccountMails mails,
            SessionTerminator sessions,
            ApplicationEventPublisher events,
            Clock clock,
            TransactionTemplate transactions,
            DSLContext dsl,
            RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        this.transactions = transactions;
        this.dsl = dsl;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.mails = mails;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a member account and mails the verification link. Rule violations become field
     * errors on {@code errors} and nothing is created.
     *
     * <p>Not one transaction as a whole: when two sign-ups with the same e-mail or handle meet,
     * the unique index refuses the second insert and its transaction can only roll back; the
     * check that tells the member which field to change runs after that, in a fresh one.
     */
    public Optional<Account> signUp(SignUpForm form, Errors errors) {
        String email = Account.normalizeEmail(form.email());
        String handle = form.normalizedHandle();
        HandlePolicy.problemWith(handle).ifPresent(problem -> errors.rejectValue("handle", problem));
        passwordPolicy
                .problemWith(form.password(), email, handle)
                .ifPresent(problem -> errors.rejectValue("password", problem));
        checkTaken(email, handle, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        String passwordHash = passwordEncoder.encode(form.password());
        try {
            return Optional.of(transactions.execute(status -> create(email, handle, form, passwordHash)));
        } catch (DataIntegrityViolationException raced) {
            // Two sign-ups with the same e-mail or handle at the same moment: the unique index decided.
            checkTaken(email, handle, errors);
            if (!errors.hasErrors()) {
                errors.reject("signup.taken-meanwhile");
            }
            return Optional.empty();
        }
    }

    private void checkTaken(String email, String handle, Errors errors) {
        if (!errors.hasFieldErrors("email") && accounts.existsByEmail(email)) {
            errors.rejectValue("email", "signup.email.taken");
        }
        if (!errors.hasFieldErrors("handle") && accounts.existsByHandle(handle)) {
            errors.rejectValue("handle", "handle.taken");
        }
    }

    private Account create(String email, String handle, SignUpForm form, String passwordHash) {
        Account account = accounts.saveAndFlush(
                new Account(email, handle, form.trimmedDisplayName(), passwordHash, Role.MEMBER, clock.instant()));
        events.publishEvent(new MemberSignedUp(account.memberId(), handle, account.getDisplayName()));
        sendVerification(account);
        return account;
    }

    /** Creates an account without the sign-up form (first admin, demo members). Already verified. */
    @Transactional
    public Account createVerified(String email, String handle, String displayName, String passwordHash, Role role) {
        Account account = new Account(email, handle, displayName, passwordHash, role, clock.instant());
        account.markVerified(clock.instant());
        accounts.save(account);
        events.publishEvent(new MemberSignedUp(account.memberId(), handle, displayName));
        return account;
    }

    /**
     * Changes a member's display name and handle by the rules of sign-up: a name of 1 to 80
     * characters, a handle that {@link HandlePolicy} allows and nobody else has (compared lower-cased,
     * as sign-up stores it). A handle the member already has is kept even if the policy changed since.
     * Problems become errors on the fields {@code displayName} and {@code handle}. Nothing changes
     * while {@code errors} holds any error, the caller's own included, so that one form is checked
     * as a whole. Publishes {@link MemberRenamed} when something changed.
     *
     * @throws DataIntegrityViolationException when another member took the handle at the same moment
     *     (the unique index decides; the caller's transaction is then rolled back)
     */
    @Transactional
    public Optional<Account> rename(MemberId memberId, String rawDisplayName, String rawHandle, Errors errors) {
        Account account = find(memberId);
        String displayName = rawDisplayName == null ? "" : rawDisplayName.strip();
        String handle = rawHandle == null ? "" : rawHandle.strip().toLowerCase(Locale.ROOT);
        // A field the form already found wrong (its length) gets no second message.
        if (!errors.hasFieldErrors("displayName")) {
            displayNameProblem(displayName).ifPresent(problem -> errors.rejectValue("displayName", problem));
        }
        boolean newHandle = !handle.equals(account.getHandle());
        Instant now = clock.instant();
        if (newHandle && !errors.hasFieldErrors("handle")) {
            HandlePolicy.problemWith(handle).ifPresent(problem -> errors.rejectValue("handle", problem));
            if (!errors.hasFieldErrors("handle") && accounts.existsByHandle(handle)) {
                errors.rejectValue("handle", "handle.taken");
            }
            nextHandleChange(memberId, now)
                    .ifPresent(allowedFrom -> errors.rejectValue(
                            "handle",
                            "handle.too-many-changes",
                            new Object[] {
                                HANDLE_CHANGES, HANDLE_CHANGE_WINDOW.toDays(), java.util.Date.from(allowedFrom)
                            },
                            "Too many handle changes"));
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        if (!newHandle && displayName.equals(account.getDisplayName())) {
            return Optional.of(account);
        }
        String previousHandle = account.getHandle();
        account.rename(displayName, handle);
        accounts.flush();
        if (newHandle) {
            dsl.insertInto(ACCOUNT_HANDLE_CHANGES)
                    .set(ACCOUNT_HANDLE_CHANGES.MEMBER_ID, memberId.value())
                    .set(ACCOUNT_HANDLE_CHANGES.CHANGED_AT, Sql.utc(now))
                    .execute();
        }
        events.publishEvent(new MemberRenamed(memberId, previousHandle, handle, displayName));
        return Optional.of(account);
    }

    /**
     * When this member may change their handle again, if not now: at most {@link #HANDLE_CHANGES}
     * changes in any {@link #HANDLE_CHANGE_WINDOW}, since others find and link to members by it.
     */
    private Optional<Instant> nextHandleChange(MemberId memberId, Instant now) {
        List<java.time.LocalDateTime> recent = dsl.select(ACCOUNT_HANDLE_CHANGES.CHANGED_AT)
                .from(ACCOUNT_HANDLE_CHANGES)
                .where(ACCOUNT_HANDLE_CHANGES.MEMBER_ID.eq(memberId.value()))
                .and(ACCOUNT_HANDLE_CHANGES.CHANGED_AT.gt(Sql.utc(now.minus(HANDLE_CHANGE_WINDOW))))
                .orderBy(ACCOUNT_HANDLE_CHANGES.CHANGED_AT)
                .fetch(ACCOUNT_HANDLE_CHANGES.CHANGED_AT);
        if (recent.size() < HANDLE_CHANGES) {
            return Optional.empty();
        }
        // Allowed again once the oldest change that counts leaves the window.
        return Optional.of(recent.get(recent.size() - HANDLE_CHANGES)
                .toInstant(java.time.ZoneOffset.UTC)
                .plus(HANDLE_CHANGE_WINDOW));
    }

    static Optional<String> displayNameProblem(String displayName) {
        if (displayName.isEmpty()) {
            return Optional.of("signup.displayName.required");
        }
        if (displayName.length() > MAX_DISPLAY_NAME) {
            return Optional.of("signup.displayName.too-long");
        }
        if (displayName.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("member.displayName.control-characters");
        }
        return Optional.empty();
    }

    @Transactional
    public void resendVerification(MemberId memberId) {
        Account account = find(memberId);
        if (!account.isVerified()) {
            sendVerification(account);
        }
    }

    private void sendVerification(Account account) {
        String token = tokens.issue(account.getId(), AccountToken.Purpose.VERIFY_EMAIL, VERIFICATION_LINK_LIFETIME);
        mails.sendVerification(account, token);
    }

    @Transactional(readOnly = true)
    public AccountTokens.Outcome checkVerificationLink(String token) {
        return tokens.check(token, AccountToken.Purpose.VERIFY_EMAIL).outcome();
    }

    /** Confirms the e-mail behind a verification link; the link works once. */
    @Transactional
    public AccountTokens.Redemption verifyEmail(String token) {
        AccountTokens.Redemption redemption = tokens.redeem(token, AccountToken.Purpose.VERIFY_EMAIL);
        if (redemption.outcome() == AccountTokens.Outcome.VALID) {
            Account account = accounts.findById(redemption.accountId()).orElseThrow();
            if (!account.isVerified()) {
                account.markVerified(clock.instant());
                events.publishEvent(new EmailVerified(account.memberId()));
            }
            tokens.spendAll(account.getId(), AccountToken.Purpose.VERIFY_EMAIL);
        }
        return redemption;
    }

    /**
     * Takes a request for a reset link. The caller answers the same either way, so the form cannot
     * be used to find out who is a member; and the answer also takes the same time, because the
     * address is looked up and the link mailed only after it ({@link #sendPasswordReset}): before,
     * a known address took 37 ms and an unknown one 14 ms.
     */
    @Transactional
    public void requestPasswordReset(String rawEmail) {
        events.publishEvent(new PasswordResetRequested(Account.normalizeEmail(rawEmail)));
    }

    /** Mails a reset link if the address has an account (after the request was answered). */
    @ApplicationModuleListener
    void sendPasswordReset(PasswordResetRequested request) {
        accounts.findByEmail(request.email()).ifPresent(account -> {
            String token = tokens.issue(account.getId(), AccountToken.Purpose.RESET_PASSWORD, RESET_LINK_LIFETIME);
            mails.sendPasswordReset(account, token);
        });
    }

    @Transactional(readOnly = true)
    public AccountTokens.Outcome checkResetLink(String token) {
        return tokens.check(token, AccountToken.Purpose.RESET_PASSWORD).outcome();
    }

    /**
     * Sets a new password from a reset link. Spends every reset link of the account, and ends
     * its other sessions and remember-me logins: whoever knew the old password is out.
     */
    @Transactional
    public AccountTokens.Outcome resetPassword(String token, String newPassword, Errors errors) {
        AccountTokens.Redemption check = tokens.check(token, AccountToken.Purpose.RESET_PASSWORD);
        if (check.outcome() != AccountTokens.Outcome.VALID) {
            return check.outcome();
        }
        Account account = accounts.findById(check.accountId()).orElseThrow();
        passwordPolicy
                .problemWith(newPassword, account.getEmail(), account.getHandle())
                .ifPresent(problem -> errors.rejectValue("password", problem));
        if (errors.hasErrors()) {
            return AccountTokens.Outcome.VALID;
        }
        tokens.redeem(token, AccountToken.Purpose.RESET_PASSWORD);
        tokens.spendAll(account.getId(), AccountToken.Purpose.RESET_PASSWORD);
        account.changePasswordHash(passwordEncoder.encode(newPassword));
        // Following the link proves the member reads that inbox.
        account.markVerified(clock.instant());
        sessions.endAllSessions(account.getEmail());
        // The reset link proves the owner: tries held back by the account-wide log-in limit
        // (guessing from elsewhere) no longer hold them back.
        rateLimiter.forget(AccountRateLimits.LOG_IN_ACCOUNT, "account:" + account.getEmail());
        return AccountTokens.Outcome.VALID;
    }

    /** Changes the password of a signed-in member who knows the current one. */
    @Transactional
    public boolean changePassword(MemberId memberId, String currentPassword, String newPassword, Errors errors) {
        Account account = find(memberId);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            errors.rejectValue("currentPassword", "password.current-wrong");
        }
        passwordPolicy
                .problemWith(newPassword, account.getEmail(), account.getHandle())
                .ifPresent(problem -> errors.rejectValue("newPassword", problem));
        if (errors.hasErrors()) {
            return false;
        }
        account.changePasswordHash(passwordEncoder.encode(newPassword));
        sessions.endOtherSessions(account.getEmail());
        return true;
    }

    @Transactional
    public void changeState(MemberId memberId, AccountState state, String reason, MemberId changedBy) {
        Account account = find(memberId);
        account.changeState(state, reason);
        if (state != AccountState.ACTIVE) {
            sessions.endAllSessions(account.getEmail());
        }
        events.publishEvent(new AccountStateChanged(memberId, state, reason, changedBy));
    }

    @Transactional
    public void recordLogin(String email) {
        accounts.findByEmail(Account.normalizeEmail(email)).ifPresent(account -> account.recordLogin(clock.instant()));
    }

    private Account find(MemberId memberId) {
        return accounts.findById(memberId.value()).orElseThrow(() -> new NotFoundException("member " + memberId));
    }
}

package org.cinely.accounts;

import static org.cinely.accounts.jooq.Tables.ACCOUNTS;
import static org.cinely.accounts.jooq.Tables.ACCOUNT_HANDLE_CHANGES;
import static org.cinely.accounts.jooq.Tables.ACCOUNT_TOKENS;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.account.MemberData;
import org.cinely.platform.mail.MailOutbox;
import org.cinely.platform.moderation.ContentModeration;
import org.cinely.platform.search.Sql;
import org.cinely.platform.security.RateLimiter;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Errors;

/**
 * Deleting an account, the way members expect it from a careful site: asked with the password,
 * the account is at once signed out everywhere and its profile, works and listings disappear for
 * everyone else (the content modules treat it as suspended, through the same {@link
 * ContentModeration#applyStanding} a suspension uses). For {@link #GRACE_PERIOD} logging in offers
 * to cancel, which restores everything. After that a scheduled task erases it: every module removes
 * or anonymises its own part ({@link MemberData#erase}), stored media included, and the account
 * row stays as an anonymised tombstone ({@link Account#erase}).
 *
 * <p>What stays, anonymised rather than removed: the moderation module's cases, decisions,
 * appeals and the hash-chained audit log keep the member's id, which now names "Deleted member"
 * (a chained log cannot lose rows, and statements of reasons must be kept; nothing in them says
 * who the member was once the account is erased). Everything the member made or said elsewhere
 * is removed, each module saying what in its {@code MemberData}.
 */
@Service
class AccountDeletions {

    static final Duration GRACE_PERIOD = Duration.ofDays(14);

    private static final Logger log = LoggerFactory.getLogger(AccountDeletions.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final SessionTerminator sessions;
    private final AccountMails mails;
    private final RateLimiter rateLimiter;
    private final List<ContentModeration> contents;
    private final List<MemberData> parts;
    private final DSLContext dsl;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MailOutbox mailOutbox;
    private final SecureRandom random = new SecureRandom();

    AccountDeletions(
            AccountRepository accounts,
            PasswordEncoder passwordEncoder,
            SessionTerminator sessions,
            AccountMails mails,
            RateLimiter rateLimiter,
            List<ContentModeration> contents,
            List<MemberData> parts,
            DSLContext dsl,
            TransactionTemplate transactions,
            Clock clock,
            MailOutbox mailOutbox) {
        this.mailOutbox = mailOutbox;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.mails = mails;
        this.rateLimiter = rateLimiter;
        this.contents = contents;
        this.parts = parts.stream()
                .sorted(Comparator.comparingInt(MemberData::order))
                .toList();
        this.dsl = dsl;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Schedules the account's erasure, checked by the password (an error on {@code password}
     * otherwise). Ends every session and remember-me login of the member on every node, the one
     * of this request included, and hides their content from everyone else in the same
     * transaction. Asking twice (a double submit) keeps the first date.
     *
     * @return when the account will be erased, or empty when the password was wrong
     */
    @Transactional
    public Optional<Instant> request(MemberId memberId, String password, Errors errors) {
        rateLimiter.acquire(AccountDataRateLimits.DELETE_ACCOUNT, "account:" + memberId);
        Account account = lock(memberId);
        if (password == null || !passwordEncoder.matches(password, account.getPasswordHash())) {
            errors.rejectValue("password", "password.current-wrong");
            return Optional.empty();
        }
        if (account.deletionPending()) {
            return Optional.of(account.getDeletionDueAt());
        }
        // As for stepping down: the last admin would leave nobody to manage roles (admins already
        // leaving do not count; the lock serialises two admins leaving at once).
        if (account.getRole() == Role.ADMIN
                && accounts.lockAdmins().stream()
                                .filter(admin -> !admin.deletionPending())
                                .count()
                        <= 1) {
            errors.reject("deletion.last-admin");
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as stored
        account.requestDeletion(now, now.plus(GRACE_PERIOD));
        accounts.flush();
        applyStanding(account);
        sessions.endAllSessions(account.getEmail());
        mails.sendDeletionScheduled(account, account.getDeletionDueAt());
        return Optional.of(account.getDeletionDueAt());
    }

    /** Cancels a scheduled deletion within the grace period: everything shows again. */
    @Transactional
    public boolean cancel(MemberId memberId) {
        Account account = lock(memberId);
        if (!account.deletionPending()) {
            return false;
        }
        account.cancelDeletion();
        accounts.flush();
        applyStanding(account);
        mails.sendDeletionCancelled(account);
        return true;
    }

    /** When the member's account will be erased, if its deletion is scheduled. */
    @Transactional(readOnly = true)
    public Optional<Instant> dueAt(MemberId memberId) {
        return accounts.findById(memberId.value())
                .filter(Account::deletionPending)
                .map(Account::getDeletionDueAt);
    }

    @Transactional(readOnly = true)
    boolean pending(String email) {
        return accounts.findByEmail(Account.normalizeEmail(email))
                .map(Account::deletionPending)
                .orElse(false);
    }

    private void applyStanding(Account account) {
        for (ContentModeration content : contents) {
            content.applyStanding(account.memberId(), account.standing());
        }
    }

    // ---------------------------------------------------------------- erasure after the grace period

    @Scheduled(fixedDelayString = "${cinely.accounts.erasure-check:PT10M}", initialDelayString = "PT1M")
    void eraseDue() {
        try {
            eraseDueBy(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Erasing deleted accounts failed, trying again at the next check: {}", e.toString());
        }
    }

    /**
     * Erases every account whose grace period ended by {@code now}, one per transaction. Each is
     * claimed with {@code FOR UPDATE SKIP LOCKED}: two nodes checking at once erase different
     * accounts, never one twice, and an erased account is never picked again.
     *
     * @return how many this call erased
     */
    int eraseDueBy(Instant now) {
        int erased = 0;
        while (Boolean.TRUE.equals(transactions.execute(status -> eraseOne(now)))) {
            erased++;
        }
        return erased;
    }

    private boolean eraseOne(Instant now) {
        Optional<Long> claimed = dsl.select(ACCOUNTS.ID)
                .from(ACCOUNTS)
                .where(ACCOUNTS.DELETION_DUE_AT.le(Sql.utc(now)))
                .and(ACCOUNTS.ERASED_AT.isNull())
                .orderBy(ACCOUNTS.DELETION_DUE_AT)
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOptional(ACCOUNTS.ID);
        if (claimed.isEmpty()) {
            return false;
        }
        MemberId member = MemberId.of(claimed.get());
        Account account = find(member);
        String email = account.getEmail();
        for (MemberData part : parts) {
            part.erase(member);
        }
        dsl.deleteFrom(ACCOUNT_TOKENS)
                .where(ACCOUNT_TOKENS.ACCOUNT_ID.eq(member.value()))
                .execute();
        dsl.deleteFrom(ACCOUNT_HANDLE_CHANGES)
                .where(ACCOUNT_HANDLE_CHANGES.MEMBER_ID.eq(member.value()))
                .execute();
        sessions.endAllSessions(email);
        mailOutbox.forgetRecipient(email);
        account.erase(passwordEncoder.encode(unguessable()), now);
        accounts.flush();
        log.info("Erased the account of member {} (deletion asked on {})", member, account.getDeletionRequestedAt());
        return true;
    }

    private String unguessable() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    private Account lock(MemberId memberId) {
        return accounts.lockById(memberId.value()).orElseThrow(() -> new NotFoundException("member " + memberId));
    }

    private Account find(MemberId memberId) {
        return accounts.findById(memberId.value()).orElseThrow(() -> new NotFoundException("member " + memberId));
    }
}
